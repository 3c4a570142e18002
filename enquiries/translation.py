"""Which enquiry fields are translated (columns `*_en` and `*_zh_hans`): the desk's name,
shown to visitors on the comparison and the PDF sheets in their language."""

from modeltranslation.translator import TranslationOptions, register

from .models import Desk


@register(Desk)
class DeskOptions(TranslationOptions):
    fields = ("name",)
    # An empty name counts as missing, so the other language's is shown instead.
    empty_values = ""
