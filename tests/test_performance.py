"""The desk performance page: hand-counted figures, access, CSV and a fixed number of queries."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from enquiries import performance
from enquiries.models import Enquiry, Notification
from enquiries.performance import desk_performance, percentile
from tests.enquiry_helpers import default_desk, make_desk, make_enquiry, make_officer

CST = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 4, 15, 12, tzinfo=CST)
URL = reverse("admin:enquiries_deskperformance_changelist")


def at(*args):
    return datetime(*args, tzinfo=CST)


def enquiry(desk, created, *, reply_hours=None, due_hours=57, **fields):
    """An enquiry of `desk` received at `created`, answered after `reply_hours`."""
    record = make_enquiry()
    Enquiry.objects.filter(pk=record.pk).update(
        desk=desk,
        created_at=created,
        reply_due_at=created + timedelta(hours=due_hours),
        first_replied_at=created + timedelta(hours=reply_hours) if reply_hours else None,
        last_replied_at=created + timedelta(hours=reply_hours) if reply_hours else None,
        **fields,
    )
    return Enquiry.objects.get(pk=record.pk)


def follow_up(record, reminded, replied_after):
    """A follow-up reminder at `reminded`; answered if the last reply came after it."""
    note = Notification.objects.create(
        enquiry=record, kind=Notification.Kind.FOLLOW_UP, subject_id=1
    )
    Notification.objects.filter(pk=note.pk).update(created_at=reminded)
    Enquiry.objects.filter(pk=record.pk).update(last_replied_at=replied_after)


@pytest.fixture
def germany(db):
    """Hand-counted: March 2026, eight enquiries of the Germany desk.

    Replies after 2, 5, 10, 20, 30, 80, 100 hours, one unanswered and past due (no. 7).
    Median of the seven: 20 h. 90th percentile: rank 0.9 × 6 = 5.4 → 80 + 0.4 × 20 = 88 h.
    Within the 57-hour target: 5 of 8 decided (7 answered + 1 overdue) = 62.5 %.
    Ratings 5, 4, 2: three, average 3.67. One follow-up answered, one not: 1 done.
    Now: 9 open (all but no. 5, closed; plus one from 2025 and one in April), 2 overdue.
    """
    desk = make_desk("Germany")
    march = [at(2026, 3, day, 9) for day in (2, 3, 4, 5, 9, 10, 11, 12)]
    hours = [2, 5, 10, 20, 30, 80, None, 100]
    records = [
        enquiry(desk, created, reply_hours=h) for created, h in zip(march, hours, strict=True)
    ]
    for record, rating in zip(records, [5, 4, None, None, None, 2, None, None], strict=True):
        Enquiry.objects.filter(pk=record.pk).update(rating=rating)
    Enquiry.objects.filter(pk=records[4].pk).update(status=Enquiry.Status.CLOSED)
    follow_up(records[0], at(2026, 3, 20, 9), replied_after=at(2026, 3, 22, 9))
    follow_up(records[1], at(2026, 3, 25, 9), replied_after=at(2026, 3, 10, 9))
    enquiry(desk, at(2025, 1, 6, 9))  # long ago, still open and overdue
    enquiry(desk, at(2026, 4, 10, 9), due_hours=24 * 10)  # April, not due yet
    return desk


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(performance, "current_time", lambda: NOW)


def test_percentile_interpolates_between_ranks():
    assert percentile([], 0.5) is None
    assert percentile([7], 0.9) == 7
    assert percentile([1, 2, 3, 4], 0.5) == 2.5
    assert percentile([10, 20], 0.9) == 19


def test_figures_match_the_hand_count(germany):
    (figures,) = desk_performance(desks=[germany], now=NOW)
    assert [m.month.isoformat() for m in figures.months][::11] == ["2025-05-01", "2026-04-01"]
    march = figures.months[10]
    assert march.month.isoformat() == "2026-03-01"
    assert (march.received, march.answered) == (8, 7)
    assert march.median_hours == 20
    assert march.p90_hours == pytest.approx(88)
    assert (march.decided, march.within_target, march.within_target_percent) == (8, 5, 62.5)
    assert march.follow_ups == 1
    assert march.rating_count == 3 and march.rating_average == pytest.approx(11 / 3)
    april = figures.months[11]
    assert (april.received, april.answered, april.within_target_percent) == (1, 0, None)
    assert (figures.open_now, figures.overdue_now) == (9, 2)
    total = figures.total  # the 2025 enquiry is older than twelve months
    assert (total.received, total.answered, total.median_hours) == (9, 7, 20)
    assert total.p90_hours == pytest.approx(88) and total.within_target_percent == 62.5
    assert (total.follow_ups, total.rating_count) == (1, 3)
    assert sum(m.received for m in figures.months[:10]) == 0


def test_the_page_shows_a_managers_own_desks_only(client, germany, fixed_now):
    manager = User.objects.create_user("head", "head@invest.example", "pw", is_staff=True)
    germany.managers.add(manager)
    japan = make_desk("Japan")
    enquiry(japan, at(2026, 3, 2, 9), reply_hours=1)
    client.force_login(manager)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Germany" in page and "Japan" not in page
    assert "<svg" in page and 'role="img"' in page and '<table id="table-' in page
    # The chart, described by the page's own table, draws a column a month per series.
    assert f'aria-describedby="table-{germany.pk}"' in page
    assert page.count('<rect class="chart-bar chart-series-0"') == 12
    assert page.count('<rect class="chart-bar chart-series-1"') == 12
    assert ">2025</text>" in page and ">2026</text>" in page  # May 2025 and January
    assert "<td>20.0</td>" in page and "<td>88.0</td>" in page and "<td>63%</td>" in page
    assert "Open now: 9. Overdue now: 2." in page
    assert '<th scope="row">Twelve months</th>\n            <td>9</td>' in page
    # The index and the sidebar link to the page.
    assert URL in client.get(reverse("admin:index")).content.decode()


def test_the_page_in_chinese(admin_client, germany, fixed_now):
    response = admin_client.get(URL, HTTP_ACCEPT_LANGUAGE="zh-hans")
    page = response.content.decode()
    assert response.status_code == 200 and "窗口绩效" in page
    assert "首次答复用时中位数（小时）" in page and "当前未结：9。当前超时：2。" in page


def test_superusers_see_every_desk(admin_client, germany, fixed_now):
    page = admin_client.get(URL).content.decode()
    assert "Germany" in page and default_desk().name in page


def test_officers_and_strangers_see_no_figures(client, germany, fixed_now):
    officer = make_officer("li", germany)  # a member of the desk, not a manager
    client.force_login(officer)
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"format": "csv"}).status_code == 403
    assert URL not in client.get(reverse("admin:index")).content.decode()
    client.logout()
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_permission_follows_the_managers(client, germany, fixed_now):
    manager = make_officer("li", germany)
    client.force_login(manager)
    manager.managed_desks.add(germany)
    assert client.get(URL).status_code == 200
    germany.managers.remove(manager)
    assert client.get(URL).status_code == 403
    germany.managers.add(manager)
    germany.managers.clear()
    assert client.get(URL).status_code == 403
    assert not User.objects.get(pk=manager.pk).has_perm("enquiries.view_desk_performance")


def test_there_is_nothing_to_add_or_change(admin_client, germany):
    assert admin_client.get(URL + "add/").status_code == 404
    assert admin_client.get(URL + f"{germany.pk}/change/").status_code == 404


def test_csv_download(admin_client, germany, fixed_now):
    response = admin_client.get(URL, {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffdesk,month,received,answered,median hours to first reply,")
    lines = text.splitlines()
    assert "Germany,2026-03,8,7,20.0,88.0,62.5,1,3,3.67,," in lines
    assert "Germany,2026-04,1,0,,,,0,0,,9,2" in lines
    assert len([line for line in lines if line.startswith("Germany,")]) == 12


def test_the_number_of_queries_does_not_grow_with_the_enquiries(admin_client, germany, fixed_now):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(URL).status_code == 200
        return len(queries)

    before = count()
    for day in range(1, 25):
        enquiry(germany, at(2026, 2, day, 9), reply_hours=day)
        enquiry(default_desk(), at(2026, 1, day, 9), reply_hours=day)
    assert count() == before
    assert before <= 6  # session, user, desks, enquiries, open and overdue counts
