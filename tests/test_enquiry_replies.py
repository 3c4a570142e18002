"""Officers reply from the admin; the investor reads the thread through a signed link and rates."""

import re

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation

from enquiries.models import Enquiry, Notification, Reply
from enquiries.replies import links
from enquiries.replies.services import send_reply

from .enquiry_helpers import make_desk, make_enquiry, make_officer, send_queued_emails

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return make_desk("Europe")


@pytest.fixture
def officer(desk):
    officer = make_officer("lena", desk)
    officer.first_name, officer.last_name = "Lena", "Hoffmann"
    officer.save()
    return officer


@pytest.fixture
def enquiry(desk):
    return make_enquiry(
        desk=desk,
        status=Enquiry.Status.ASSIGNED,
        internal_notes="Wants a subsidy; check SME rules.",
    )


def reply_url(enquiry):
    return reverse("admin:enquiries_enquiry_reply", args=[enquiry.pk])


def change_url(enquiry):
    return reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])


def thread_url(enquiry, language="en"):
    return links.thread_path(enquiry, language)


def link_in(body):
    return re.search(r"http://testserver(/\S+)", body).group(1)


# Replies -------------------------------------------------------------------------------


def test_officer_replies_from_the_admin_and_it_is_stored_with_who_and_when(
    client, officer, enquiry, settings
):
    settings.SITE_URL = "http://testserver"
    client.force_login(officer)
    page = client.get(change_url(enquiry))
    assert page.status_code == 200
    assert b'id="reply-form"' in page.content

    before = timezone.now()
    response = client.post(reply_url(enquiry), {"body": "Dear Ms Schmidt,\n\nPlot B-7 is free."})
    assert response.status_code == 302
    assert response["Location"] == change_url(enquiry) + "#replies"

    reply = Reply.objects.get()
    assert (reply.enquiry, reply.author, reply.body) == (enquiry, officer, reply.body)
    assert reply.body == "Dear Ms Schmidt,\n\nPlot B-7 is free."
    assert before <= reply.sent_at <= timezone.now()
    enquiry.refresh_from_db()
    assert enquiry.first_replied_at == enquiry.last_replied_at == reply.sent_at
    assert enquiry.status == Enquiry.Status.ANSWERED
    assert Notification.objects.filter(kind="reply", subject_id=reply.pk).exists()

    assert mail.outbox == []  # not inside the request: the worker sends it
    send_queued_emails()
    (message,) = mail.outbox
    assert message.to == [enquiry.email]
    assert message.reply_to == [enquiry.desk.email]
    assert message.subject == f"Reply to your enquiry {enquiry.reference} to Invest Qingdao"
    assert message.body.startswith("Dear Anna Schmidt,\n\nDear Ms Schmidt,\n\nPlot B-7 is free.")
    assert "Lena Hoffmann" in message.body
    assert "Wants a subsidy" not in message.body
    assert client.get(link_in(message.body)).status_code == 200


def test_chinese_investor_gets_the_frame_in_chinese_and_the_text_as_written(
    officer, desk, settings
):
    settings.SITE_URL = "https://invest.example"
    enquiry = make_enquiry(desk=desk, name="王伟", language="zh-hans")
    send_reply(enquiry=enquiry, author=officer, body="Dear Mr Wang, the plot is available.")
    send_queued_emails()
    (message,) = mail.outbox
    assert message.subject == f"关于您的咨询 {enquiry.reference} 的答复——投资青岛"
    assert message.body.startswith("尊敬的 王伟：\n\nDear Mr Wang, the plot is available.")
    assert "https://invest.example/zh-hans/enquiry/thread/" in message.body


def test_second_reply_keeps_the_first_reply_time(officer, enquiry):
    first = send_reply(enquiry=enquiry, author=officer, body="First answer.")
    second = send_reply(enquiry=enquiry, author=officer, body="And the land price.")
    enquiry.refresh_from_db()
    assert enquiry.first_replied_at == first.sent_at
    assert enquiry.last_replied_at == second.sent_at
    assert Notification.objects.filter(kind="reply").count() == 2


def test_reply_to_a_closed_enquiry_leaves_it_closed(officer, enquiry):
    Enquiry.objects.filter(pk=enquiry.pk).update(status=Enquiry.Status.CLOSED)
    enquiry.refresh_from_db()
    send_reply(enquiry=enquiry, author=officer, body="One more thing.")
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.CLOSED


def test_empty_reply_is_refused_with_a_form_error(client, officer, enquiry):
    client.force_login(officer)
    response = client.post(reply_url(enquiry), {"body": "   "})
    assert response.status_code == 200
    assert "body" in response.context["reply_form"].errors
    assert not Reply.objects.exists()


