"""The incentive finder's questionnaire, read from the query string (a GET form)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models.criteria import CompanyType, TalentCategory
from projects.park_field import ParkField

from .finder import Project

YUAN_PER_MILLION = Decimal(1_000_000)
MAX_MILLIONS = Decimal(10_000_000)
MAX_HEADCOUNT = 10_000_000


class FinderForm(forms.Form):
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    park = ParkField(label=_("Park"))
    district = forms.ChoiceField(
        label=_("District"), required=False, help_text=_("If you have not chosen a park yet.")
    )
    company_type = forms.ChoiceField(
        label=_("Company type"),
        required=False,
        choices=[("", _("Any company type")), *CompanyType.choices],
    )
    investment = forms.DecimalField(
        label=_("Planned investment (million yuan)"),
        required=False,
        min_value=0,
        max_value=MAX_MILLIONS,
        decimal_places=2,
    )
    headcount = forms.IntegerField(
        label=_("Employees in Qingdao"), required=False, min_value=0, max_value=MAX_HEADCOUNT
    )
    talent = forms.MultipleChoiceField(
        label=_("Talent you will bring or hire"),
        required=False,
        choices=TalentCategory.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, data, options):
        """`options`: decide.selectors.FinderOptions, the records and names offered."""
        super().__init__(data)
        self.records = {"sector": options.sectors, "district": options.districts}
        self.fields["sector"].choices = [("", _("Any sector")), *options.sector_names]
        self.fields["park"].suggest(options.park_names)
        self.fields["district"].choices = [("", _("Any district")), *options.district_names]

    def clean_park(self):
        """The park found; the box then shows its name, not the slug or number typed."""
        park = self.cleaned_data["park"]
        if park is not None:
            self.data = self.data.copy()
            self.data["park"] = str(park)
        return park

    def project(self):
        """The answers as a Project; a wrong answer is shown as an error and ignored."""
        self.is_valid()
        valid = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        investment = valid.get("investment")
        return Project(
            sector=self.records["sector"].get(valid.get("sector")),
            park=valid.get("park"),
            district=self.records["district"].get(valid.get("district")),
            company_type=valid.get("company_type", ""),
            investment=None if investment is None else investment * YUAN_PER_MILLION,
            headcount=valid.get("headcount"),
            talent=tuple(valid.get("talent", ())),
        )

    def is_answered(self):
        return any(value not in (None, "", []) for value in self.data.values())
