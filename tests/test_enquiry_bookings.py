"""Investors book a call in their own time zone; a slot is never taken twice."""

import datetime
import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from enquiries.bookings.selectors import openings
from enquiries.bookings.services import SlotTaken, book_call
from enquiries.models import Booking, CallSlot, Desk
from enquiries.replies import links

from .enquiry_helpers import make_desk, make_enquiry, make_officer, send_queued_emails

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# Monday 23 March 2026, 08:00 in Qingdao; Europe moves its clocks on Sunday 29 March.
NOW = datetime.datetime(2026, 3, 23, 0, 0, tzinfo=UTC)


def at(*args):
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.fixture
def now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def desk():
    desk = make_desk("Europe")  # in Asia/Shanghai, the default
    CallSlot.objects.create(desk=desk, weekday=CallSlot.Weekday.MONDAY, start_time="10:00")
    CallSlot.objects.create(desk=desk, weekday=CallSlot.Weekday.FRIDAY, start_time="16:00")
    CallSlot.objects.create(
        desk=desk, weekday=CallSlot.Weekday.TUESDAY, start_time="09:00", active=False
    )
    return desk


@pytest.fixture
def enquiry(desk):
    return make_enquiry(desk=desk)


def thread_url(enquiry, language="en", **query):
    path = links.thread_path(enquiry, language)
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def book_url(enquiry, language="en"):
    with translation.override(language):
        return reverse("enquiries:book", args=[links.make_token(enquiry)])


def labels(found, zone):
    return [opening.label(zone) for opening in found]


# Slots and time zones ------------------------------------------------------------------


def test_openings_come_from_the_weekly_pattern_in_the_desks_zone(desk):
    found = openings(desk, now=NOW)
    # Monday 23 March 10:00 is too soon (12 h notice); 6 April is beyond two weeks.
    assert [opening.starts_at for opening in found] == [
        at(2026, 3, 27, 8, 0),  # Friday 16:00 in Qingdao
        at(2026, 3, 30, 2, 0),  # Monday 10:00
        at(2026, 4, 3, 8, 0),
    ]
    assert labels(found, "Asia/Shanghai") == [
        "Friday 27 March, 16:00–16:30",
        "Monday 30 March, 10:00–10:30",
        "Friday 3 April, 16:00–16:30",
    ]


def test_investor_in_berlin_sees_the_times_move_across_europes_dst_change(desk):
    found = openings(desk, now=NOW)
    assert labels(found, "Europe/Berlin") == [
        "Friday 27 March, 09:00–09:30",  # CET, UTC+1
        "Monday 30 March, 04:00–04:30",  # CEST, UTC+2
        "Friday 3 April, 10:00–10:30",
    ]


def test_labels_are_in_the_active_language(desk):
    with translation.override("zh-hans"):
        assert labels(openings(desk, now=NOW), "Europe/Berlin")[0] == "3月27日 星期五，09:00–09:30"


def test_desk_with_daylight_saving_shown_in_qingdao_time():
    """The other way: a New York desk's 09:00 is 22:00, then 21:00 in Qingdao."""
    desk = make_desk("Americas", time_zone="America/New_York")
    CallSlot.objects.create(desk=desk, weekday=CallSlot.Weekday.MONDAY, start_time="09:00")
    found = openings(desk, now=at(2026, 3, 1, 12, 0))
    assert [opening.starts_at for opening in found] == [at(2026, 3, 2, 14), at(2026, 3, 9, 13)]
    assert labels(found, "Asia/Shanghai") == [
        "Monday 2 March, 22:00–22:30",
        "Monday 9 March, 21:00–21:30",
    ]


def test_a_wall_clock_time_the_dst_change_skips_is_not_offered():
    desk = make_desk("Berlin", time_zone="Europe/Berlin")
    CallSlot.objects.create(desk=desk, weekday=CallSlot.Weekday.SUNDAY, start_time="02:30")
    found = openings(desk, now=NOW)
    # 29 March 02:30 does not exist in Berlin; 5 April 02:30 is CEST.
    assert [opening.starts_at for opening in found] == [at(2026, 4, 5, 0, 30)]


def test_booked_times_are_no_longer_offered(desk, enquiry):
    first = openings(desk, now=NOW)[0]
    book_call(enquiry=enquiry, opening=first, time_zone="Europe/Berlin")
    assert first.starts_at not in [opening.starts_at for opening in openings(desk, now=NOW)]


def test_desk_time_zone_must_be_a_zoneinfo_name():
    desk = Desk(name="Mars", email="mars@invest.example", time_zone="Mars/Olympus")
    with pytest.raises(ValidationError) as error:
        desk.full_clean()
    assert "time_zone" in error.value.message_dict
    desk.time_zone = "Europe/Berlin"
    desk.full_clean()
    assert Desk._meta.get_field("time_zone").default == "Asia/Shanghai"


