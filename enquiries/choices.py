"""The enquiry form's options that are the same for every visitor: read and sorted once
per language, kept (web/fragments.py lookups) until the records they name change.

Each is a list of plain values, shared within the process: copy it before changing it.
"""

from django.utils.choices import BaseChoiceIterator

from localisation.collation import sorted_by_name
from localisation.countries import country_choices
from localisation.forms import empty_choice
from projects.models import OverseasCentre, Sector
from projects.park_field import SUGGESTIONS
from projects.selectors import park_suggestions
from web import fragments


class Listed(BaseChoiceIterator):
    """A field's options, "Please choose" first, read from `read()` when they are listed
    (rendered, or checked on a POST): a form neither copies nor re-checks them (Django
    takes an iterator of its own as it is), and a cached field reads none of them."""

    def __init__(self, read):
        self.read = read

    def __iter__(self):
        yield ("", empty_choice())
        yield from self.read()


def countries():
    """Some 250 countries, sorted once per language and process (localisation.countries)."""
    return Listed(country_choices)


def centres():
    """(pk, name) of the published centres, in the reader's order (pinyin in Chinese)."""

    def read():
        return [
            (centre.pk, str(centre))
            for centre in sorted_by_name(OverseasCentre.objects.published())
        ]

    return fragments.lookup("enquiry-centres", read, fragments.of_type("centre"))


def sectors():
    """(pk, name) of every sector in its own order; kept until a write to a table of no
    public type (sectors are one)."""

    def read():
        return [(sector.pk, str(sector)) for sector in Sector.objects.all()]

    return fragments.lookup("enquiry-sectors", read)


def park_names():
    """The names of the parks the park box suggests."""

    def read():
        return [str(park) for park in park_suggestions(SUGGESTIONS)]

    return fragments.lookup("enquiry-park-names", read, fragments.of_type("park"))
