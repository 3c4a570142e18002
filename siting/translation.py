"""Which siting fields are translated (columns `*_en` and `*_zh_hans`)."""

from modeltranslation.translator import TranslationOptions, register

from .models import AvailableSite, Indicator, LogisticsNode

EMPTY = ""


@register(AvailableSite)
class AvailableSiteOptions(TranslationOptions):
    fields = ("name", "summary", "body", "address", "contact_name")
    empty_values = EMPTY


@register(LogisticsNode)
class LogisticsNodeOptions(TranslationOptions):
    fields = ("name", "address")
    empty_values = EMPTY


@register(Indicator)
class IndicatorOptions(TranslationOptions):
    fields = ("source_name",)
    empty_values = EMPTY
