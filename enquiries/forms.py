from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import OverseasCentre, Park, Sector

from .models import Enquiry

ABOUT_YOU = ["name", "company", "country", "email", "phone", "contact_window"]
ABOUT_THE_PROJECT = ["stage", "sector", "park", "centre", "message"]


class ExplicitCheckbox(forms.CheckboxInput):
    """Ticked only by a yes: "off", "false" or "0" posted by a script never count as consent."""

    YES = {"on", "true", "1", "yes"}

    def value_from_datadict(self, data, files, name):
        return str(data.get(name, "")).strip().lower() in self.YES


class EnquiryForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I agree that Invest Qingdao may store my details and contact me about this enquiry."
        ),
        required=True,
    )
    # A transfer abroad needs its own consent under the PIPL: optional, never pre-ticked.
    cross_border_consent = forms.BooleanField(
        label=_(
            "Optional: I also agree that my enquiry may be passed to the city's business "
            "centre in my region, outside mainland China, when it is best placed to answer. "
            "Without this, my enquiry is answered from Qingdao."
        ),
        required=False,
        widget=ExplicitCheckbox,
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
            "cross_border_consent",
        ]
        labels = {
            "name": _("Your name"),
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

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()
