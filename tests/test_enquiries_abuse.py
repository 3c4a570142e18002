"""The enquiry form cannot be used to mail strangers, fake consent, hide text or double-post."""

from unittest import mock

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import translation

from enquiries import views
from enquiries.forms import EnquiryForm
from enquiries.models import Enquiry, Notification
from enquiries.submission import TOKEN_MAX_AGE, issue_token, read_token

from .enquiry_helpers import enquiry_data

pytestmark = pytest.mark.django_db


def form_url(language="en"):
    with translation.override(language):
        return reverse("enquiries:form")


def submit(client, language="en", **fields):
    return client.post(form_url(language), enquiry_data(**fields))


# Acknowledgements -----------------------------------------------------------------------

PHISHING = "Your account is locked. Sign in at http://evil.example/login within 24 hours."


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_acknowledgement_quotes_nothing_the_visitor_typed(client, worker, language):
    submit(client, language, name="Security Team", company="Bank Support", message=PHISHING)
    worker.run()
    enquiry = Enquiry.objects.get()
    (ack,) = [message for message in mail.outbox if message.to == [enquiry.email]]
    for typed in ("Security Team", "Bank Support", "evil.example", "locked"):
        assert typed not in ack.body and typed not in ack.subject
    assert enquiry.reference in ack.body


def test_an_address_gets_a_bounded_number_of_acknowledgements_a_day(client, worker, settings):
    settings.ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY = 3
    for email in [
        "victim@example.com",
        "Victim@Example.com",
        "victim@example.com",
        "VICTIM@example.com",
    ]:
        assert submit(client, email=email).status_code == 302
    worker.run()
    assert Enquiry.objects.count() == 4
    acks = [m for m in mail.outbox if m.to[0].lower() == "victim@example.com"]
    assert len(acks) == 3
    # Every enquiry still reaches the desk; the last one says why it was not acknowledged.
    assert Notification.objects.filter(kind="desk").count() == 4
    last = Enquiry.objects.order_by("pk").last()
    assert last.acknowledgement_withheld == Enquiry.Withheld.DAILY_LIMIT
    assert not last.notifications.filter(kind="ack").exists()
    assert Enquiry.objects.exclude(acknowledgement_withheld="").count() == 1


def test_other_addresses_are_not_affected_by_the_bound(client, settings):
    settings.ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY = 1
    submit(client, email="one@example.com")
    submit(client, email="two@example.com")
    assert Notification.objects.filter(kind="ack").count() == 2


# Consent --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["on", "off", "true", "True", "1", "no", "", "yes "])
def test_consent_is_only_an_explicit_yes(client, value):
    response = submit(client, consent=value)
    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert not Enquiry.objects.exists()


def test_missing_consent_is_refused(client):
    data = enquiry_data()
    data.pop("consent")
    assert "consent" in client.post(form_url(), data).context["form"].errors


def test_the_consent_box_sends_yes(client):
    html = client.get(form_url()).content.decode()
    assert 'type="checkbox" name="consent" value="yes"' in html


# Invisible characters -------------------------------------------------------------------

INVISIBLE = [
    "\u202e",  # right-to-left override
    "\u202a",
    "\u2066",  # left-to-right isolate
    "\u2069",
    "\u200b",  # zero-width space
    "\u200d",
    "\ufeff",  # byte-order mark
    "\x1b",  # escape (C0)
    "\x85",  # next line (C1)
    "\x7f",
]


@pytest.mark.parametrize("character", INVISIBLE)
@pytest.mark.parametrize("field", ["name", "company", "message"])
def test_invisible_characters_are_stripped_with_a_form_message(client, field, character):
    value = f"Harbour{character} Logistics"
    response = submit(client, **{field: value})
    assert response.status_code == 200
    form = response.context["form"]
    assert "invisible" in str(form.errors[field])
    assert not Enquiry.objects.exists()
    # The form comes back with the cleaned text; sending it again stores it.
    cleaned = form.data[field]
    assert cleaned == "Harbour Logistics"
    assert f'value="{cleaned}"' in response.content.decode() or field == "message"
    assert submit(client, **{field: cleaned}).status_code == 302
    assert getattr(Enquiry.objects.get(), field) == "Harbour Logistics"


