"""The site filters and the operating-cost estimate: GET forms that never fail a page.

A value that does not fit (a negative area, "from" above "to", a word where a
number goes, an unknown park) is dropped from the filters and named in a
message above the list.
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from localisation.forms import localise_form
from projects.park_field import ParkField, ParkFilter

from .models import AvailableSite

MAX_KM = 500
MAX_AREA = Decimal("100000000")


def _choices(records, everything):
    return [("", everything), *((record.slug, str(record)) for record in records)]


class SiteFilterForm(ParkFilter, forms.Form):
    kind = forms.ChoiceField(label=_("Type"), required=False)
    park = ParkField(label=_("Park"))
    district = forms.ChoiceField(label=_("District"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    area_min = forms.DecimalField(
        label=_("Area from (m²)"), required=False, min_value=0, max_value=MAX_AREA
    )
    area_max = forms.DecimalField(
        label=_("Area to (m²)"), required=False, min_value=0, max_value=MAX_AREA
    )
    power_min = forms.IntegerField(
        label=_("Power at least (kVA)"), required=False, min_value=0, max_value=10**7
    )
    available_by = forms.DateField(
        label=_("Available by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    node = forms.ChoiceField(label=_("Near"), required=False)
    within_km = forms.DecimalField(
        label=_("Within (km)"), required=False, min_value=0, max_value=MAX_KM, decimal_places=1
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("", _("Default order")),
            ("area", _("Area, smallest first")),
            ("-area", _("Area, largest first")),
            ("rent", _("Rent per m² a month, lowest first")),
            ("sale", _("Sale price per m², lowest first")),
            ("available", _("Available soonest")),
        ],
    )

    def __init__(self, data, *, parks, districts, sectors, nodes):
        super().__init__(data)
        self.nodes = {node.slug: node for node in nodes}
        self.fields["kind"].choices = [("", _("All types")), *AvailableSite.Kind.choices]
        self.fields["park"].suggest(parks)
        self.fields["district"].choices = _choices(districts, _("All districts"))
        self.fields["sector"].choices = _choices(sectors, _("All sectors"))
        self.fields["node"].choices = _choices(nodes, _("Any logistics node"))
        for name in ("kind", "district", "sector", "node", "sort"):
            # Django's own message repeats the value typed; this one does not.
            self.fields[name].error_messages["invalid_choice"] = _("There is no such choice.")
        localise_form(self)

    def clean(self):
        data = super().clean()
        low, high = data.get("area_min"), data.get("area_max")
        if low is not None and high is not None and low > high:
            self.add_error("area_max", _("“Area to” must not be smaller than “area from”."))
        if data.get("within_km") is not None and not data.get("node"):
            self.add_error("within_km", _("Choose a logistics node to measure the distance from."))
        return data

    def filters(self):
        """The valid filters, as keyword arguments of `selectors.sites`."""
        self.is_valid()
        found = {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "") and name not in self.errors
        }
        if "node" in found:
            found["node"] = self.nodes[found["node"]]
        return found

    def is_filtered(self):
        return any(name != "sort" for name in self.filters())

    def problems(self):
        """Each dropped value's field label and message, for the note above the list."""
        return [
            (self.fields[name].label, message)
            for name, messages in self.errors.items()
            if name in self.fields
            for message in messages
        ]


class EstimateForm(forms.Form):
    """What a company would run: people by level, power use, floor area."""

    entry = forms.IntegerField(
        label=_("Entry-level staff"), required=False, min_value=0, max_value=100000
    )
    skilled = forms.IntegerField(
        label=_("Skilled workers"), required=False, min_value=0, max_value=100000
    )
    engineer = forms.IntegerField(
        label=_("Engineers"), required=False, min_value=0, max_value=100000
    )
    manager = forms.IntegerField(label=_("Managers"), required=False, min_value=0, max_value=100000)
    power_kwh = forms.IntegerField(
        label=_("Electricity use (kWh a year)"), required=False, min_value=0, max_value=10**10
    )
    floor_m2 = forms.IntegerField(
        label=_("Floor area (m²)"), required=False, min_value=0, max_value=10**7
    )

    LEVELS = ("entry", "skilled", "engineer", "manager")

    def __init__(self, data):
        super().__init__(data)
        localise_form(self)

    @classmethod
    def asked(cls, data):
        """True once the visitor sent the form (any field in the address `data`)."""
        return any(name in data for name in cls.base_fields)

    def is_asked(self):
        return self.asked(self.data)

    def values(self):
        """The valid inputs, missing or wrong ones as 0."""
        self.is_valid()
        return {
            name: (self.cleaned_data.get(name) or 0) if name not in self.errors else 0
            for name in self.fields
        }
