"""Admin for the portal's content: languages side by side, publishing, completeness."""

from django.conf import settings
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from modeltranslation.utils import build_localized_fieldname

from dashboard.reviews import ReviewedAdminMixin
from editorial.admin import EditorialAdmin
from images.admin import HeroThumbnailMixin, ImageInline
from images.publishing import images_missing_alt
from localisation import formats, languages
from localisation.admin_filters import CountryInUseFilter
from localisation.countries import country_choices
from search.signals import reindex_many

from . import completeness
from .admin_languages import SideBySideTranslations
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
from .slugs import suggest_slug


def localized(*names):
    """Every language column of the given translated fields, for search and lists."""
    return [build_localized_fieldname(n, code) for n in names for code, _l in settings.LANGUAGES]


class TranslatedAdmin(SideBySideTranslations, TranslationAdmin):
    """The admin of a translated model: its languages side by side (admin_languages.py)."""


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = [("complete", _("Complete in every language"))]
        choices += [
            (code, _("Missing %(language)s") % {"language": languages.language(code).name})
            for code in languages.codes()
        ]
        return choices

    def queryset(self, request, queryset):
        if self.value() == "complete":
            return queryset.filter(completeness.complete_q(queryset.model))
        if self.value() in languages.codes():
            return queryset.filter(completeness.missing_q(queryset.model, self.value()))
        return queryset


def field_names(model, names):
    return formats.join(capfirst(model._meta.get_field(name).verbose_name) for name in names)


@admin.action(description=_("Publish selected records"), permissions=["change"])
def publish(modeladmin, request, queryset):
    ready = [
        obj for obj in queryset if not obj.missing_translations and not images_missing_alt(obj)
    ]
    incomplete = queryset.count() - len(ready)
    queryset.filter(pk__in=[obj.pk for obj in ready]).update(status=Publishable.Status.PUBLISHED)
    reindex_many(queryset.model, [obj.pk for obj in ready])  # update() sends no signal
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
    pks = list(queryset.values_list("pk", flat=True))
    count = queryset.update(status=Publishable.Status.DRAFT)
    reindex_many(queryset.model, pks)
    modeladmin.message_user(
        request,
        ngettext("Unpublished %d record.", "Unpublished %d records.", count) % count,
        messages.SUCCESS,
    )


class PublishableAdmin(ReviewedAdminMixin, EditorialAdmin, TranslatedAdmin):
    # Scheduled publication shows on the form; the list keeps to what fits at 1280 px.
    list_display = ("name", "status", "translation_status", "updated")
    any_one_language = True
    list_filter = ("status", TranslationStatusFilter)
    search_fields = localized("name", "summary") + ["slug"]
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("translation_completeness", "created_at", "updated_at")
    actions = [publish, unpublish]
    date_hierarchy = None
    list_per_page = 50
    publication_fieldset = (
        _("Publication"),
        {"fields": ("slug", "status", "publish_at", ("created_at", "updated_at"))},
    )
    completeness_fieldset = (_("Translation"), {"fields": ("translation_completeness",)})

    def get_fieldsets(self, request, obj=None):
        """The record's completeness first, where the editor looks before anything else."""
        fieldsets = super().get_fieldsets(request, obj)
        return [self.completeness_fieldset, *fieldsets] if obj is not None else fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "slug" in form.base_fields:
            # A Chinese name fills no slug as it is typed: left empty, it is made from pinyin.
            form.base_fields["slug"].required = False
            form.base_fields["slug"].help_text = _(
                "Web address of the page, shared by both languages: lowercase ASCII. "
                "Left empty, it is made from the name (in pinyin for a Chinese name)."
            )
        return form

    def save_model(self, request, obj, form, change):
        if not obj.slug:
            names = [getattr(obj, column) for column in obj.name_columns()]
            obj.slug = suggest_slug(type(obj), names)
        super().save_model(request, obj, form, change)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.annotate(missing_count=completeness.missing_count(queryset.model))

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Country lists in the editor's reading order (pinyin in the Chinese admin)."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, CountryField) and field is not None:
            blank = [choice for choice in field.choices if choice[0] == ""]
            field.choices = [*blank, *country_choices()]
        return field

    @admin.display(description=_("updated"), ordering="updated_at")
    def updated(self, obj):
        return formats.date(obj.updated_at)

    @admin.display(description=_("translation"), ordering="missing_count")
    def translation_status(self, obj):
        found = completeness.report(obj)
        if all(counted.complete for counted in found.values()):
            return _("Complete")
        return formats.join(
            f"{languages.own_name(code)} {counted.filled}/{counted.total}"
            for code, counted in found.items()
            if not counted.complete
        )

    @admin.display(description=_("completeness"))
    def translation_completeness(self, obj):
        """Per language: how many of the record's texts exist, and which are missing."""
        if obj is None or obj.pk is None:
            return _("Counted once the record is saved.")
        lines = []
        for code, counted in completeness.report(obj).items():
            count = f"{languages.own_name(code)} {counted.filled}/{counted.total}"
            if counted.complete:
                lines.append(format_html("<li>{} {}</li>", count, _("complete")))
            else:
                missing = _("missing: %(fields)s") % {
                    "fields": field_names(type(obj), counted.missing_fields)
                }
                lines.append(
                    format_html('<li>{} <span class="missing">{}</span></li>', count, missing)
                )
        return format_html(
            '<ul class="completeness">{}</ul>',
            format_html_join("", "{}", ((line,) for line in lines)),
        )


class TaxonomyAdmin(TranslatedAdmin):
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


class ParkFigureInline(SideBySideTranslations, TranslationStackedInline):
    """One block per figure, its label and source in the languages side by side
    (a table of every column would be wider than the screen)."""

    model = ParkFigure
    extra = 0
    any_one_language = True
    fields = (
        "label",
        ("value", "unit", "qualifier", "year", figure_is_current),
        "source_name",
        ("source_url", "position"),
    )
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
    list_filter = ("kind", CountryInUseFilter, "sectors", *PublishableAdmin.list_filter)
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
    list_filter = ("kind", CountryInUseFilter, *PublishableAdmin.list_filter)
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
