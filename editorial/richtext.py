"""The admin's rich-text editor (django-prose-editor's ProseMirror bundle) and form field."""

from django import forms
from django.utils.text import normalize_newlines

from projects.richtext import ALLOWED_TAGS, clean_html

EDITOR_CSS = (
    "django_prose_editor/material-icons.css",
    "django_prose_editor/editor.css",
    "django_prose_editor/overrides.css",
)


class RichTextWidget(forms.Textarea):
    """A textarea that static/editorial/rich-text.js turns into the editor.

    The package's own widget needs an inline import map, which the strict CSP refuses;
    our module imports the bundle by its static path instead. The editor offers only
    the tags the cleaner keeps.
    """

    def __init__(self, attrs=None):
        attrs = {"data-rich-text": " ".join(sorted(ALLOWED_TAGS)), **(attrs or {})}
        super().__init__(attrs)

    @property
    def media(self):
        return forms.Media(
            css={"all": EDITOR_CSS},
            js=[forms.Script("editorial/rich-text.js", type="module")],
        )

    def use_required_attribute(self, initial):
        # The textarea is hidden behind the editor: the browser could not point at it.
        return False


def normalised(value):
    """The HTML as it would be stored, so line endings or spacing never count as a change."""
    return clean_html(normalize_newlines(value or ""))


class RichTextField(forms.CharField):
    widget = RichTextWidget

    def has_changed(self, initial, data):
        return normalised(initial) != normalised(data)

    def clean(self, value):
        return normalised(super().clean(value))
