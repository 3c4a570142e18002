"""What the HTML site map lists: every page type, and the first records of each content type."""

from django.db.models import Func, IntegerField, Subquery
from django.urls import reverse

from projects.content_types import public_types

# Records listed per content type; the type's own list page has the rest.
PER_TYPE = 50


def first_records(declared, limit):
    """The type's first published records in its list order, each with `total_published`
    (the whole count, read by the same query: a subquery the database runs once)."""
    count = Func("pk", function="COUNT", output_field=IntegerField())
    total = declared.published().order_by().annotate(total=count).values("total")
    return list(declared.published().annotate(total_published=Subquery(total))[:limit])


def site_map_sections():
    """One section per content type: its list page, its first records and their number.

    One query per content type, whatever the number of records."""
    sections = []
    for declared in public_types():
        records = first_records(declared, PER_TYPE)
        sections.append(
            {
                "label": declared.label,
                "url": reverse(declared.list_url_name),
                "records": records,
                "total": records[0].total_published if records else 0,
            }
        )
    return sections
