from modeltranslation.admin import TranslationGenericTabularInline

from .models import Image


class ImageInline(TranslationGenericTabularInline):
    """Photos of a record, edited on the record's own admin page."""

    model = Image
    extra = 0
    fields = ("file", "alt", "caption", "credit", "position")