def test_the_message_keeps_its_line_breaks_and_tabs(client):
    message = "First line\r\nSecond line\n\tindented"
    assert submit(client, message=message).status_code == 302
    assert Enquiry.objects.get().message == message


def test_the_invisible_character_message_is_translated(client):
    response = submit(client, "zh-hans", name="王\u200b伟")
    assert "不可见" in response.content.decode()


def test_chinese_text_is_not_touched(client):
    submit(client, "zh-hans", name="王伟", message="我们想了解园区，约 2 万平方米。")
    assert Enquiry.objects.get().name == "王伟"


# One-time token -------------------------------------------------------------------------


def test_the_form_carries_a_signed_one_time_token(client):
    form = client.get(form_url()).context["form"]
    token = form["submission_token"].value()
    assert read_token(token)
    assert 'type="hidden" name="submission_token"' in client.get(form_url()).content.decode()
    assert client.get(form_url()).context["form"]["submission_token"].value() != token


def test_posting_the_same_form_twice_gives_the_same_reference(client):
    data = enquiry_data()
    first = client.post(form_url(), data)
    second = client.post(form_url(), data)
    assert Enquiry.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert first.url == second.url
    reference = Enquiry.objects.get().reference
    assert reference in client.get(second.url).content.decode()


def test_a_repost_does_not_count_against_the_rate_limit(client):
    data = enquiry_data()
    for _post in range(8):
        assert client.post(form_url(), data).status_code == 302
    assert Enquiry.objects.count() == 1


def test_token_is_stored_and_unique(client):
    submit(client)
    submit(client)
    tokens = list(Enquiry.objects.values_list("submission_token", flat=True))
    assert len(set(tokens)) == 2 and all(tokens)


@pytest.mark.parametrize(
    "token",
    ["", "made-up", "abc:def:ghi", signing.TimestampSigner(salt="other").sign("x")],
    # Named ids: the signed token holds the time, and parallel runs must collect the same tests.
    ids=["empty", "made-up", "malformed", "other-salt"],
)
def test_a_missing_or_forged_token_is_refused_with_a_fresh_one(client, token):
    response = submit(client, submission_token=token)
    assert response.status_code == 200
    form = response.context["form"]
    assert "expired" in str(form.non_field_errors())
    assert read_token(form["submission_token"].value())
    assert not Enquiry.objects.exists()


def test_an_old_token_is_refused(client):
    with mock.patch("time.time", return_value=1_000_000_000):
        old = issue_token()
    with mock.patch("time.time", return_value=1_000_000_000 + TOKEN_MAX_AGE + 60):
        response = submit(client, submission_token=old)
    assert "expired" in str(response.context["form"].non_field_errors())


def test_a_concurrent_repost_finds_the_first_enquiry():
    data = enquiry_data()
    form = EnquiryForm(data)
    assert form.is_valid()
    # Another request with the same token stored its enquiry after this form was checked.
    first = EnquiryForm(data)
    assert first.is_valid()
    stored = views.store(first, source="")
    assert views.store(form, source="") == stored
    assert Enquiry.objects.count() == 1


# The reference, always -------------------------------------------------------------------


def test_the_reference_is_shown_when_routing_fails(client):
    with mock.patch("enquiries.views.route", side_effect=RuntimeError("desk table locked")):
        response = submit(client)
    assert response.status_code == 302
    reference = Enquiry.objects.get().reference
    assert reference in client.get(response.url).content.decode()


def test_the_reference_is_shown_when_the_rate_limit_cannot_be_recorded(client):
    with mock.patch("enquiries.ratelimit.record", side_effect=RuntimeError("cache gone")):
        response = submit(client)
    assert Enquiry.objects.get().reference in client.get(response.url).content.decode()


def test_the_reference_is_shown_without_a_session(client):
    response = submit(client)
    client.cookies.clear()
    from django.test import Client

    page = Client().get(response.url)
    assert Enquiry.objects.get().reference in page.content.decode()


def test_a_tampered_reference_is_not_shown(client):
    response = submit(client)
    tampered = response.url.replace("IQ-", "IQ-9")
    unsigned = reverse("enquiries:thanks") + "?ref=IQ-2026-0001"
    for url in (tampered, unsigned):
        assert 'class="enquiry-reference"' not in client.get(url).content.decode()
    assert 'class="enquiry-reference"' in client.get(response.url).content.decode()
