from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationGenericTabularInline

from .forms import ImageForm, ImageFormSet
from .models import Image

THUMBNAIL_WIDTH = 120


@admin.display(description=_("preview"))
def thumbnail(image):
    """A small preview from the smallest rendition; nothing before the first save."""
    if not image.pk or not image.width:
        return "—"
    height = round(image.height * THUMBNAIL_WIDTH / image.width)
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="" loading="lazy">',
        image.thumbnail_url,
        THUMBNAIL_WIDTH,
        height,
    )


class ImageInline(TranslationGenericTabularInline):
    """Photos of a record, edited on the record's own admin page."""

    model = Image
    form = ImageForm
    formset = ImageFormSet
    extra = 0
    fields = ("thumbnail", "file", "alt", "caption", "credit", "position")
    readonly_fields = ("thumbnail",)

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        return thumbnail(obj)