def test_only_officers_of_the_desk_may_reply(client, enquiry):
    other = make_officer("kim", make_desk("Asia"))
    client.force_login(other)
    assert client.post(reply_url(enquiry), {"body": "Hello"}).status_code == 302  # not found
    assert not Reply.objects.exists()


def test_superuser_may_reply_to_any_enquiry(admin_client, enquiry):
    assert admin_client.post(reply_url(enquiry), {"body": "Hello"}).status_code == 302
    assert Reply.objects.get().enquiry == enquiry


def test_replies_are_never_editable_in_the_admin(admin_client, officer, enquiry):
    reply = send_reply(enquiry=enquiry, author=officer, body="As sent.")
    change = reverse("admin:enquiries_reply_change", args=[reply.pk])
    page = admin_client.get(change)
    assert page.status_code == 200 and b'name="body"' not in page.content
    admin_client.post(change, {"body": "Rewritten"})
    admin_client.post(reverse("admin:enquiries_reply_delete", args=[reply.pk]), {"post": "yes"})
    reply.refresh_from_db()
    assert reply.body == "As sent."
    assert admin_client.get(reverse("admin:enquiries_reply_add")).status_code == 403


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_reply_pages_answer_in_both_languages(client, officer, enquiry, language):
    send_reply(enquiry=enquiry, author=officer, body="Answer.")
    client.force_login(officer)
    headers = {"accept-language": language}
    for url in (
        change_url(enquiry),
        reply_url(enquiry),
        reverse("admin:enquiries_reply_changelist"),
        reverse("admin:enquiries_booking_changelist"),
        reverse("admin:enquiries_callslot_changelist"),
        reverse("admin:enquiries_callslot_add"),
    ):
        response = client.get(url, headers=headers)
        assert response.status_code == 200, url
        assert response.headers["Content-Language"] == language
    if language == "zh-hans":
        assert "发送答复" in client.get(change_url(enquiry), headers=headers).content.decode()


# The thread page -----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_thread_shows_the_replies_and_never_the_internal_notes(client, officer, enquiry, language):
    send_reply(enquiry=enquiry, author=officer, body="Plot B-7 is free from May.")
    response = client.get(thread_url(enquiry, language))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    assert "Plot B-7 is free from May." in html and "Lena Hoffmann" in html
    assert enquiry.message in html
    assert "Wants a subsidy" not in html
    answered = {"en": "Answered on", "zh-hans": "答复于"}[language]
    assert answered in html


def test_thread_link_is_language_prefixed():
    enquiry = make_enquiry()
    assert links.thread_path(enquiry, "zh-hans").startswith("/zh-hans/enquiry/thread/")
    assert links.thread_path(enquiry, "en").startswith("/en/enquiry/thread/")


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # tampered signature
        lambda token: "9" + token,  # another enquiry's number
        lambda token: token.split(":")[0],  # no signature at all
        lambda token: "x:y:z",
        lambda token: "١:" + token.partition(":")[2],  # non-ASCII digit
        lambda token: "9" * 40 + ":" + token.partition(":")[2],
    ],
)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_forged_or_tampered_link_gets_a_clear_404(client, enquiry, mangle, language):
    token = links.make_token(enquiry)
    with translation.override(language):
        url = reverse("enquiries:thread", args=[mangle(token)])
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["Content-Language"] == language
    message = {"en": "This link is not valid", "zh-hans": "此链接无效"}[language]
    assert message in response.content.decode()


def test_a_signature_for_one_enquiry_does_not_open_another(client, desk):
    first, second = make_enquiry(desk=desk), make_enquiry(desk=desk, email="b@example.com")
    signature = links.make_token(first).partition(":")[2]
    url = reverse("enquiries:thread", args=[f"{second.pk}:{signature}"])
    assert client.get(url).status_code == 404


def test_changing_the_investors_email_retires_old_links(client, enquiry):
    url = thread_url(enquiry)
    Enquiry.objects.filter(pk=enquiry.pk).update(email="new@nordsee.example")
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_expired_link_gets_a_clear_403(client, enquiry, monkeypatch, language):
    url = thread_url(enquiry, language)
    later = timezone.now().timestamp() + links.MAX_AGE.total_seconds() + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(url)
    assert response.status_code == 403
    expired = {"en": "This link has expired", "zh-hans": "此链接已过期"}[language]
    assert expired in response.content.decode()


