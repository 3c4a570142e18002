"""Links such as `?park=<slug>` pre-fill the form; anything unknown is ignored.

The topics are the content types that declare an enquiry (projects.content_types),
and the sectors.
"""

import re

from django_countries import countries

from projects.content_types import enquiry_topics
from projects.models import Sector

SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")


def topics():
    """{topic: (records, initial fields of a record)}, content types first."""
    return {
        **enquiry_topics(),
        "sector": (Sector.objects.all, lambda sector: {"sector": sector}),
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
    for topic, (records, fields) in topics().items():
        slug = params.get(topic, "")
        if not SLUG.match(slug):
            continue
        record = records().filter(slug=slug).first()
        if record is not None:
            initial = {name: value for name, value in fields(record).items() if value}
            return initial, f"{topic}:{slug}"
    return {}, ""