# The booking form on the thread page ---------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_without_a_chosen_zone_the_page_shows_the_desks_and_says_so(client, now, enquiry, language):
    response = client.get(thread_url(enquiry, language))
    html = response.content.decode()
    assert response.status_code == 200
    said = {
        "en": "Times are shown in the desk's time zone, Beijing time UTC+08:00.",
        "zh-hans": "以下时间按服务台所在时区（北京时间 UTC+08:00）显示。",
    }[language]
    assert said in html
    assert "16:00–16:30" in html
    assert 'src="/static/enquiries/time_zone.js"' in html and "nonce=" in html


def test_the_investor_zone_from_the_browser_shows_their_times(client, now, enquiry):
    html = client.get(thread_url(enquiry, tz="Europe/Berlin")).content.decode()
    assert "Friday 27 March, 09:00–09:30" in html
    assert "Friday 3 April, 10:00–10:30" in html
    assert '<option value="Europe/Berlin" selected>' in html


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "../../etc/passwd", "x" * 5000])
def test_unknown_zone_falls_back_to_the_desks(client, now, enquiry, zone):
    response = client.get(thread_url(enquiry), {"tz": zone})
    assert response.status_code == 200
    assert "Friday 27 March, 16:00–16:30" in response.content.decode()


def test_investor_books_a_slot_in_their_zone_and_it_is_stored_in_utc(client, now, enquiry):
    response = client.post(
        book_url(enquiry), {"slot": "2026-04-03T08:00Z", "time_zone": "Europe/Berlin"}
    )
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.enquiry, booking.desk, booking.starts_at) == (
        enquiry,
        enquiry.desk,
        at(2026, 4, 3, 8, 0),
    )
    assert (booking.time_zone, booking.duration) == ("Europe/Berlin", 30)
    page = client.get(response["Location"]).content.decode()
    assert "Your call is booked for Friday 3 April, 10:00–10:30 (Berlin time UTC+" in page
    assert 'name="slot"' not in page


def test_booking_confirmation_has_a_calendar_file_in_both_languages(client, now, enquiry, settings):
    settings.SITE_URL = "https://invest.example"
    client.post(book_url(enquiry), {"slot": "2026-03-27T08:00Z", "time_zone": "Europe/Berlin"})
    send_queued_emails()
    (message,) = mail.outbox
    assert message.to == [enquiry.email] and message.bcc == [enquiry.desk.email]
    assert message.subject == "Your call with Invest Qingdao: Friday 27 March, 09:00–09:30"
    assert "That is Friday 27 March, 16:00–16:30 in our time zone, Asia/Shanghai." in message.body
    assert "https://invest.example/en/enquiry/thread/" in message.body
    ((filename, calendar, mimetype),) = message.attachments
    assert (filename, mimetype) == ("invest-qingdao-call.ics", "text/calendar")
    unfolded = calendar.replace("\r\n ", "")
    assert "DTSTART:20260327T080000Z\r\n" in unfolded
    assert "DTEND:20260327T083000Z\r\n" in unfolded
    assert f"Call with Invest Qingdao about enquiry {enquiry.reference}" in unfolded
    assert f"与投资青岛通话：咨询 {enquiry.reference}" in unfolded
    assert all(len(line.encode()) <= 75 for line in calendar.split("\r\n"))


def test_chinese_investor_gets_the_confirmation_in_chinese(client, now, desk):
    enquiry = make_enquiry(desk=desk, language="zh-hans", name="王伟")
    client.post(
        book_url(enquiry, "zh-hans"), {"slot": "2026-03-27T08:00Z", "time_zone": "Asia/Shanghai"}
    )
    send_queued_emails()
    (message,) = mail.outbox
    assert message.subject == "您与投资青岛的通话：3月27日 星期五，16:00–16:30"
    assert "/zh-hans/enquiry/thread/" in message.body


def test_double_booking_is_refused_with_a_form_message(client, now, desk, enquiry):
    other = make_enquiry(desk=desk, email="kim@example.com")
    data = {"slot": "2026-03-27T08:00Z", "time_zone": "Europe/Berlin"}
    assert client.post(book_url(enquiry), data).status_code == 302
    response = client.post(book_url(other), data)
    assert response.status_code == 200
    assert "someone has just booked it" in response.content.decode()
    assert Booking.objects.get().enquiry == enquiry


def test_the_database_refuses_a_second_booking_of_the_same_slot(now, desk, enquiry):
    other = make_enquiry(desk=desk, email="kim@example.com")
    opening = openings(desk)[0]
    book_call(enquiry=enquiry, opening=opening, time_zone="Asia/Shanghai")
    with pytest.raises(SlotTaken):
        book_call(enquiry=other, opening=opening, time_zone="Asia/Shanghai")
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"slot": "2026-03-23T02:00Z", "time_zone": "Asia/Shanghai"},  # too soon
        {"slot": "2026-03-24T01:00Z", "time_zone": "Asia/Shanghai"},  # inactive slot
        {"slot": "not-a-time", "time_zone": "Asia/Shanghai"},
        {"slot": "2026-03-27T08:00Z", "time_zone": "Mars/Olympus"},  # falls back, still books
    ],
)
def test_bad_booking_input_is_never_a_500(client, now, enquiry, data):
    response = client.post(book_url(enquiry), data)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert Booking.objects.get().time_zone == "Asia/Shanghai"
    else:
        assert not Booking.objects.exists()