def test_thread_page_uses_a_constant_number_of_queries(
    client, officer, enquiry, django_assert_num_queries
):
    from enquiries.models import CallSlot

    CallSlot.objects.create(desk=enquiry.desk, weekday=0, start_time="10:00")
    CallSlot.objects.create(desk=enquiry.desk, weekday=3, start_time="15:00")
    url = thread_url(enquiry)
    client.get(url)
    # enquiry + desk, replies + authors, bookings, call slots, booked times
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200
    for number in range(5):
        send_reply(enquiry=enquiry, author=officer, body=f"Reply {number}")
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200


def test_status_lookup_shows_the_thread_and_the_signed_link(client, officer, enquiry):
    send_reply(enquiry=enquiry, author=officer, body="Plot B-7 is free from May.")
    response = client.post(
        reverse("enquiries:status"), {"reference": enquiry.reference, "email": enquiry.email}
    )
    html = response.content.decode()
    assert "Plot B-7 is free from May." in html and "Answered on" in html
    assert links.thread_path(enquiry).rsplit(":", 1)[0] in html
    assert "Wants a subsidy" not in html


# Rating --------------------------------------------------------------------------------


def rate_url(enquiry, language="en"):
    with translation.override(language):
        return reverse("enquiries:rate", args=[links.make_token(enquiry)])


@pytest.fixture
def answered(officer, enquiry):
    send_reply(enquiry=enquiry, author=officer, body="Answer.")
    return enquiry


def test_investor_rates_the_answer_with_a_post(client, answered):
    response = client.post(rate_url(answered), {"rating": "4"})
    assert response.status_code == 302
    assert response["Location"].endswith("#rating")
    answered.refresh_from_db()
    assert answered.rating == 4 and answered.rated_at is not None
    assert "You rated our answer 4 out of 5" in client.get(response["Location"]).content.decode()


def test_opening_the_rating_link_never_rates(client, answered):
    """Mail scanners follow links: a GET changes nothing."""
    assert client.get(rate_url(answered), {"rating": "5"}).status_code == 405
    answered.refresh_from_db()
    assert answered.rating is None


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_second_rating_is_refused_with_409_and_keeps_the_first(client, answered, language):
    client.post(rate_url(answered, language), {"rating": "2"})
    response = client.post(rate_url(answered, language), {"rating": "5"})
    assert response.status_code == 409
    refused = {"en": "already rated", "zh-hans": "已经评价过"}[language]
    assert refused in response.content.decode()
    answered.refresh_from_db()
    assert answered.rating == 2


def test_forged_rating_link_gets_404_and_rates_nothing(client, answered):
    url = rate_url(answered).replace(f"/{answered.pk}:", f"/{answered.pk}0:")
    assert client.post(url, {"rating": "5"}).status_code == 404
    answered.refresh_from_db()
    assert answered.rating is None


@pytest.mark.parametrize("value", ["0", "6", "five", "", "4.5"])
def test_bad_rating_value_gets_400(client, answered, value):
    assert client.post(rate_url(answered), {"rating": value}).status_code == 400
    answered.refresh_from_db()
    assert answered.rating is None


def test_nothing_to_rate_before_a_reply(client, enquiry):
    assert client.post(rate_url(enquiry), {"rating": "5"}).status_code == 409
    enquiry.refresh_from_db()
    assert enquiry.rating is None


def test_rating_needs_the_csrf_token():
    from django.test import Client

    enquiry = make_enquiry()
    response = Client(enforce_csrf_checks=True).post(rate_url(enquiry), {"rating": "5"})
    assert response.status_code == 403


@pytest.mark.slow
def test_every_thread_page_state_is_valid_html(client, officer, enquiry, tmp_path):
    from enquiries.models import CallSlot

    from .quality import describe_html_errors, validate_html

    for weekday in range(7):
        CallSlot.objects.create(desk=enquiry.desk, weekday=weekday, start_time="15:00")
    documents = {}
    for language in ("en", "zh-hans"):
        documents[f"no reply [{language}]"] = client.get(thread_url(enquiry, language)).content
        documents[f"bad link [{language}]"] = client.get(
            thread_url(enquiry, language).replace(":", "x:", 1)
        ).content
    send_reply(enquiry=enquiry, author=officer, body="Answer <with> markup & more.")
    for language in ("en", "zh-hans"):
        documents[f"answered [{language}]"] = client.get(
            thread_url(
                enquiry,
                language,
            ),
            {"tz": "Europe/Berlin"},
        ).content
        documents[f"bad booking [{language}]"] = client.post(
            links.thread_path(enquiry, language) + "book/", {"slot": "nonsense"}
        ).content
    client.post(rate_url(enquiry), {"rating": "5"})
    documents["rated, refused again"] = client.post(rate_url(enquiry), {"rating": "5"}).content
    results = validate_html({label: html.decode() for label, html in documents.items()}, tmp_path)
    errors = describe_html_errors(results)
    assert not errors, errors
