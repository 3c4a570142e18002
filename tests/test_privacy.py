"""Privacy: the notice, the separate consent to a transfer abroad, retention."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from background.schedule import JOBS
from enquiries.models import Enquiry, Notification, RoutingRule
from enquiries.retention import anonymise_expired_enquiries
from enquiries.routing import route

from .enquiry_helpers import default_desk, enquiry_data, make_desk, make_enquiry
from .pages import get_page, switch_link, twin, warm_up

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans"]


def url_of(name, language):
    with translation.override(language):
        return reverse(name)


# The notice


@pytest.mark.parametrize("language", LANGUAGES)
def test_notice_answers_in_each_language_without_queries(
    client, django_assert_num_queries, language
):
    url = url_of("privacy", language)
    assert url == f"/{language}/privacy/"
    warm_up(client, url)
    with django_assert_num_queries(0):
        response = get_page(client, url, language)
    assert response.headers["Content-Language"] == language
    assert switch_link(response) == twin(url, language)
    html = response.content.decode()
    # The overseas recipients' names and contacts (PIPL article 39).
    assert f'href="{url_of("projects:centre_list", language)}"' in html
    if language == "zh-hans":
        assert "<h1>隐私声明</h1>" in html
        assert "个人信息保护法" in html and "中国大陆境外" in html
        assert "Privacy notice" not in html
    else:
        assert "<h1>Privacy notice</h1>" in html
        assert "PIPL article 39" in html


@pytest.mark.parametrize(
    ("language", "days", "shown"),
    [
        ("en", 3 * 365, "for 3 years after the last activity"),
        ("en", 90, "for 90 days after the last activity"),
        ("zh-hans", 3 * 365, "保存 3 年"),
        ("zh-hans", 400, "保存 400 天"),
    ],
)
def test_notice_prints_the_retention_period_and_contact_from_settings(
    client, settings, language, days, shown
):
    settings.ENQUIRY_RETENTION_DAYS = days
    settings.PRIVACY_CONTACT_EMAIL = "dpo@bureau.example"
    html = client.get(url_of("privacy", language)).content.decode()
    assert shown in html
    assert 'href="mailto:dpo@bureau.example"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_notice_is_linked_from_the_consent_the_footer_and_the_sitemap(client, language):
    notice = url_of("privacy", language)
    form = client.get(url_of("enquiries:form", language)).content.decode()
    consent_label = form.split('<label for="id_consent">', 1)[1].split("</label>", 1)[0]
    assert f'href="{notice}"' in consent_label
    home = client.get(url_of("projects:home", language)).content.decode()
    footer = home.split('<footer class="site-footer">', 1)[1]
    assert f'href="{notice}"' in footer
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{notice}</loc>" in sitemap


def test_notice_refuses_a_post(client):
    assert client.post(url_of("privacy", "en")).status_code == 405


# Separate consent to a transfer abroad


@pytest.fixture
def abroad_rule():
    desk = make_desk("Germany", abroad=True)
    RoutingRule.objects.create(kind=RoutingRule.Kind.COUNTRY, country="DE", desk=desk)
    return desk


def submit(client, language="en", **fields):
    return client.post(url_of("enquiries:form", language), enquiry_data(**fields))


@pytest.mark.parametrize("language", LANGUAGES)
def test_cross_border_consent_is_optional_and_never_pre_ticked(client, language):
    html = client.get(url_of("enquiries:form", language)).content.decode()
    box = html.split('name="cross_border_consent"', 1)[1].split(">", 1)[0]
    assert "checked" not in box and "required" not in box
    if language == "zh-hans":
        assert "中国大陆境外" in html
    assert submit(client, language).status_code == 302
    assert Enquiry.objects.get().cross_border_consent is False


@pytest.mark.parametrize(
    ("posted", "consents"),
    [("yes", True), ("on", False), ("off", False), ("false", False), ("0", False), ("", False)],
)
def test_only_a_yes_counts_as_consent_to_a_transfer_abroad(client, abroad_rule, posted, consents):
    submit(client, cross_border_consent=posted)
    enquiry = Enquiry.objects.get()
    assert enquiry.cross_border_consent is consents
    assert (enquiry.desk == abroad_rule) is consents


def test_with_consent_an_enquiry_goes_to_the_desk_abroad(client, abroad_rule):
    submit(client, cross_border_consent="yes")
    enquiry = Enquiry.objects.get()
    assert enquiry.cross_border_consent is True
    assert enquiry.desk == abroad_rule


def test_without_consent_it_stays_with_the_default_desk_in_china(client, abroad_rule):
    submit(client)
    assert Enquiry.objects.get().desk == default_desk()


def test_without_consent_the_next_rule_in_china_still_applies(client, abroad_rule):
    europe = make_desk("Europe in Qingdao")
    RoutingRule.objects.create(
        kind=RoutingRule.Kind.COUNTRY, country="DE", desk=europe, priority=200
    )
    submit(client)
    submit(client, cross_border_consent="yes")
    without, with_consent = Enquiry.objects.order_by("pk")
    assert without.desk == europe
    assert with_consent.desk == abroad_rule


def test_staff_cannot_move_an_enquiry_abroad_without_consent(abroad_rule):
    enquiry = make_enquiry(desk=default_desk())
    enquiry.desk = abroad_rule
    with pytest.raises(ValidationError) as error:
        enquiry.full_clean()
    assert "desk" in error.value.message_dict
    enquiry.cross_border_consent = True
    enquiry.full_clean()


def test_the_default_desk_cannot_be_abroad():
    desk = default_desk()
    desk.abroad = True
    with pytest.raises(ValidationError) as error:
        desk.full_clean()
    assert "abroad" in error.value.message_dict


def test_admin_shows_the_consent_and_the_desks_abroad(admin_client, abroad_rule):
    enquiry = make_enquiry(cross_border_consent=True, desk=abroad_rule)
    page = admin_client.get(reverse("admin:enquiries_enquiry_change", args=[enquiry.pk]))
    html = page.content.decode()
    assert "Consents to a transfer abroad" in html
    assert 'alt="True"' in html.split("Consents to a transfer abroad", 1)[1][:400]
    desks = admin_client.get(reverse("admin:enquiries_desk_changelist")).content.decode()
    assert "Outside mainland China" in desks


# Retention


def age(enquiry, days, **fields):
    """Make an enquiry's last activity `days` ago (update() leaves auto_now alone)."""
    then = timezone.now() - timedelta(days=days)
    Enquiry.objects.filter(pk=enquiry.pk).update(updated_at=then, created_at=then, **fields)