def test_one_upcoming_call_per_enquiry(client, now, enquiry):
    client.post(book_url(enquiry), {"slot": "2026-03-27T08:00Z", "time_zone": "Asia/Shanghai"})
    response = client.post(
        book_url(enquiry), {"slot": "2026-03-30T02:00Z", "time_zone": "Asia/Shanghai"}
    )
    assert response.status_code == 409
    assert Booking.objects.count() == 1


def test_booking_needs_a_post_and_a_signed_link(client, now, enquiry):
    assert client.get(book_url(enquiry)).status_code == 405
    forged = book_url(enquiry).replace(f"/{enquiry.pk}:", f"/{enquiry.pk}1:")
    data = {"slot": "2026-03-27T08:00Z", "time_zone": "Asia/Shanghai"}
    assert client.post(forged, data).status_code == 404
    assert not Booking.objects.exists()


# The officer's view --------------------------------------------------------------------


def test_officer_sees_the_bookings_of_their_desk_only(client, now, desk, enquiry):
    asia = make_desk("Asia")
    CallSlot.objects.create(desk=asia, weekday=CallSlot.Weekday.FRIDAY, start_time="16:00")
    theirs = make_enquiry(desk=asia, email="kim@example.com")
    mine = book_call(enquiry=enquiry, opening=openings(desk)[0], time_zone="Europe/Berlin")
    book_call(enquiry=theirs, opening=openings(asia)[0], time_zone="Asia/Seoul")
    client.force_login(make_officer("lena", desk))

    listing = client.get(reverse("admin:enquiries_booking_changelist"))
    assert list(listing.context["cl"].queryset) == [mine]
    html = listing.content.decode()
    assert "(Europe/Berlin)" in html and "(Asia/Shanghai)" in html

    page = client.get(reverse("admin:enquiries_enquiry_change", args=[enquiry.pk]))
    assert 'id="bookings"' in page.content.decode()
    assert "(Europe/Berlin)" in page.content.decode()


def test_officer_keeps_the_call_slots_of_their_own_desk(client, desk):
    asia = make_desk("Asia")
    client.force_login(make_officer("lena", desk))
    add = reverse("admin:enquiries_callslot_add")
    form = client.get(add).context["adminform"].form
    assert list(form.fields["desk"].queryset) == [desk]
    data = {"desk": desk.pk, "weekday": 2, "start_time": "11:00", "duration": 45, "active": "on"}
    assert client.post(add, data).status_code == 302
    assert client.post(add, {**data, "desk": asia.pk}).status_code == 200
    assert not CallSlot.objects.filter(desk=asia).exists()


# Concurrency ---------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_investors_booking_the_same_slot_at_once_get_one_booking():
    desk = make_desk("Europe")
    CallSlot.objects.create(desk=desk, weekday=CallSlot.Weekday.FRIDAY, start_time="16:00")
    first, second = (make_enquiry(desk=desk, email=f"{n}@example.com") for n in "ab")
    opening = openings(desk, now=NOW)[0]
    barrier = threading.Barrier(2)
    outcomes = []

    def book(enquiry):
        try:
            barrier.wait()
            book_call(enquiry=enquiry, opening=opening, time_zone="Europe/Berlin")
            outcomes.append("booked")
        except SlotTaken:
            outcomes.append("taken")
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=book, args=(enquiry,)) for enquiry in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked", "taken"]
    assert Booking.objects.filter(desk=desk, starts_at=opening.starts_at).count() == 1


@pytest.mark.slow
def test_officer_pages_with_replies_and_bookings_are_valid_html(
    client, now, desk, enquiry, tmp_path
):
    from enquiries.replies.services import send_reply

    from .quality import describe_html_errors, validate_html

    officer = make_officer("lena", desk)
    send_reply(enquiry=enquiry, author=officer, body="Answer <b>with</b> & markup.")
    book_call(enquiry=enquiry, opening=openings(desk)[0], time_zone="Europe/Berlin")
    client.force_login(officer)
    reply = reverse("admin:enquiries_enquiry_reply", args=[enquiry.pk])
    documents = {
        "enquiry change": client.get(
            reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])
        ).content,
        "reply with an error": client.post(reply, {"body": ""}).content,
        "bookings": client.get(reverse("admin:enquiries_booking_changelist")).content,
        "call slots": client.get(reverse("admin:enquiries_callslot_changelist")).content,
        "replies": client.get(reverse("admin:enquiries_reply_changelist")).content,
    }
    results = validate_html({label: html.decode() for label, html in documents.items()}, tmp_path)
    errors = describe_html_errors(results)
    assert not errors, errors
