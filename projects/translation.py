"""Which model fields are translated (columns `*_en` and `*_zh_hans`)."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    CityFigure,
    District,
    Event,
    OverseasCentre,
    Park,
    ParkFigure,
    Policy,
    Sector,
)

# An empty string counts as missing, so the other language is shown instead.
EMPTY = ""


class TaxonomyOptions(TranslationOptions):
    fields = ("name", "description")
    empty_values = EMPTY


@register(Sector)
class SectorOptions(TranslationOptions):
    fields = ("name", "description", "profile")
    empty_values = EMPTY


register(District)(TaxonomyOptions)


@register(CityFigure)
class CityFigureOptions(TranslationOptions):
    fields = ("name", "description", "source_name")
    empty_values = EMPTY


@register(Park)
class ParkOptions(TranslationOptions):
    fields = ("name", "summary", "body", "address", "contact_name")
    empty_values = EMPTY


@register(ParkFigure)
class ParkFigureOptions(TranslationOptions):
    fields = ("label", "source_name")
    empty_values = EMPTY


@register(Policy)
class PolicyOptions(TranslationOptions):
    fields = ("name", "authority", "summary", "eligibility", "benefits", "body", "how_to_claim")
    empty_values = EMPTY


@register(Event)
class EventOptions(TranslationOptions):
    fields = ("name", "summary", "body", "venue", "city", "organiser")
    empty_values = EMPTY


@register(OverseasCentre)
class OverseasCentreOptions(TranslationOptions):
    fields = ("name", "city", "summary", "services", "address", "contact_person")
    empty_values = EMPTY
