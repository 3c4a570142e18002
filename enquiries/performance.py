"""Desk performance, per desk and month of receipt: how fast and how well enquiries are answered.

- Time to first reply: clock hours from receipt to the first reply (nights, weekends and
  holidays included, as the investor waits them); median and 90th percentile by linear
  interpolation between the closest ranks (Excel's PERCENTILE.INC).
- Within target: of the enquiries answered or already past due, the share answered by
  their `reply_due_at`; enquiries still within their target are not counted yet.
- Follow-ups done: follow-up reminders answered by a reply (see `sla`).
- Ratings: the investors' 1–5 ratings, counted and averaged.
A month belongs to the enquiries received in it (portal time). Three queries, whatever
the number of enquiries.
"""

import csv
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cached_property
from math import floor

from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone

from .export import spreadsheet_safe
from .models import Desk, Enquiry
from .sla import follow_ups_done

MONTHS = 12


def percentile(values, fraction):
    """The `fraction` percentile of `values` (0.5 is the median), None without values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * fraction
    low = floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class MonthFigures:
    month: date
    received: int = 0
    reply_hours: list = field(default_factory=list)
    decided: int = 0  # answered, or past due without an answer
    within_target: int = 0
    follow_ups: int = 0
    ratings: list = field(default_factory=list)

    @property
    def answered(self):
        return len(self.reply_hours)

    @property
    def median_hours(self):
        return percentile(self.reply_hours, 0.5)

    @property
    def p90_hours(self):
        return percentile(self.reply_hours, 0.9)

    @property
    def within_target_percent(self):
        return 100 * self.within_target / self.decided if self.decided else None

    @property
    def rating_count(self):
        return len(self.ratings)

    @property
    def rating_average(self):
        return sum(self.ratings) / len(self.ratings) if self.ratings else None

    def add(self, enquiry, now):
        self.received += 1
        self.follow_ups += enquiry["follow_ups"]
        if enquiry["rating"]:
            self.ratings.append(enquiry["rating"])
        replied, due = enquiry["first_replied_at"], enquiry["reply_due_at"]
        if replied:
            self.reply_hours.append((replied - enquiry["created_at"]).total_seconds() / 3600)
        if due and (replied or due < now):
            self.decided += 1
            self.within_target += bool(replied and replied <= due)


@dataclass
class DeskFigures:
    desk: Desk
    months: list
    open_now: int = 0
    overdue_now: int = 0

    @cached_property
    def total(self):
        """The whole period's figures: the medians are over all its replies."""
        total = MonthFigures(self.months[0].month)
        for month in self.months:
            total.received += month.received
            total.reply_hours += month.reply_hours
            total.decided += month.decided
            total.within_target += month.within_target
            total.follow_ups += month.follow_ups
            total.ratings += month.ratings
        return total


def month_starts(today, count=MONTHS):
    """The first days of the `count` months up to `today`'s, oldest first."""
    index = today.year * 12 + today.month - 1
    return [date(i // 12, i % 12 + 1, 1) for i in range(index - count + 1, index + 1)]


def performance_desks(user):
    """Superusers see every desk; a manager sees the desks they manage, nobody else any."""
    if user.is_superuser:
        return Desk.objects.all()
    return Desk.objects.filter(managers=user)


def current_time():
    return timezone.now()


def desk_performance(*, desks, now=None, months=MONTHS):
    """`DeskFigures` of each of `desks` over the last `months` months."""
    now = now or current_time()
    starts = month_starts(timezone.localtime(now).date(), months)
    figures = {
        desk.pk: DeskFigures(desk, [MonthFigures(start) for start in starts]) for desk in desks
    }
    since = timezone.make_aware(datetime.combine(starts[0], time.min))
    enquiries = (
        Enquiry.objects.filter(desk__in=list(figures), created_at__gte=since)
        .annotate(follow_ups=follow_ups_done())
        .values("desk", "created_at", "first_replied_at", "reply_due_at", "rating", "follow_ups")
    )
    for enquiry in enquiries:
        received = timezone.localtime(enquiry["created_at"]).date()
        index = (received.year - starts[0].year) * 12 + received.month - starts[0].month
        if index < len(starts):  # a clock set back could date one after `now`
            figures[enquiry["desk"]].months[index].add(enquiry, now)
    add_current(figures, now)
    return list(figures.values())


def add_current(figures, now):
    """Open (not closed) and overdue enquiries now, whenever they came in."""
    counts = (
        Enquiry.objects.filter(desk__in=list(figures))
        .exclude(status=Enquiry.Status.CLOSED)
        .values("desk")
        .annotate(
            open=Count("pk"),
            # `sla.overdue`, counted: closed ones are excluded above.
            overdue=Count("pk", filter=Q(first_replied_at__isnull=True, reply_due_at__lt=now)),
        )
    )
    for row in counts:
        figures[row["desk"]].open_now = row["open"]
        figures[row["desk"]].overdue_now = row["overdue"]


def rounded(value, digits=1):
    return "" if value is None else f"{value:.{digits}f}"


CSV_COLUMNS = [
    ("desk", lambda d, m: d.desk.name),
    ("month", lambda d, m: f"{m.month:%Y-%m}"),
    ("received", lambda d, m: m.received),
    ("answered", lambda d, m: m.answered),
    ("median hours to first reply", lambda d, m: rounded(m.median_hours)),
    ("90th percentile hours to first reply", lambda d, m: rounded(m.p90_hours)),
    ("answered within target %", lambda d, m: rounded(m.within_target_percent)),
    ("follow-ups done", lambda d, m: m.follow_ups),
    ("ratings", lambda d, m: m.rating_count),
    ("average rating", lambda d, m: rounded(m.rating_average, 2)),
]


def performance_csv(figures, filename="desk-performance.csv"):
    """One row per desk and month, UTF-8 with a BOM so that Excel keeps Chinese intact."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([title for title, _value in CSV_COLUMNS] + ["open now", "overdue now"])
    for desk in figures:
        for month in desk.months:
            row = [spreadsheet_safe(value(desk, month)) for _title, value in CSV_COLUMNS]
            # The figures of now go with the current month, the last row of each desk.
            now = [desk.open_now, desk.overdue_now] if month is desk.months[-1] else ["", ""]
            writer.writerow(row + now)
    return response
