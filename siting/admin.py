"""Admin for sites, logistics nodes and indicators; figures past their age are flagged."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from images.admin import HeroThumbnailMixin, ImageInline
from projects.admin import PublishableAdmin, TranslatedAdmin, localized

from .models import AvailableSite, DriveTime, Indicator, LogisticsNode, stale_before


class StaleFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [("stale", _("Older than the maximum age")), ("current", _("Current"))]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.filter(as_of__lt=stale_before())
        if self.value() == "current":
            return queryset.filter(as_of__gte=stale_before())
        return queryset


class DriveTimeInline(admin.TabularInline):
    model = DriveTime
    fk_name = "site"
    fields = ("node", "minutes")
    extra = 0


@admin.register(AvailableSite)
class AvailableSiteAdmin(HeroThumbnailMixin, PublishableAdmin):
    list_display = (
        "name",
        "hero_thumbnail",
        "kind",
        "park",
        "area_m2",
        "availability",
        *PublishableAdmin.list_display[1:],
    )
    list_filter = ("kind", "availability", "park", "district", *PublishableAdmin.list_filter)
    search_fields = PublishableAdmin.search_fields + localized("address")
    autocomplete_fields = ("park", "district", "sectors")
    inlines = [DriveTimeInline, ImageInline]
    list_select_related = ("park",)
    fieldsets = (
        (None, {"fields": ("name", "kind", "park", "district", "sectors", "summary", "body")}),
        (
            _("Area, price and terms"),
            {
                "fields": (
                    "area_m2",
                    ("price", "price_basis"),
                    ("tenure", "term_years"),
                    "land_use",
                    ("availability", "available_from"),
                )
            },
        ),
        (
            _("Utilities and building"),
            {
                "fields": (
                    "power_kva",
                    "water_t_day",
                    "gas_m3_hour",
                    "steam_t_hour",
                    "wastewater_t_day",
                    "floor_load_t_m2",
                    "clear_height_m",
                    "dock_doors",
                )
            },
        ),
        (_("Location"), {"fields": ("address", ("latitude", "longitude"))}),
        (_("Contact"), {"fields": ("contact_name", "contact_email", "contact_phone")}),
        PublishableAdmin.publication_fieldset,
    )


@admin.register(LogisticsNode)
class LogisticsNodeAdmin(TranslatedAdmin):
    list_display = ("name", "kind", "latitude", "longitude", "position")
    list_editable = ("position",)
    list_filter = ("kind",)
    search_fields = localized("name") + ["slug"]
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Indicator)
class IndicatorAdmin(TranslatedAdmin):
    list_display = ("__str__", "value", "unit", "as_of", "age_flag", "source_name")
    list_filter = (StaleFilter, "kind", "level", "district")
    list_select_related = ("sector", "district")
    search_fields = localized("source_name") + ["slug"]
    autocomplete_fields = ("sector", "district")
    fields = (
        "slug",
        "kind",
        "level",
        "sector",
        "district",
        ("value", "unit"),
        "as_of",
        "source_name",
        "source_url",
        "position",
    )

    @admin.display(description=_("up to date"), boolean=True)
    def age_flag(self, obj):
        return not obj.is_stale
