"""Working days of a desk's country: weekends, public holidays and adjusted working days.

The `holidays` library knows each country's public holidays and, for China, the
State Council's yearly adjustments (调休: weekend days worked, extra days off), up
to the last year it has been told about. Staff add a year the library does not
know yet as `WorkingDayAdjustment` rows, which win over the library day by day.

Due-time rule: an enquiry received on day D (portal time, China time by default)
is due by the end of the working day (18:00) on the N-th working day after D;
the day of receipt never counts, whatever time it arrived.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.utils import timezone

from .models import Desk, WorkingDayAdjustment

END_OF_WORKING_DAY = time(18, 0)
# No real calendar has a year without working days; stop instead of looping forever.
LONGEST_BREAK = 366
# The State Council publishes next year's schedule in the autumn: warn from October.
WARN_FROM_MONTH = 10


def library_calendar(country):
    """The library's holidays of `country`, weekends only for a country it does not know."""
    try:
        return holidays.country_holidays(country)
    except NotImplementedError:
        return holidays.HolidayBase()


class WorkingCalendar:
    """Working days in one country: the library's, overridden by staff-entered days."""

    def __init__(self, country, adjustments=None):
        self.country = country
        self.library = library_calendar(country)
        self.adjustments = adjustments or {}  # date -> is_working_day

    def is_working_day(self, day):
        if day in self.adjustments:
            return self.adjustments[day]
        return self.library.is_working_day(day)

    def next_working_day(self, day):
        """`day` itself if it is a working day, else the first working day after it."""
        for _ in range(LONGEST_BREAK):
            if self.is_working_day(day):
                return day
            day += timedelta(days=1)
        raise ValueError(f"No working day in {self.country} after {day}.")

    def add_working_days(self, day, days):
        """The `days`-th working day after `day` (`day` itself does not count)."""
        if days <= 0:
            return self.next_working_day(day)
        for _ in range(days):
            day = self.next_working_day(day + timedelta(days=1))
        return day


def working_calendar(country, since=None):
    """The calendar of `country` with the staff-entered days from `since` on (one query)."""
    adjustments = WorkingDayAdjustment.objects.filter(country=country)
    if since is not None:
        adjustments = adjustments.filter(date__gte=since)
    return WorkingCalendar(country, dict(adjustments.values_list("date", "is_working_day")))


def portal_zone():
    # Desks work in the portal's time zone (TIME_ZONE, Asia/Shanghai by default).
    return ZoneInfo(settings.TIME_ZONE)


def due_at(start, days, *, calendar):
    """End of the working day `days` working days after the day of `start`."""
    zone = portal_zone()
    day = calendar.add_working_days(start.astimezone(zone).date(), days)
    return datetime.combine(day, END_OF_WORKING_DAY, tzinfo=zone)


def add_working_days(start, days, *, country):
    """`due_at` in `country`'s calendar: e.g. `add_working_days(received, 2, country="CN")`."""
    since = start.astimezone(portal_zone()).date()
    return due_at(start, days, calendar=working_calendar(country, since=since))


def library_knows_year(country, year):
    """Whether the library lists adjusted working days (weekend days worked) in `year`."""
    calendar = holidays.country_holidays(country, years=[year])
    return any(day.year == year for day in calendar.weekend_workdays)


def uses_adjusted_days(country, year):
    """Countries such as China move working days every year; most never do."""
    try:
        return any(library_knows_year(country, past) for past in range(year - 3, year))
    except NotImplementedError:
        return False


def library_year(country, year, language=None):
    """The library's days off and worked weekend days of `year`, for staff to check.

    Days off of a year the State Council has not published yet are the library's
    estimates: staff enter every day the published schedule has differently.
    """
    calendar = holidays.country_holidays(country, years=[year], language=language)
    return {
        "days_off": sorted((day, name) for day, name in calendar.items() if day.year == year),
        "worked": sorted(day for day in calendar.weekend_workdays if day.year == year),
    }


def current_date():
    return timezone.localdate()


def years_to_check(today):
    return [today.year, today.year + 1] if today.month >= WARN_FROM_MONTH else [today.year]


def missing_years(on=None):
    """(country, year) pairs whose adjusted working days nobody knows yet: the admin warns.

    The current year always, the coming year from October on, for the desks' countries.
    """
    today = on or current_date()
    missing = []
    for country in sorted(set(Desk.objects.values_list("country", flat=True))):
        for year in years_to_check(today):
            if not uses_adjusted_days(country, year) or library_knows_year(country, year):
                continue
            entered = WorkingDayAdjustment.objects.filter(country=country, date__year=year)
            if not entered.exists():
                missing.append((country, year))
    return missing
