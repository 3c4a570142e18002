"""Concrete call times from a desk's weekly pattern, and time-zone conversion both ways."""

import dataclasses
import datetime
import functools
import zoneinfo

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from localisation import formats

from ..models import Booking
from ..models.booking import TIME_ZONES

# How far ahead investors may book, and how soon at the earliest.
HORIZON = datetime.timedelta(days=14)
NOTICE = datetime.timedelta(hours=12)
# The date and time of a call as shown to the investor.
DATE_FORMAT = _("l j F")
TIME_FORMAT = "H:i"


@dataclasses.dataclass(frozen=True)
class Opening:
    """One bookable call: a weekly slot on a given day, as a UTC instant."""

    slot: object
    starts_at: datetime.datetime  # aware, UTC

    @property
    def key(self):
        return self.starts_at.strftime("%Y-%m-%dT%H:%MZ")

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.slot.duration)

    def label(self, zone):
        return describe(self.starts_at, self.ends_at, zone)


def describe(starts_at, ends_at, zone):
    """“Friday 27 March, 09:00–09:30” in `zone`, in the active language."""
    start, end = (moment.astimezone(zoneinfo.ZoneInfo(zone)) for moment in (starts_at, ends_at))
    day = date_format(start, str(DATE_FORMAT))
    return f"{day}{formats.comma()}{start:%H:%M}–{end:%H:%M}"


def zone_or_default(name, default):
    return name if name in TIME_ZONES else default


@functools.cache
def time_zone_choices():
    return sorted(name for name in TIME_ZONES if "/" in name and not name.startswith("Etc/"))


def named_zone(zone):
    """Zones a reader knows by a name in their own language (Beijing time, Seoul time)."""
    return zone in formats.CHINA_ZONES or zone in formats.ZONE_CITIES


def zone_label(zone):
    """“首尔时间 UTC+09:00” · “Abidjan UTC+00:00”: a place and today's offset, never a tz name."""
    offset = datetime.datetime.now(zoneinfo.ZoneInfo(zone)).strftime("%z")
    place = formats.zone_name(zone) if named_zone(zone) else zone.rsplit("/", 1)[-1]
    return f"{place.replace('_', ' ')} UTC{offset[:3]}:{offset[3:]}"


@functools.lru_cache(maxsize=64)
def _time_zone_options(selected, language):
    # Zones named in the reader's language first; the others by their (English) place name.
    options = []
    for zone in sorted(time_zone_choices(), key=lambda zone: not named_zone(zone)):
        template = '<option value="{}"{}>{}</option>'
        if not named_zone(zone):
            template = '<option value="{}"{} lang="en">{}</option>'
        options.append(
            format_html(template, zone, " selected" if zone == selected else "", zone_label(zone))
        )
    return mark_safe("".join(options))  # each option built by format_html


def time_zone_options(selected):
    """The <option>s of the time-zone select: some 600, so built once per zone and language."""
    return _time_zone_options(selected, get_language())


def local_instant(day, time, zone):
    """The UTC instant of a wall-clock time in `zone`; None if the clocks skip it (DST)."""
    local = datetime.datetime.combine(day, time, tzinfo=zone)
    instant = local.astimezone(datetime.UTC)
    if instant.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return instant


def openings(desk, *, now=None):
    """The desk's free call times from NOTICE to HORIZON ahead, soonest first."""
    now = now or timezone.now()
    zone = zoneinfo.ZoneInfo(desk.time_zone)
    slots = list(desk.call_slots.filter(active=True))
    if not slots:
        return []
    first_day = now.astimezone(zone).date()
    found = []
    for offset in range(HORIZON.days + 1):
        day = first_day + datetime.timedelta(days=offset)
        for slot in slots:
            if slot.weekday != day.weekday():
                continue
            instant = local_instant(day, slot.start_time, zone)
            if instant is not None and now + NOTICE <= instant <= now + HORIZON:
                found.append(Opening(slot, instant))
    taken = set(
        Booking.objects.filter(
            desk=desk, starts_at__in=[opening.starts_at for opening in found]
        ).values_list("starts_at", flat=True)
    )
    return sorted(
        (opening for opening in found if opening.starts_at not in taken),
        key=lambda opening: opening.starts_at,
    )


def bookings_of(enquiry):
    return list(enquiry.bookings.select_related("desk").order_by("starts_at"))


def upcoming_booking(bookings, now=None):
    now = now or timezone.now()
    return next((booking for booking in bookings if booking.ends_at > now), None)
