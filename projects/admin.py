"""Admin for the portal's content: tabbed translations, publishing, completeness."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from modeltranslation.utils import build_localized_fieldname

from images.admin import HeroThumbnailMixin, ImageInline
from images.publishing import images_missing_alt
from localisation import formats, languages
from localisation.countries import country_choices

from .models import (
    CityFigure,
    District,
    Event,
    OverseasCentre,
    Park,
    ParkFigure,
    Policy,
    Publishable,
    Sector,
)


def localized(*names):
    """Every language column of the given translated fields, for search and lists."""
    return [build_localized_fieldname(n, code) for n in names for code, _l in settings.LANGUAGES]


def missing_in(language, field_names):
    """A filter for records with any of `field_names` empty in `language`."""
    return reduce(
        or_,
        (
            Q(**{build_localized_fieldname(name, language): ""})
            | Q(**{f"{build_localized_fieldname(name, language)}__isnull": True})
            for name in field_names
        ),
    )


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = [("complete", _("Complete in every language"))]
        choices += [
            (code, _("Missing %(language)s") % {"language": label})
            for code, label in settings.LANGUAGES
        ]
        return choices

    def queryset(self, request, queryset):
        fields = queryset.model.required_translations()
        if self.value() == "complete":
            return queryset.exclude(
                reduce(or_, (missing_in(code, fields) for code in languages.codes()))
            )
        if self.value() in dict(settings.LANGUAGES):
            return queryset.filter(missing_in(self.value(), fields))
        return queryset


@admin.action(description=_("Publish selected records"), permissions=["change"])
def publish(modeladmin, request, queryset):
    ready = [
        obj for obj in queryset if not obj.missing_translations and not images_missing_alt(obj)
    ]
    incomplete = queryset.count() - len(ready)
    queryset.filter(pk__in=[obj.pk for obj in ready]).update(status=Publishable.Status.PUBLISHED)
    if ready:
        modeladmin.message_user(
            request,
            ngettext("Published %d record.", "Published %d records.", len(ready)) % len(ready),
            messages.SUCCESS,
        )
    if incomplete:
        modeladmin.message_user(
            request,
            ngettext(
                "%d record was not published: translate it into every language first.",
                "%d records were not published: translate them into every language first.",
                incomplete,
            )
            % incomplete,
            messages.WARNING,
        )


@admin.action(description=_("Unpublish selected records"), permissions=["change"])
def unpublish(modeladmin, request, queryset):
    count = queryset.update(status=Publishable.Status.DRAFT)
    modeladmin.message_user(
        request,
        ngettext("Unpublished %d record.", "Unpublished %d records.", count) % count,
        messages.SUCCESS,
    )


class PublishableAdmin(TabbedTranslationAdmin):
    list_display = ("name", "status", "publish_at", "translation_status", "updated_at")
    list_filter = ("status", TranslationStatusFilter)
    search_fields = localized("name", "summary") + ["slug"]
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at")
    actions = [publish, unpublish]
    date_hierarchy = None
    list_per_page = 50
    publication_fieldset = (
        _("Publication"),
        {"fields": ("slug", "status", "publish_at", ("created_at", "updated_at"))},
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Country lists in the editor's reading order (pinyin in the Chinese admin)."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, CountryField) and field is not None:
            blank = [choice for choice in field.choices if choice[0] == ""]
            field.choices = [*blank, *country_choices()]
        return field

    @admin.display(description=_("translation"))
    def translation_status(self, obj):
        missing = obj.missing_languages
        if not missing:
            return _("Complete")
        labels = formats.join(label for code, label in settings.LANGUAGES if code in missing)
        return _("Missing: %(languages)s") % {"languages": labels}


class TaxonomyAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "position", "updated_at")
    list_editable = ("position",)
    search_fields = localized("name") + ["slug"]
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("position", "slug")


@admin.register(Sector)
class SectorAdmin(TaxonomyAdmin):
    pass


@admin.register(District)
class DistrictAdmin(TaxonomyAdmin):
    list_display = ("name", "kind", "slug", "position", "updated_at")
    list_filter = ("kind",)


@admin.display(description=_("up to date"), boolean=True)
def figure_is_current(obj):
    """False past FIGURE_MAX_AGE_MONTHS after the end of the figure's year."""
    from siting.models import year_is_stale

    return None if obj.year is None else not year_is_stale(obj.year)


@admin.register(CityFigure)
class CityFigureAdmin(TaxonomyAdmin):
    list_display = (
        "name", "value", "unit", "year", figure_is_current, "slug", "position", "updated_at"
    )  # fmt: skip


