from django import forms
from django.utils.translation import gettext_lazy as _

from localisation.collation import sorted_by_name
from localisation.countries import country_choices
from localisation.forms import empty_choice, localise_form
from projects.models import OverseasCentre, Park, Sector

from .models import Enquiry

ABOUT_YOU = ["name", "company", "country", "email", "phone", "contact_window"]
ABOUT_THE_PROJECT = ["stage", "sector", "park", "centre", "message"]


class EnquiryForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I agree that Invest Qingdao may store my details and contact me about this enquiry."
        ),
        required=True,
    )

    class Meta:
        model = Enquiry
        fields = [
            "name",
            "company",
            "country",
            "email",
            "phone",
            "sector",
            "park",
            "centre",
            "stage",
            "message",
            "contact_window",
            "consent",
        ]
        labels = {
            "name": _("Your name"),
            "country": _("Country or region"),
            "phone": _("Phone (optional)"),
            "sector": _("Sector (optional)"),
            "park": _("Park (optional)"),
            "centre": _("Overseas business centre (optional)"),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what the public can see may be chosen.
        self.fields["sector"].queryset = Sector.objects.all()
        self.fields["park"].queryset = Park.objects.published()
        self.fields["centre"].queryset = OverseasCentre.objects.published()
        # Countries, parks and centres in the reader's order (pinyin in Chinese).
        self.fields["country"].choices = [("", empty_choice()), *country_choices()]
        for name in ("park", "centre"):
            field = self.fields[name]
            field.choices = [
                ("", empty_choice()),
                *((record.pk, str(record)) for record in sorted_by_name(field.queryset)),
            ]
        localise_form(self)
        for name, autocomplete in (
            ("name", "name"),
            ("company", "organization"),
            ("email", "email"),
            ("phone", "tel"),
        ):
            self.fields[name].widget.attrs["autocomplete"] = autocomplete

    def about_you(self):
        return [self[name] for name in ABOUT_YOU]

    def about_the_project(self):
        return [self[name] for name in ABOUT_THE_PROJECT]

    def save(self, language, source):
        enquiry = super().save(commit=False)
        enquiry.language = language
        enquiry.source = source
        enquiry.save()
        return enquiry


class StatusLookupForm(forms.Form):
    reference = forms.CharField(label=_("Reference"), max_length=20)
    email = forms.EmailField(label=_("Email address used for the enquiry"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        localise_form(self)

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()
