"""What every public form shares: the language's label suffix and empty choice."""

from django import forms
from django.utils.translation import gettext, gettext_lazy

EMPTY_CHOICE = gettext_lazy("Please choose")
DJANGO_EMPTY_LABELS = {"", "---------"}


def label_suffix():
    """After a label: "：" in Chinese, ":" in English.

    Django's own msgid, translated again in our catalogue.
    """
    return gettext(":")


def empty_choice():
    """The choice that means "nothing chosen yet": 请选择 · Please choose."""
    return EMPTY_CHOICE


def localise_form(form):
    """Give `form` the active language's label suffix and empty choices instead of "---------"."""
    form.label_suffix = label_suffix()
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is not None:
                field.empty_label = empty_choice()
        elif isinstance(field, forms.ChoiceField):
            field.choices = [
                ("", empty_choice())
                if value == "" and str(label) in DJANGO_EMPTY_LABELS
                else (value, label)
                for value, label in field.choices
            ]
    return form
