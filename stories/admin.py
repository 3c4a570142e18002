from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from images.admin import ImageInline
from localisation.admin_filters import CountryInUseFilter
from projects.admin import PublishableAdmin, TranslatedAdmin, localized

from .models import (
    BilateralFigure,
    CountryProfile,
    GuideStep,
    NewsItem,
    SectorFigure,
    Story,
    Subscription,
)


@admin.register(Story)
class StoryAdmin(PublishableAdmin):
    list_display = ("name", "country", "sector", "year", *PublishableAdmin.list_display[1:])
    list_filter = (CountryInUseFilter, "sector", *PublishableAdmin.list_filter)
    autocomplete_fields = ("sector", "park")
    list_select_related = ("sector",)
    inlines = [ImageInline]
    fieldsets = (
        (None, {"fields": ("name", "title", "country", "sector", "park", "year", "summary")}),
        (_("Story"), {"fields": ("body", "quote", "quote_by")}),
        (_("Figures"), {"fields": ("investment_usd", "investment_cny", "jobs", "area_m2")}),
        PublishableAdmin.publication_fieldset,
    )


@admin.register(NewsItem)
class NewsItemAdmin(PublishableAdmin):
    list_display = ("name", "date", *PublishableAdmin.list_display[1:])
    autocomplete_fields = ("sectors", "parks", "policies", "events")
    date_hierarchy = "date"
    fieldsets = (
        (None, {"fields": ("name", "date", "summary", "body", "source_name")}),
        (_("About"), {"fields": ("sectors", "parks", "policies", "events", "countries")}),
        PublishableAdmin.publication_fieldset,
    )


@admin.register(GuideStep)
class GuideStepAdmin(PublishableAdmin):
    list_display = ("name", "position", "office", "working_days", "status")
    list_editable = ("position",)
    ordering = ("position", "slug")
    fieldsets = (
        (None, {"fields": ("position", "name", "summary")}),
        (_("Office"), {"fields": ("office", "office_address", "office_phone", "office_url")}),
        (_("What it takes"), {"fields": ("documents", "working_days", "fee", "legal_basis")}),
        (_("Tips"), {"fields": ("tips",)}),
        PublishableAdmin.publication_fieldset,
    )


@admin.register(BilateralFigure)
class BilateralFigureAdmin(TranslatedAdmin):
    list_display = ("label", "country", "value", "unit", "year", "position")
    list_filter = (CountryInUseFilter,)
    search_fields = localized("label") + ["slug"]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("email", "topic", "key", "language", "created_at", "confirmed_at")
    list_filter = ("topic", "confirmed_at")
    search_fields = ("email",)
    readonly_fields = ("created_at", "confirmed_at", "last_sent_at")


@admin.register(CountryProfile)
class CountryProfileAdmin(TranslatedAdmin):
    list_display = ("country",)


@admin.register(SectorFigure)
class SectorFigureAdmin(TranslatedAdmin):
    list_display = ("label", "sector", "value", "unit", "year", "position")
    list_filter = ("sector",)
