from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from localisation.forms import localise_form
from projects.models import OverseasCentre, Sector
from projects.park_field import ParkField
from siting.models import AvailableSite
from web.widgets import FlatSelect

from . import choices
from .models import Enquiry
from .submission import issue_token, read_token, strip_invisible

INVISIBLE_REMOVED = _(
    "We removed invisible formatting or control characters from this field. "
    "Check that it reads as you meant, then send the form again."
)

ABOUT_YOU = ["name", "company", "country", "email", "phone", "contact_window"]
ABOUT_THE_PROJECT = ["stage", "sector", "park", "centre", "message"]


# Text the visitor types; invisible characters are removed from it (see `strip_fields`).
TYPED_FIELDS = ["name", "company", "email", "phone", "message"]
MULTILINE_FIELDS = {"message"}
CONSENT_YES = "yes"


class ExplicitYes(forms.CheckboxInput):
    """A checkbox that counts as ticked only when it sends exactly CONSENT_YES:
    `consent=on`, `off`, `false` or `1` from a crafted request are not consent."""

    def __init__(self, attrs=None):
        super().__init__({**(attrs or {}), "value": CONSENT_YES})

    def value_from_datadict(self, data, files, name):
        return data.get(name) == CONSENT_YES


class QuietChoiceField(forms.ModelChoiceField):
    """A hidden choice the visitor cannot see: a value that does not fit (a site since
    withdrawn, an edited address) is dropped instead of failing the form."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            return None


class EnquiryForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I agree that Invest Qingdao may store my details and contact me about this enquiry."
        ),
        required=True,
        widget=ExplicitYes,
    )
    # Typed, with a few suggestions: a list of every park would grow with the parks.
    park = ParkField(
        label=_("Park (optional)"),
        help_text=_("Type its name in English or Chinese; a few are suggested as you type."),
    )
    # Issued with the form and stored with the enquiry: posting it again finds that enquiry.
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)
    # A transfer abroad needs its own consent under the PIPL: optional, never pre-ticked.
    cross_border_consent = forms.BooleanField(
        label=_(
            "Optional: I also agree that my enquiry may be passed to the city's business "
            "centre in my region, outside mainland China, when it is best placed to answer. "
            "Without this, my enquiry is answered from Qingdao."
        ),
        required=False,
        widget=ExplicitYes,
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
            "site",
            "centre",
            "stage",
            "message",
            "contact_window",
            "consent",
            "cross_border_consent",
        ]
        labels = {
            "name": _("Your name"),
            "country": _("Country or region"),
            "phone": _("Phone (optional)"),
            "sector": _("Sector (optional)"),
            "centre": _("Overseas business centre (optional)"),
        }
        # The site comes from its page's link: named above the fields, sent hidden.
        # Some 250 countries: written out directly, not through a template per option.
        widgets = {
            "message": forms.Textarea(attrs={"rows": 8}),
            "site": forms.HiddenInput,
            "country": FlatSelect,
        }
        field_classes = {"site": QuietChoiceField}

    def __init__(self, data=None, *args, **kwargs):
        self.stripped = []
        if data is not None:
            data = self.strip_fields(data)
        # What a link pre-fills (`?park=`) is this visitor's: never kept for another.
        self.prefilled = set(kwargs.get("initial") or ())
        super().__init__(data, *args, **kwargs)
        if self.is_bound:
            self.limit_to_public()
        else:
            self.fields["submission_token"].initial = issue_token()
        self.fields["park"].suggest(choices.park_names())
        # Left out of localise_form, which would list them: they say "Please choose".
        countries, self.fields["country"].choices = self.fields["country"].choices, ()
        localise_form(self)
        self.fields["country"].choices = countries
        self.fields["sector"].choices = choices.Listed(choices.sectors)
        self.fields["centre"].choices = choices.Listed(choices.centres)
        for name, autocomplete in (
            ("name", "name"),
            ("company", "organization"),
            ("email", "email"),
            ("phone", "tel"),
        ):
            self.fields[name].widget.attrs["autocomplete"] = autocomplete

    def limit_to_public(self):
        """Only what the public can see may be chosen. The options shown are kept lists
        (enquiries/choices.py): the querysets check what a sent form chose."""
        self.fields["sector"].queryset = Sector.objects.all()
        self.fields["site"].queryset = AvailableSite.objects.published()
        self.fields["centre"].queryset = OverseasCentre.objects.published()

    def strip_fields(self, data):
        """A copy of `data` without invisible characters; the fields changed are remembered,
        so the form is shown again with the cleaned text for the visitor to check."""
        data = data.copy()
        for name in TYPED_FIELDS:
            value = data.get(name)
            if value:
                cleaned = strip_invisible(value, multiline=name in MULTILINE_FIELDS)
                if cleaned != value:
                    data[name] = cleaned
                    self.stripped.append(name)
        return data

    def clean_submission_token(self):
        token = read_token(self.cleaned_data["submission_token"])
        if token is None:
            self.renew_token()
            raise ValidationError(
                _("This form has expired. Check your details and send it again."), code="expired"
            )
        return token

    def clean(self):
        cleaned_data = super().clean()
        for name in self.stripped:
            self.add_error(name, INVISIBLE_REMOVED)
        if "submission_token" in self.errors:
            # A hidden field's error is shown at the top of the form.
            self.add_error(None, self.errors.pop("submission_token"))
        return cleaned_data

    def renew_token(self):
        self.data = self.data.copy()
        self.data["submission_token"] = issue_token()

    @property
    def unbound(self):
        """A fragment's key part for what a form not yet sent shows; None once it was
        sent (the visitor's values and errors are rendered, never kept)."""
        return None if self.is_bound else "unbound"

    @property
    def untouched(self):
        """A fragment's key part for the whole form as a first visit shows it; None when
        it shows anything of the visitor's (sent, or pre-filled from the link)."""
        return None if self.is_bound or self.prefilled else "untouched"

    def shows_nothing_of_the_visitor(self, name):
        """Whether field `name` looks the same for every visitor: nothing typed, no error,
        nothing pre-filled from the link."""
        return self.unbound is not None and name not in self.prefilled

    def about_you(self):
        return [self[name] for name in ABOUT_YOU]

    def about_the_project(self):
        return [self[name] for name in ABOUT_THE_PROJECT]

    def chosen_site(self):
        """The site the enquiry is about, for the note above the fields (no query)."""
        if self.is_bound:
            return self.cleaned_data.get("site") if hasattr(self, "cleaned_data") else None
        return self.initial.get("site")

    def save(self, language, source):
        enquiry = super().save(commit=False)
        enquiry.language = language
        enquiry.source = source
        enquiry.submission_token = self.cleaned_data["submission_token"]
        enquiry.save()
        return enquiry


# Listed when shown or checked: a form's copy of its fields copies no country list.
EnquiryForm.base_fields["country"].choices = choices.countries()


class StatusLookupForm(forms.Form):
    reference = forms.CharField(label=_("Reference"), max_length=20)
    email = forms.EmailField(label=_("Email address used for the enquiry"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        localise_form(self)

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()
