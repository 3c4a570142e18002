"""Translated fields of the stories app (columns `*_en` and `*_zh_hans`)."""

from modeltranslation.translator import TranslationOptions, register

from .models import BilateralFigure, CountryProfile, GuideStep, NewsItem, SectorFigure, Story

EMPTY = ""


@register(Story)
class StoryOptions(TranslationOptions):
    fields = ("name", "title", "summary", "body", "quote", "quote_by")
    empty_values = EMPTY


@register(NewsItem)
class NewsItemOptions(TranslationOptions):
    fields = ("name", "summary", "body", "source_name")
    empty_values = EMPTY


@register(BilateralFigure)
class BilateralFigureOptions(TranslationOptions):
    fields = ("label", "source_name")
    empty_values = EMPTY


@register(GuideStep)
class GuideStepOptions(TranslationOptions):
    fields = (
        "name",
        "summary",
        "office",
        "office_address",
        "documents",
        "fee",
        "legal_basis",
        "tips",
    )
    empty_values = EMPTY


@register(SectorFigure)
class SectorFigureOptions(TranslationOptions):
    fields = ("label", "source_name")
    empty_values = EMPTY


@register(CountryProfile)
class CountryProfileOptions(TranslationOptions):
    fields = ("summary",)
    empty_values = EMPTY
