from modeltranslation.translator import TranslationOptions, register

from .models import Image


@register(Image)
class ImageOptions(TranslationOptions):
    fields = ("alt", "caption")
    empty_values = ""
