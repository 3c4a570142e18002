"""The editors' dashboard: each kind of item appears when it should and only then."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dashboard.models import ExternalLink, LinkSource
from dashboard.selectors import LIMIT, attention
from projects.models import Park, ParkFigure, Policy

from .factories import make_event, make_park, make_policy
from .siting_helpers import make_indicator, make_site
from .story_factories import make_figure, make_story

pytestmark = pytest.mark.django_db

NOW = timezone.now()
TODAY = timezone.localdate()


def section(key, **kwargs):
    (found,) = [s for s in attention(**kwargs) if s.key == key]
    return found


def labels(key, **kwargs):
    return {item.label for item in section(key, **kwargs).items}


def reviewed(record, days_ago):
    type(record).objects.filter(pk=record.pk).update(
        reviewed_at=NOW - datetime.timedelta(days=days_ago)
    )


# --- missing translations ---------------------------------------------------


def test_a_record_missing_chinese_is_listed_under_chinese_only():
    complete = make_park()
    partial = make_park(summary={"en": "An English summary.", "zh-hans": ""}, status="draft")
    site = make_site(summary_en="")
    assert labels("missing-zh-hans") == {str(partial)}
    assert labels("missing-en") == {str(site)}
    assert str(complete) not in labels("missing-zh-hans") | labels("missing-en")
    item = section("missing-zh-hans").items[0]
    assert item.url == reverse("admin:projects_park_change", args=[partial.pk])
    assert item.note == "park · summary"
    make_park(name={"en": "Park", "zh-hans": ""}, summary={"en": "Summary.", "zh-hans": ""})
    assert "park · name, summary" in {i.note for i in section("missing-zh-hans").items}


def test_every_publishable_type_is_counted():
    make_story(summary_zh_hans="")
    make_policy(name={"en": "A policy", "zh-hans": ""})
    assert len(section("missing-zh-hans").items) == 2


# --- figures older than FIGURE_MAX_AGE_MONTHS ------------------------------


def test_old_figures_are_listed_and_current_ones_are_not(settings):
    settings.FIGURE_MAX_AGE_MONTHS = 18
    park = make_park()
    old = ParkFigure.objects.create(park=park, label="Companies", value=200, year=TODAY.year - 3)
    ParkFigure.objects.create(park=park, label="Area", value=5, year=TODAY.year, position=1)
    stale_indicator = make_indicator(as_of=TODAY - datetime.timedelta(days=800))
    make_indicator(as_of=TODAY - datetime.timedelta(days=30))
    stale_bilateral = make_figure(year=TODAY.year - 4)
    make_figure(year=TODAY.year)
    items = section("figures").items
    assert len(items) == 3
    by_url = {item.url: item for item in items}
    # A park's key figure is edited on the park's page.
    assert reverse("admin:projects_park_change", args=[park.pk]) in by_url
    assert str(old) in by_url[reverse("admin:projects_park_change", args=[park.pk])].label
    assert reverse("admin:siting_indicator_change", args=[stale_indicator.pk]) in by_url
    assert reverse("admin:stories_bilateralfigure_change", args=[stale_bilateral.pk]) in by_url


def test_the_age_follows_the_setting(settings):
    make_indicator(as_of=TODAY - datetime.timedelta(days=400))
    settings.FIGURE_MAX_AGE_MONTHS = 18
    assert not section("figures").items
    settings.FIGURE_MAX_AGE_MONTHS = 6
    assert len(section("figures").items) == 1


# --- policies expiring within 30 days --------------------------------------


def test_policies_expiring_within_30_days_are_listed_soonest_first():
    later = make_policy(expiry_date=TODAY + datetime.timedelta(days=29))
    soon = make_policy(expiry_date=TODAY + datetime.timedelta(days=3))
    make_policy(expiry_date=TODAY + datetime.timedelta(days=45))
    make_policy(expiry_date=TODAY - datetime.timedelta(days=1))
    make_policy(expiry_date=TODAY + datetime.timedelta(days=5), status=Policy.Status.DRAFT)
    make_policy()  # no expiry
    assert [item.label for item in section("expiring").items] == [str(soon), str(later)]


# --- past events still promoted --------------------------------------------


def past(**fields):
    start = NOW - datetime.timedelta(days=10)
    return make_event(starts_at=start, ends_at=start + datetime.timedelta(days=1), **fields)


def test_a_published_past_event_nobody_looked_at_since_is_listed():
    ended = past()
    looked_at = past()
    looked_at.__class__.objects.filter(pk=looked_at.pk).update(reviewed_at=NOW)
    old_review = past()
    reviewed(old_review, 30)  # reviewed before it took place
    past(status="draft")
    make_event()  # upcoming
    assert labels("past-events") == {str(ended), str(old_review)}


# --- never reviewed, or not in 12 months ------------------------------------


def test_published_records_not_reviewed_in_12_months_are_listed():
    never = make_park()
    stale = make_park()
    reviewed(stale, 400)
    fresh = make_park()
    reviewed(fresh, 30)
    make_park(status=Park.Status.DRAFT)
    assert labels("review") == {str(never), str(stale)}


# --- external links ----------------------------------------------------------


def test_only_failing_links_are_listed_with_their_record():
    from django.contrib.contenttypes.models import ContentType

    park = make_park()
    other = make_park()
    kind = ContentType.objects.get_for_model(Park)
    bad = ExternalLink.objects.create(url="https://gone.example/", failures=2, status_code=404)
    good = ExternalLink.objects.create(url="https://fine.example/", status_code=200)
    LinkSource.objects.create(link=bad, content_type=kind, object_id=park.pk, field="website")
    LinkSource.objects.create(link=good, content_type=kind, object_id=other.pk, field="website")
    assert labels("links") == {str(park)}


# --- who sees what ------------------------------------------------------------


def test_an_officer_who_cannot_edit_content_sees_no_content_items():
    make_park(summary_zh_hans="")
    officer = User.objects.create_user("officer", is_staff=True)
    officer.groups.add(Group.objects.get(name="Investment officer"))
    assert not any(s.items for s in attention(user=officer))


# --- the page -----------------------------------------------------------------

URL = "/admin/dashboard/"


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_admin_index_links_to_the_dashboard_first(client, editor):
    response = client.get(reverse("admin:index"))
    content = response.content.decode()
    assert f'href="{URL}"' in content
    assert content.index(URL) < content.index("app-projects")


@pytest.mark.parametrize(
    ("language", "title", "heading"),
    [
        ("en", "Editors’ dashboard", "Past events still published as promoted"),
        ("zh-hans", "编辑工作台", "仍按推广状态发布的往期活动"),
    ],
)
def test_the_dashboard_in_each_language(client, editor, language, title, heading):
    park = make_park(summary_zh_hans="")
    response = client.get(URL, headers={"accept-language": language})
    assert response.status_code == 200
    content = response.content.decode()
    assert f'lang="{language}"' in content
    assert title in content and heading in content
    assert reverse("admin:projects_park_change", args=[park.pk]) in content
    # The digest is written in the language the editor reads the admin in.
    assert editor.editor_digest.language == language


def test_bad_input_is_ignored(client, editor):
    response = client.get(URL + "?section=%00&page=-1&" + "x" * 2000)
    assert response.status_code == 200


def make_one_of_each(count):
    for _number in range(count):
        park = make_park(summary_zh_hans="")
        ParkFigure.objects.create(park=park, label="Old", value=1, year=2000)
        make_policy(expiry_date=TODAY + datetime.timedelta(days=5))
        past()
        make_site(summary_en="")
        make_story()
        make_indicator(as_of=datetime.date(2000, 1, 1))
        make_figure(year=2000)
        link = ExternalLink.objects.create(url=f"https://gone.example/{park.pk}", failures=1)
        from django.contrib.contenttypes.models import ContentType

        LinkSource.objects.create(
            link=link,
            content_type=ContentType.objects.get_for_model(Park),
            object_id=park.pk,
            field="website",
        )


def test_the_dashboard_queries_do_not_grow_with_the_records(client, editor):
    make_one_of_each(1)
    client.get(URL)  # warms the content-type cache and the editor's digest row
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    make_one_of_each(LIMIT + 2)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert len(many) == len(few) <= 40
    assert f"The first {LIMIT} of {LIMIT + 3} are listed." in response.content.decode()
