"""Reply targets: working days, due times, overdue reminders, escalation and follow-ups."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from enquiries import calendar
from enquiries.calendar import WorkingCalendar, add_working_days, missing_years
from enquiries.jobs import (
    escalate_overdue_enquiries,
    remind_follow_ups,
    remind_overdue_enquiries,
)
from enquiries.models import Enquiry, Notification, RoutingRule, WorkingDayAdjustment
from enquiries.routing import route
from enquiries.sla import overdue_to_escalate
from tests.enquiry_helpers import default_desk, make_desk, make_enquiry, make_officer

CST = ZoneInfo("Asia/Shanghai")


def at(*args):
    return datetime(*args, tzinfo=CST)


def received(when, **fields):
    """An enquiry received at a fixed time, routed as the form routes it."""
    enquiry = make_enquiry(**fields)
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=when)
    enquiry.created_at = when
    route(enquiry)
    return enquiry


# The working-day calendar, from the holidays library (State Council schedule 2026).


def test_spring_festival_2026_skips_the_holiday_and_counts_the_working_saturday(db):
    # Fri 13 Feb; Sat 14 Feb is worked (调休); 15–23 Feb are off; Tue 24 Feb is the 2nd day.
    assert add_working_days(at(2026, 2, 13, 10), 1, country="CN") == at(2026, 2, 14, 18)
    assert add_working_days(at(2026, 2, 13, 10), 2, country="CN") == at(2026, 2, 24, 18)


def test_national_day_2026_and_the_working_saturday_after_it(db):
    # 1–7 Oct off; Thu 8 and Fri 9 Oct work; Sat 10 Oct is worked too.
    assert add_working_days(at(2026, 9, 30, 9), 2, country="CN") == at(2026, 10, 9, 18)
    assert add_working_days(at(2026, 9, 30, 9), 3, country="CN") == at(2026, 10, 10, 18)


def test_an_ordinary_weekend_and_the_day_of_receipt(db):
    # Received on a Saturday: Monday is the first working day, Tuesday the second.
    assert add_working_days(at(2026, 3, 7, 15), 2, country="CN") == at(2026, 3, 10, 18)
    # Late on a Monday: the day of receipt never counts.
    assert add_working_days(at(2026, 3, 2, 23, 30), 2, country="CN") == at(2026, 3, 4, 18)
    # A zero-day target is due the same working day.
    assert add_working_days(at(2026, 3, 2, 9), 0, country="CN") == at(2026, 3, 2, 18)


def test_other_countries_use_their_own_holidays(db):
    # Christmas in Germany; 25 Dec 2026 is a working day in China.
    assert add_working_days(at(2026, 12, 24, 10), 1, country="DE") == at(2026, 12, 28, 18)
    assert add_working_days(at(2026, 12, 24, 10), 1, country="CN") == at(2026, 12, 25, 18)


def test_a_country_the_library_does_not_know_counts_weekends_only():
    assert WorkingCalendar("AQ").add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)


def test_staff_entered_days_override_the_library(db):
    # Staff declare the library's working Saturday a day off, and a day off worked.
    WorkingDayAdjustment.objects.create(country="CN", date=date(2026, 2, 14), is_working_day=False)
    WorkingDayAdjustment.objects.create(country="CN", date=date(2026, 2, 20), is_working_day=True)
    assert add_working_days(at(2026, 2, 13, 10), 1, country="CN") == at(2026, 2, 20, 18)
    assert add_working_days(at(2026, 2, 13, 10), 2, country="CN") == at(2026, 2, 24, 18)
    # Another country's adjustments do not count.
    WorkingDayAdjustment.objects.create(country="DE", date=date(2026, 3, 9), is_working_day=False)
    assert add_working_days(at(2026, 3, 6, 10), 1, country="CN") == at(2026, 3, 9, 18)


def test_staff_can_enter_a_year_the_library_does_not_know(db):
    # 2027 is not in the library yet: staff enter (made-up) days for the test.
    WorkingDayAdjustment.objects.create(country="CN", date=date(2027, 3, 1), is_working_day=False)
    WorkingDayAdjustment.objects.create(country="CN", date=date(2027, 3, 6), is_working_day=True)
    assert add_working_days(at(2027, 2, 26, 10), 1, country="CN") == at(2027, 3, 2, 18)
    assert add_working_days(at(2027, 3, 5, 10), 1, country="CN") == at(2027, 3, 6, 18)


# Which years lack adjusted working days: the admin warns.


def test_the_coming_year_is_missing_from_october(db):
    # holidays==0.108 knows the State Council's schedule up to 2026.
    assert missing_years(on=date(2026, 6, 1)) == []
    assert missing_years(on=date(2026, 10, 1)) == [("CN", 2027)]
    assert missing_years(on=date(2027, 2, 1)) == [("CN", 2027)]


def test_a_staff_entered_year_is_not_missing(db):
    WorkingDayAdjustment.objects.create(country="CN", date=date(2027, 2, 20), is_working_day=True)
    assert missing_years(on=date(2026, 12, 1)) == []


def test_countries_without_adjusted_days_never_warn(db):
    desk = default_desk()
    desk.country = "DE"
    desk.save()
    assert missing_years(on=date(2026, 12, 1)) == []


@pytest.fixture
def december_2026(monkeypatch):
    monkeypatch.setattr(calendar, "current_date", lambda: date(2026, 12, 1))


WARNING = "The adjusted working days of 2027 in China are not known yet"


@pytest.mark.parametrize(
    "url",
    [
        "admin:index",
        "admin:enquiries_desk_changelist",
        "admin:enquiries_workingdayadjustment_changelist",
    ],
)
def test_admin_warns_of_the_missing_year(admin_client, december_2026, url):
    response = admin_client.get(reverse(url))
    assert response.status_code == 200
    assert WARNING in response.content.decode()


def test_the_adjusted_days_list_shows_what_the_library_assumes(admin_client, december_2026):
    url = reverse("admin:enquiries_workingdayadjustment_changelist")
    page = admin_client.get(url).content.decode()
    assert "What the holiday library assumes for 2027 in China" in page
    assert "2027-02-06 (Sat)</td><td>Chinese New Year (Spring Festival)" in page
    page = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "节假日库对中国 2027 年的推定安排" in page and "</td><td>春节</td>" in page


def test_the_warning_is_not_repeated_after_a_post(admin_client, december_2026):
    url = reverse("admin:enquiries_workingdayadjustment_changelist")
    response = admin_client.post(url, {"action": "delete_selected", "index": "0"}, follow=True)
    assert response.redirect_chain  # "Items must be selected", then the list again
    assert response.content.decode().count(WARNING) == 1


def test_admin_warning_in_chinese(admin_client, december_2026):
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "中国 2027 年的调休安排尚未录入" in response.content.decode()


def test_admin_is_quiet_once_the_year_is_entered(admin_client, december_2026):
    WorkingDayAdjustment.objects.create(country="CN", date=date(2027, 2, 20), is_working_day=True)
    assert WARNING not in admin_client.get(reverse("admin:index")).content.decode()


def test_officers_who_cannot_fix_it_are_not_warned(client, db, december_2026):
    client.force_login(make_officer("li", default_desk()))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200 and WARNING not in response.content.decode()


def test_staff_add_an_adjusted_day_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("admin:enquiries_workingdayadjustment_add"),
        {"country": "CN", "date": "2027-02-20", "is_working_day": "on", "note": "调休上班"},
    )
    assert response.status_code == 302
    assert WorkingDayAdjustment.objects.get().is_working_day
    # The same day twice is refused with a message, not a 500.
    response = admin_client.post(
        reverse("admin:enquiries_workingdayadjustment_add"),
        {"country": "CN", "date": "2027-02-20", "note": ""},
    )
    assert response.status_code == 200 and WorkingDayAdjustment.objects.count() == 1


# The target set at routing, and told to the investor.


def germany_desk(**fields):
    """A desk in Germany that routing gives the German investors."""
    desk = make_desk("Germany", country="DE", **fields)
    RoutingRule.objects.create(kind=RoutingRule.Kind.COUNTRY, country="DE", desk=desk)
    return desk


def test_routing_sets_the_due_time_from_the_desks_target(db):
    enquiry = received(at(2026, 9, 30, 9), country="FR")
    enquiry.refresh_from_db()
    assert enquiry.desk == default_desk() and enquiry.reply_due_at == at(2026, 10, 9, 18)
    # In Germany's calendar, with its own target: Thu 1 Oct; Sat 3 Oct is a holiday anyway.
    desk = germany_desk(reply_target_days=3)
    enquiry = received(at(2026, 10, 1, 9))
    enquiry.refresh_from_db()
    assert enquiry.desk == desk and enquiry.reply_due_at == at(2026, 10, 6, 18)


def test_a_calendar_without_working_days_does_not_stop_routing(db, monkeypatch):
    monkeypatch.setattr(calendar, "LONGEST_BREAK", 3)
    for day in (14, 15, 16):
        WorkingDayAdjustment.objects.create(
            country="CN", date=date(2026, 2, day), is_working_day=False
        )
    enquiry = received(at(2026, 2, 13, 10))
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.ASSIGNED and enquiry.reply_due_at is None


def test_the_desk_notification_gives_the_due_time(worker):
    received(at(2026, 2, 13, 10))
    worker.run()
    desk = next(m for m in mail.outbox if m.to == [default_desk().email])
    assert "First reply due: Feb. 24, 2026, 6 p.m." in desk.body


def test_acknowledgement_says_when_and_from_whom_in_english(worker):
    received(at(2026, 2, 13, 10))
    worker.run()
    ack = next(m for m in mail.outbox if m.to == ["anna@nordsee.example"])
    assert (
        "An investment officer of our Investment promotion desk will answer you by "
        "Feb. 24, 2026 (China time)." in " ".join(ack.body.split())
    )


def test_acknowledgement_says_when_and_from_whom_in_chinese(worker):
    received(at(2026, 2, 13, 10), language="zh-hans")
    worker.run()
    ack = next(m for m in mail.outbox if m.to == ["anna@nordsee.example"])
    assert "我们“投资促进受理窗口”的投资专员将于2026年2月24日（北京时间）前答复您。" in ack.body


# Overdue: flagged, the desk reminded once, the managers told past twice the target.


def overdue_enquiry(**fields):
    """Received Mon 2 Mar 2026; due Wed 4 Mar 18:00; twice the target Fri 6 Mar 18:00."""
    return received(at(2026, 3, 2, 9), **fields)


def emails_of(kind):
    subjects = {
        Notification.Kind.REMINDER: "Reply overdue",
        Notification.Kind.ESCALATION: "Escalation",
        Notification.Kind.FOLLOW_UP: "Follow up",
    }
    return [m for m in mail.outbox if m.subject.startswith(subjects[kind])]


def test_the_desk_is_reminded_once(worker):
    desk = default_desk()
    make_officer("li", desk)
    enquiry = overdue_enquiry()
    worker.run()
    mail.outbox.clear()
    remind_overdue_enquiries.call()
    remind_overdue_enquiries.call()
    worker.run()
    remind_overdue_enquiries.call()
    worker.run()
    (reminder,) = emails_of(Notification.Kind.REMINDER)
    assert reminder.to == [desk.email] and reminder.cc == ["li@invest.example"]
    assert reminder.reply_to == []  # internal: a reply never reaches the investor
    assert enquiry.reference in reminder.subject and "Nordsee" in reminder.subject
    assert "was due on March 4, 2026, 6 p.m." in " ".join(reminder.body.split())
    assert Notification.objects.filter(kind=Notification.Kind.REMINDER).count() == 1


def test_a_reminder_is_written_in_the_staffs_language_whatever_is_active(worker):
    from django.utils import translation

    make_officer("li", default_desk())
    overdue_enquiry()
    worker.run()
    remind_overdue_enquiries.call()
    with translation.override("zh-hans"):
        worker.run()
    (reminder,) = emails_of(Notification.Kind.REMINDER)
    assert reminder.subject.startswith("Reply overdue: enquiry ")


def test_answered_closed_and_not_yet_due_enquiries_are_not_reminded(worker):
    answered = overdue_enquiry()
    Enquiry.objects.filter(pk=answered.pk).update(first_replied_at=at(2026, 3, 5, 9))
    closed = overdue_enquiry()
    Enquiry.objects.filter(pk=closed.pk).update(status=Enquiry.Status.CLOSED)
    not_due = overdue_enquiry()
    Enquiry.objects.filter(pk=not_due.pk).update(reply_due_at=at(2999, 1, 1, 18))
    remind_overdue_enquiries.call()
    escalate_overdue_enquiries.call()
    worker.run()
    assert emails_of(Notification.Kind.REMINDER) == []
    assert emails_of(Notification.Kind.ESCALATION) == []


def test_escalation_waits_for_twice_the_target(db):
    enquiry = overdue_enquiry()
    assert overdue_to_escalate(now=at(2026, 3, 5, 9)) == []  # overdue, not twice
    assert overdue_to_escalate(now=at(2026, 3, 6, 18, 1)) == [enquiry]


def test_escalation_tells_the_managers_once(worker):
    boss = User.objects.create_user("boss", "boss@invest.example", is_staff=True)
    default_desk().managers.add(boss)
    germany = germany_desk()
    germany.managers.add(User.objects.create_user("head", "head@invest.example"))
    overdue_enquiry()  # routed to Germany
    overdue_enquiry(country="FR")  # the default desk's own
    escalate_overdue_enquiries.call()
    escalate_overdue_enquiries.call()
    worker.run()
    escalate_overdue_enquiries.call()
    worker.run()
    escalations = emails_of(Notification.Kind.ESCALATION)
    assert sorted(m.to for m in escalations) == [
        ["boss@invest.example"],
        ["boss@invest.example", "head@invest.example"],
    ]
    assert escalations[0].reply_to in ([germany.email], [default_desk().email])
    body = " ".join(escalations[0].body.split())
    assert "has had no reply for twice its target of 2 working days" in body


def test_escalation_without_managers_goes_to_the_default_desk(worker):
    overdue_enquiry()
    escalate_overdue_enquiries.call()
    worker.run()
    (escalation,) = emails_of(Notification.Kind.ESCALATION)
    assert escalation.to == [default_desk().email]


def test_the_admin_list_flags_and_filters_overdue_enquiries(admin_client):
    late = overdue_enquiry(company="Late GmbH")
    on_time = overdue_enquiry(company="Prompt GmbH")
    Enquiry.objects.filter(pk=on_time.pk).update(first_replied_at=at(2026, 3, 3, 9))
    url = reverse("admin:enquiries_enquiry_changelist")
    page = admin_client.get(url).content.decode()
    assert page.count("⚠ Overdue") == 1
    page = admin_client.get(url, {"reply_target": "overdue"}).content.decode()
    assert late.reference in page and on_time.reference not in page
    page = admin_client.get(url, {"reply_target": "within"}).content.decode()
    assert on_time.reference in page and late.reference not in page
    page = admin_client.get(url, {"reply_target": "overdue"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "⚠ 已超时" in page.content.decode()


# Follow-up: N days after the last reply with no news, once per reply round.


def replied(when, **fields):
    enquiry = overdue_enquiry(**fields)
    Enquiry.objects.filter(pk=enquiry.pk).update(
        first_replied_at=at(2026, 3, 3, 9), last_replied_at=when
    )
    return Enquiry.objects.get(pk=enquiry.pk)


def test_the_assignee_is_reminded_to_follow_up_once_per_reply(worker, settings):
    settings.ENQUIRY_FOLLOW_UP_DAYS = 7
    officer = make_officer("li", default_desk())
    enquiry = replied(at(2026, 3, 3, 9), assignee=officer)
    worker.run()
    mail.outbox.clear()
    remind_follow_ups.call()
    remind_follow_ups.call()
    worker.run()
    (reminder,) = emails_of(Notification.Kind.FOLLOW_UP)
    assert reminder.to == ["li@invest.example"] and enquiry.reference in reminder.subject
    assert "was last answered on March 3, 2026" in " ".join(reminder.body.split())
    # A new reply starts a new round: one more reminder, later.
    Enquiry.objects.filter(pk=enquiry.pk).update(last_replied_at=at(2026, 4, 1, 9))
    remind_follow_ups.call()
    worker.run()
    remind_follow_ups.call()
    worker.run()
    assert len(emails_of(Notification.Kind.FOLLOW_UP)) == 2


def test_without_assignee_the_desk_members_are_reminded(worker):
    make_officer("li", default_desk())
    make_officer("wang", default_desk())
    replied(at(2026, 3, 3, 9))
    remind_follow_ups.call()
    worker.run()
    (reminder,) = emails_of(Notification.Kind.FOLLOW_UP)
    assert reminder.to == ["li@invest.example", "wang@invest.example"]


def test_no_follow_up_when_the_investor_wrote_or_the_enquiry_is_closed(worker):
    wrote = replied(at(2026, 3, 3, 9))
    Enquiry.objects.filter(pk=wrote.pk).update(investor_wrote_at=at(2026, 3, 4, 9))
    closed = replied(at(2026, 3, 3, 9))
    Enquiry.objects.filter(pk=closed.pk).update(status=Enquiry.Status.CLOSED)
    replied(at(2999, 1, 1, 9))  # the reply is not N days old yet
    remind_follow_ups.call()
    worker.run()
    assert emails_of(Notification.Kind.FOLLOW_UP) == []


def test_the_follow_up_period_is_a_setting(db, settings):
    from enquiries.sla import follow_ups_due

    enquiry = replied(at(2026, 3, 3, 9))
    settings.ENQUIRY_FOLLOW_UP_DAYS = 10
    assert follow_ups_due(now=at(2026, 3, 12, 9)) == []
    assert follow_ups_due(now=at(2026, 3, 13, 9, 1)) == [enquiry]


def test_reminder_emails_in_chinese(worker, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    overdue_enquiry(company="青岛海洋科技有限公司")
    remind_overdue_enquiries.call()
    escalate_overdue_enquiries.call()
    worker.run()
    subjects = sorted(m.subject for m in mail.outbox if m.subject.startswith(("答复", "上报")))
    assert subjects[0].startswith("上报：来自 青岛海洋科技有限公司 的咨询")
    assert subjects[1].startswith("答复已超时：来自 青岛海洋科技有限公司 的咨询")


def test_every_reply_target_job_is_registered():
    from background.schedule import JOBS

    mine = {"remind_overdue_enquiries", "escalate_overdue_enquiries", "remind_follow_ups"}
    jobs = {job.task.name: job for job in JOBS.values() if job.task.name in mine}
    assert set(jobs) == mine
    assert all(timedelta(0) < job.every <= timedelta(hours=1) for job in jobs.values())
