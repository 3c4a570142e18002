"""What the HTML site map lists: every page type, and the first records of each content type."""

from functools import cached_property

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


class Section:
    """One content type's part of the site map. Its records (and their number) are read
    only when the page asks for them: not when the section's cached fragment answers."""

    def __init__(self, declared):
        self.declared = declared
        self.key = declared.key
        self.label = declared.label

    @cached_property
    def url(self):
        return reverse(self.declared.list_url_name)

    @cached_property
    def records(self):
        return first_records(self.declared, PER_TYPE)

    @property
    def total(self):
        return self.records[0].total_published if self.records else 0


def site_map_sections():
    """One section per content type: its list page, its first records and their number.

    One query per content type whose section is not cached, whatever the number of records."""
    return [Section(declared) for declared in public_types()]
