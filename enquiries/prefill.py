"""Links such as `?park=<slug>` pre-fill the form; anything unknown is ignored."""

import re

from django_countries import countries

from projects.models import Event, OverseasCentre, Park, Policy, Sector

SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")


def _only(related):
    """The single related record, or None when there are none or several."""
    records = list(related.all()[:2])
    return records[0] if len(records) == 1 else None


def _fields(topic, record):
    if topic in ("park", "centre", "sector"):
        return {topic: record}
    if topic == "policy":
        return {"park": _only(record.parks), "sector": _only(record.sectors)}
    return {"park": record.park, "centre": record.centre, "sector": _only(record.sectors)}


TOPICS = {
    "park": Park.objects.published,
    "centre": OverseasCentre.objects.published,
    "sector": Sector.objects.all,
    "policy": Policy.objects.published,
    "event": Event.objects.published,
}


COUNTRY = re.compile(r"^[A-Za-z]{2}$")


def _country(params):
    """`?country=KR`: the visitor's country, when it is one the form offers."""
    code = params.get("country", "")
    if COUNTRY.match(code) and code.upper() in countries:
        return code.upper()
    return None


def prefill(params):
    """Initial values and a source label (`park:<slug>`) from the first known topic;
    `?country=` adds the visitor's country (from a country page or a story)."""
    initial, source = _topic(params)
    country = _country(params)
    if country:
        initial = {**initial, "country": country}
        source = source or f"country:{country.lower()}"
    return initial, source


def _topic(params):
    for topic, records in TOPICS.items():
        slug = params.get(topic, "")
        if not SLUG.match(slug):
            continue
        record = records().filter(slug=slug).first()
        if record is not None:
            initial = {name: value for name, value in _fields(topic, record).items() if value}
            return initial, f"{topic}:{slug}"
    return {}, ""
