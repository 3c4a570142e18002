"""Links such as `?park=<slug>` pre-fill the form; anything unknown is ignored.

The topics are the content types that declare an enquiry (projects.content_types),
and the sectors.
"""

import re

from projects.content_types import enquiry_topics
from projects.models import Sector

SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")


def topics():
    """{topic: (records, initial fields of a record)}, content types first."""
    return {
        **enquiry_topics(),
        "sector": (Sector.objects.all, lambda sector: {"sector": sector}),
    }


def prefill(params):
    """Initial values and a source label (`park:<slug>`) from the first known topic."""
    for topic, (records, fields) in topics().items():
        slug = params.get(topic, "")
        if not SLUG.match(slug):
            continue
        record = records().filter(slug=slug).first()
        if record is not None:
            initial = {name: value for name, value in fields(record).items() if value}
            return initial, f"{topic}:{slug}"
    return {}, ""