@pytest.fixture
def old_and_recent(settings, django_capture_on_commit_callbacks):
    """Two routed enquiries with their emails queued: one past retention, one not."""
    settings.ENQUIRY_RETENTION_DAYS = 365
    old = make_enquiry(name="Old Investor", email="old@investor.example")
    recent = make_enquiry(name="Recent Investor", email="recent@investor.example")
    with django_capture_on_commit_callbacks(execute=True):
        route(old)
        route(recent)
    age(old, 366)
    age(recent, 364)
    return old, recent


def task_rows_of(enquiry):
    pks = set(enquiry.notifications.values_list("pk", flat=True))
    return [row for row in DBTaskResult.objects.all() if row.args_kwargs["args"][0] in pks]


def test_retention_job_is_registered_and_daily():
    job = JOBS["enquiries.retention.anonymise_expired_enquiries"]
    assert job.every == timedelta(days=1)


def test_old_enquiry_is_anonymised_with_its_attached_rows(old_and_recent):
    old, recent = old_and_recent
    assert len(task_rows_of(old)) == 2 and len(task_rows_of(recent)) == 2
    old_tasks = [row.pk for row in task_rows_of(old)]

    assert anonymise_expired_enquiries.call() == 1

    old.refresh_from_db()
    for field in ("name", "company", "email", "phone", "message", "internal_notes"):
        assert getattr(old, field) == "", field
    assert old.anonymised_at is not None
    assert old.status == Enquiry.Status.CLOSED
    # What the statistics count stays.
    assert (old.country, old.desk, old.reference) == ("DE", default_desk(), old.reference)
    assert old.created_at < timezone.now() - timedelta(days=365)
    assert not Notification.objects.filter(enquiry=old).exists()
    assert not DBTaskResult.objects.filter(pk__in=old_tasks).exists()
    # The recent one is untouched, with its emails and task rows.
    recent.refresh_from_db()
    assert recent.name == "Recent Investor" and recent.anonymised_at is None
    assert recent.notifications.count() == 2 and len(task_rows_of(recent)) == 2


