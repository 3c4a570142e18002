from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from localisation.countries import country_choices
from localisation.forms import localise_form
from projects.forms import FilterForm, _choices
from projects.models import Park, Sector
from projects.park_field import ParkField, ParkFilter

from .models import Subscription

SLUG_LENGTH = 100


def year_or_none(value, years):
    """The year asked for when it is one the list has; anything else shows every year."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if year in years else None


class StoryFilterForm(ParkFilter, FilterForm):
    """Country, sector and park filters; an unknown value is ignored, never an error
    (an unknown park is named above the list)."""

    country = forms.ChoiceField(label=_("Country or region"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    park = ParkField(label=_("Park"))

    def __init__(self, data, country_codes, sectors, parks):
        super().__init__(data)
        self.fields["country"].choices = [
            ("", _("All countries and regions")),
            *country_choices(country_codes),
        ]
        self.fields["sector"].choices = _choices(sectors, _("All sectors"))
        self.fields["park"].suggest(parks)


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254)
    topic = forms.ChoiceField(choices=Subscription.Topic.choices, widget=forms.HiddenInput)
    key = forms.CharField(max_length=SLUG_LENGTH, widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label=_(
            "Send me a digest by email when something new matches. I have read the "
            "privacy notice; I can unsubscribe with one click in every email."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        localise_form(self)

    def clean(self):
        data = super().clean()
        topic, key = data.get("topic"), (data.get("key") or "").lower()
        if topic and key and topic_name(topic, key) is None:
            raise forms.ValidationError(_("There is nothing to subscribe to here."))
        data["key"] = key
        return data


def topic_name(topic, key):
    """What the subscription is about, in the active language; None when it does not exist."""
    from . import selectors

    if topic == Subscription.Topic.SECTOR:
        return Sector.objects.filter(slug=key).first()
    if topic == Subscription.Topic.PARK:
        return Park.objects.published().filter(slug=key).first()
    if topic == Subscription.Topic.COUNTRY:
        served = selectors.served_countries(selectors.centres())
        return countries.name(key.upper()) if key.upper() in served else None
    return None
