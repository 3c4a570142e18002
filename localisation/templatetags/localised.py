"""The formatting helpers as template filters and tags, in the active language.

{% load localised %}
{{ amount|money:"USD" }}  {{ park.area_km2|km2 }}  {{ figure|figure_value }}
{{ policy.effective_date|local_date }}  {% event_when event %}
"""

from decimal import Decimal

from django import template

from .. import formats
from ..collation import sorted_by_name
from ..countries import sorted_countries
from ..units import measure

register = template.Library()


@register.filter
def number(value, approximate=False):
    return "" if value in (None, "") else formats.number(value, approximate=bool(approximate))


@register.filter
def money(amount, currency):
    return "" if amount in (None, "") else formats.money(amount, currency)


@register.filter
def area(m2, land=False):
    return "" if m2 in (None, "") else formats.area(m2, land=bool(land))


@register.filter
def km2(value):
    """An area stored in km², e.g. a park's."""
    return (
        "" if value in (None, "") else formats.area(Decimal(value) * formats.SQUARE_METRES_PER_KM2)
    )


@register.filter
def percent(value):
    return "" if value in (None, "") else formats.percent(value)


@register.filter
def year(value):
    return "" if value in (None, "") else formats.year(value)


@register.filter
def local_date(value, zone=None):
    return "" if not value else formats.date(value, zone=zone)


@register.filter
def figure_value(figure):
    """A stored figure (value, unit, qualifier) as the language writes it."""
    return measure(figure.value, figure.unit, figure.qualifier)


@register.simple_tag
def date_range(start, end, zone=None):
    return formats.date_range(start, end, zone=zone)


@register.simple_tag
def time_with_zone(value, zone, city=None):
    return formats.time_with_zone(value, zone, city)


@register.simple_tag
def event_dates(event):
    """The days of an event, in the venue's time zone."""
    return formats.date_range(event.starts_at, event.ends_at, zone=event.timezone)


@register.simple_tag
def event_when(event):
    """Start and end with the venue's time in words: …（北京时间） · … (Seoul time)."""
    return formats.datetime_range(event.starts_at, event.ends_at, event.timezone, venue_city(event))


def venue_city(event):
    """The event's city when it names one city; else the zone is described as local time."""
    city = (event.city or "").strip()
    several = any(mark in city for mark in ("、", ",", "，", "/", "及", "和", "&", " and "))
    return city if city and not several else None


@register.simple_tag
def comma():
    return formats.comma()


@register.simple_tag
def separator():
    return formats.separator()


@register.filter
def parenthesised(text):
    return formats.parenthesised(text) if text else ""


@register.filter
def by_name(items):
    """A list in the language's reading order: pinyin in Chinese, alphabetical in English."""
    return sorted_by_name(items)


@register.filter
def countries_in_order(country_list):
    return sorted_countries(country_list)