def test_retention_job_is_idempotent(old_and_recent):
    old, _recent = old_and_recent
    anonymise_expired_enquiries.call()
    old.refresh_from_db()
    first = old.anonymised_at
    assert anonymise_expired_enquiries.call() == 0
    old.refresh_from_db()
    assert old.anonymised_at == first


def test_a_recent_reply_or_rating_keeps_an_enquiry(settings):
    settings.ENQUIRY_RETENTION_DAYS = 365
    recent = timezone.now() - timedelta(days=10)
    replied, rated, idle = make_enquiry(), make_enquiry(), make_enquiry()
    age(replied, 400, last_replied_at=recent)
    age(rated, 400, rated_at=recent, rating=5)
    age(idle, 400, rating=4)
    assert anonymise_expired_enquiries.call() == 1
    idle.refresh_from_db()
    assert idle.anonymised_at and idle.rating == 4  # a number about nobody, kept for statistics
    assert Enquiry.objects.filter(anonymised_at__isnull=True).count() == 2


def test_an_anonymised_enquiry_is_not_found_by_status_lookup(client, old_and_recent):
    old, _recent = old_and_recent
    anonymise_expired_enquiries.call()
    response = client.post(
        url_of("enquiries:status", "en"), {"reference": old.reference, "email": ""}
    )
    assert response.status_code == 200
    assert response.context["enquiry"] is None


def test_an_anonymised_enquiry_is_never_routed_or_mailed_again(old_and_recent):
    from django.core.management import call_command

    old, _recent = old_and_recent
    anonymise_expired_enquiries.call()
    call_command("send_pending_enquiries", stdout=io.StringIO())
    assert not Notification.objects.filter(enquiry=old).exists()


def test_command_counts_then_anonymises(old_and_recent):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("anonymise_expired_enquiries", dry_run=True, stdout=out)
    assert "1 enquiry(ies) older than 365 days would be anonymised" in out.getvalue()
    assert not Enquiry.objects.filter(anonymised_at__isnull=False).exists()
    call_command("anonymise_expired_enquiries", stdout=out)
    assert Enquiry.objects.filter(anonymised_at__isnull=False).get() == old_and_recent[0]


def test_a_backlog_is_anonymised_in_batches(monkeypatch, settings):
    from enquiries import retention

    settings.ENQUIRY_RETENTION_DAYS = 365
    monkeypatch.setattr(retention, "BATCH", 2)
    for _number in range(5):
        age(make_enquiry(), 400)
    assert anonymise_expired_enquiries.call() == 5
    assert not Enquiry.objects.filter(anonymised_at__isnull=True).exists()


def test_retention_and_contact_come_from_the_environment():
    from django.core.exceptions import ImproperlyConfigured

    from .production import load

    values = load(ENQUIRY_RETENTION_DAYS="730", PRIVACY_CONTACT_EMAIL="dpo@qingdao.example")
    assert values["ENQUIRY_RETENTION_DAYS"] == 730
    assert values["PRIVACY_CONTACT_EMAIL"] == "dpo@qingdao.example"
    assert load()["ENQUIRY_RETENTION_DAYS"] == 3 * 365
    with pytest.raises(ImproperlyConfigured):
        load(ENQUIRY_RETENTION_DAYS="0")
