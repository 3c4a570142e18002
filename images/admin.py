from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationGenericStackedInline
from modeltranslation.utils import build_localized_fieldname

from projects.admin_languages import SideBySideTranslations
from projects.content_types import public_types

from .forms import ImageChangeForm, ImageForm, ImageFormSet
from .models import Image

THUMBNAIL_WIDTH = 120
LIST_THUMBNAIL_WIDTH = 64
ALT_COLUMNS = [build_localized_fieldname("alt", code) for code, _label in settings.LANGUAGES]


def thumbnail(image, width=THUMBNAIL_WIDTH, alt=""):
    """A small preview from the smallest rendition; nothing before the first save."""
    if image is None or not image.pk or not image.width:
        return "—"
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" loading="lazy">',
        image.thumbnail_url,
        width,
        round(image.height * width / image.width),
        alt,
    )


class ThumbnailMixin:
    @admin.display(description=_("preview"))
    def thumbnail(self, image):
        return thumbnail(image)


class HeroThumbnailMixin:
    """For the admin of a record with photos: its first photo in the list of records."""

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("images")

    @admin.display(description=_("photo"))
    def hero_thumbnail(self, obj):
        return thumbnail(next(iter(obj.images.all()), None), LIST_THUMBNAIL_WIDTH)


class ImageInline(ThumbnailMixin, SideBySideTranslations, TranslationGenericStackedInline):
    """Photos of a record, edited on the record's own admin page: one block per photo,
    its descriptions in the two languages side by side (a table would overflow)."""

    model = Image
    form = ImageForm
    formset = ImageFormSet
    extra = 0
    fields = ("thumbnail", "file", "alt", "caption", ("credit", "position"))
    readonly_fields = ("thumbnail",)


class AltTextFilter(admin.SimpleListFilter):
    title = _("alternative text")
    parameter_name = "alt"

    def lookups(self, request, model_admin):
        return [("missing", _("Missing in a language"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            empty = (Q(**{c: ""}) | Q(**{f"{c}__isnull": True}) for c in ALT_COLUMNS)
            return queryset.filter(reduce(or_, empty))
        return queryset


class OwnerTypeFilter(admin.SimpleListFilter):
    """The record's content type: only the portal's public types, by their own label."""

    title = _("content type")
    parameter_name = "owner_type"

    def lookups(self, request, model_admin):
        return [(d.model._meta.label_lower, d.label) for d in public_types()]

    def queryset(self, request, queryset):
        app_label, _dot, model = (self.value() or "").partition(".")
        if model:
            return queryset.filter(content_type__app_label=app_label, content_type__model=model)
        return queryset


@admin.register(Image)
class ImageAdmin(ThumbnailMixin, SideBySideTranslations, TranslationAdmin):
    """Every photo at a glance, to find those still lacking a description."""

    form = ImageChangeForm
    list_display = ("list_thumbnail", *ALT_COLUMNS, "owner_link", "dimensions", "updated_at")
    list_display_links = ("list_thumbnail", ALT_COLUMNS[0])
    list_filter = (AltTextFilter, OwnerTypeFilter)
    search_fields = [*ALT_COLUMNS, "credit"]
    fields = ("thumbnail", "owner_link", "file", "alt", "caption", "credit", "position")
    readonly_fields = ("thumbnail", "owner_link")
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("owner")

    def has_add_permission(self, request):
        return False  # a photo is added on its record's page, which knows the owner

    @admin.display(description=_("preview"))
    def list_thumbnail(self, image):
        """The preview links to the photo, so it is named by the photo's description."""
        return thumbnail(image, alt=image.alt or _("photo"))

    @admin.display(description=_("record"))
    def owner_link(self, image):
        owner = image.owner
        if owner is None:
            return "—"
        meta = owner._meta
        try:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[owner.pk])
        except NoReverseMatch:
            return str(owner)
        return format_html('<a href="{}">{}</a>', url, owner)

    @admin.display(description=_("size in pixels"))
    def dimensions(self, image):
        return f"{image.width} × {image.height}" if image.width else "—"
