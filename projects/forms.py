"""Filter and search forms read from the query string.

A value that is not among the choices is dropped (the filter is ignored), so a
stale or hand-edited link still shows a page rather than an error.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from localisation.collation import sorted_by_name
from localisation.countries import country_choices
from projects.models import Event, Park, Policy
from projects.park_field import ParkField, ParkFilter

SEARCH_MAX_LENGTH = 100


def _choices(records, everything_label):
    return [("", everything_label), *((record.slug, str(record)) for record in records)]


def _named_choices(records, everything_label):
    """Choices among named records (parks), in the language's reading order."""
    return _choices(sorted_by_name(records), everything_label)


class FilterForm(forms.Form):
    """A GET form whose valid fields become keyword filters for a selector."""

    def filters(self):
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and name not in self.errors
        }

    def is_filtered(self):
        return any(name != "when" for name in self.filters())


class ParkFilterForm(FilterForm):
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of park"),
        required=False,
        choices=[("", _("All kinds")), *Park.Kind.choices],
    )

    def __init__(self, data, sectors, districts):
        super().__init__(data)
        self.fields["sector"].choices = _choices(sectors, _("All sectors"))
        self.fields["district"].choices = _choices(districts, _("All districts"))


class PolicyFilterForm(ParkFilter, FilterForm):
    # The policy list's notice names the park that was typed.
    unknown_park = None
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *Policy.Category.choices],
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    park = ParkField(label=_("Park"))
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("In force or expired")),
            ("in_force", _("In force")),
            ("expired", _("Expired")),
        ],
    )

    def __init__(self, data, sectors, parks):
        super().__init__(data)
        self.fields["sector"].choices = _choices(sectors, _("All sectors"))
        self.fields["park"].suggest(parks)


class EventFilterForm(ParkFilter, FilterForm):
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of event"),
        required=False,
        choices=[("", _("All kinds")), *Event.Kind.choices],
    )
    country = forms.ChoiceField(label=_("Country or region"), required=False)
    park = ParkField(label=_("Park"))

    def __init__(self, data, sectors, country_codes, parks=()):
        super().__init__(data)
        self.fields["park"].suggest(parks)
        self.fields["sector"].choices = _choices(sectors, _("All sectors"))
        self.fields["country"].choices = [
            ("", _("All countries and regions")),
            *country_choices(country_codes),
        ]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=SEARCH_MAX_LENGTH, required=False)
    # A content type's key (the facet links); an unknown one is dropped.
    type = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_type(self):
        from projects.content_types import public_types

        key = self.cleaned_data["type"]
        return key if key in {declared.key for declared in public_types()} else ""