class ParkFigureInline(TranslationTabularInline):
    model = ParkFigure
    extra = 0
    readonly_fields = (figure_is_current,)


@admin.register(Park)
class ParkAdmin(HeroThumbnailMixin, PublishableAdmin):
    list_display = (
        "name",
        "hero_thumbnail",
        "kind",
        "district",
        "is_featured",
        *PublishableAdmin.list_display[1:],
    )
    list_filter = ("kind", "district", "sectors", "is_featured", *PublishableAdmin.list_filter)
    autocomplete_fields = ("district", "sectors")
    inlines = [ParkFigureInline, ImageInline]
    list_select_related = ("district",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "name",
                    "kind",
                    "district",
                    "sectors",
                    "countries",
                    "summary",
                    "body",
                    "is_featured",
                )
            },
        ),
        (_("Facts"), {"fields": ("established_year", "area_km2")}),
        (_("Location"), {"fields": ("address", ("latitude", "longitude"))}),
        (_("Contact"), {"fields": ("website", "contact_name", "contact_email", "contact_phone")}),
        PublishableAdmin.publication_fieldset,
    )


@admin.register(Policy)
class PolicyAdmin(PublishableAdmin):
    list_display = (
        "name",
        "category",
        "effective_date",
        "expiry_date",
        "in_force_display",
        *PublishableAdmin.list_display[1:],
    )
    list_filter = ("category", "sectors", *PublishableAdmin.list_filter)
    search_fields = PublishableAdmin.search_fields + localized("authority") + ["document_number"]
    autocomplete_fields = ("sectors", "parks", "districts")
    fieldsets = (
        (None, {"fields": ("name", "category", "authority", "document_number", "summary")}),
        (_("Applies to"), {"fields": ("sectors", "parks", "districts", "countries")}),
        (
            _("Who may claim it"),
            {"fields": ("company_types", "min_investment", "min_headcount", "talent_categories")},
        ),
        (_("Content"), {"fields": ("eligibility", "benefits", "body")}),
        (
            _("What the investor gets"),
            {
                "fields": (
                    "benefit_amount",
                    "benefit_rate",
                    "benefit_cap",
                    "benefit_years",
                    "how_to_claim",
                    "claim_deadline",
                )
            },
        ),
        (_("Validity"), {"fields": ("effective_date", "expiry_date")}),
        (_("Source"), {"fields": ("source_file", "source_url")}),
        PublishableAdmin.publication_fieldset,
    )

    @admin.display(description=_("in force"), boolean=True)
    def in_force_display(self, obj):
        return obj.in_force


@admin.register(Event)
class EventAdmin(HeroThumbnailMixin, PublishableAdmin):
    list_display = (
        "name",
        "hero_thumbnail",
        "kind",
        "starts_at",
        "city",
        "country",
        *PublishableAdmin.list_display[1:],
    )
    list_filter = ("kind", "country", "sectors", *PublishableAdmin.list_filter)
    search_fields = PublishableAdmin.search_fields + localized("city", "venue")
    autocomplete_fields = ("sectors", "park", "centre")
    inlines = [ImageInline]
    date_hierarchy = "starts_at"
    list_select_related = ("park", "centre")
    fieldsets = (
        (None, {"fields": ("name", "kind", "summary", "body", "sectors")}),
        (_("When"), {"fields": (("starts_at", "ends_at"), "timezone")}),
        (_("Where"), {"fields": ("venue", "city", "country")}),
        (_("Organisation"), {"fields": ("organiser", "registration_url", "park", "centre")}),
        PublishableAdmin.publication_fieldset,
    )


@admin.register(OverseasCentre)
class OverseasCentreAdmin(HeroThumbnailMixin, PublishableAdmin):
    list_display = (
        "name",
        "hero_thumbnail",
        "kind",
        "country",
        "city",
        *PublishableAdmin.list_display[1:],
    )
    list_filter = ("kind", "country", *PublishableAdmin.list_filter)
    search_fields = PublishableAdmin.search_fields + localized("city")
    inlines = [ImageInline]
    fieldsets = (
        (None, {"fields": ("name", "kind", "country", "city", "summary", "services")}),
        (_("Contact"), {"fields": ("contact_person", "email", "phone", "address")}),
        (
            _("Facts"),
            {"fields": ("established_year", ("latitude", "longitude"), "countries_served")},
        ),
        PublishableAdmin.publication_fieldset,
    )
