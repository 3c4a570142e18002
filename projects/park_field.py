"""A park typed by name, with a few suggestions, instead of a list of every park.

A `<select>` of every park grows with the parks (hundreds of KB at thousands of
parks); a text box with a `<datalist>` of at most `SUGGESTIONS` names stays small,
works without JavaScript and is read by screen readers as an editable combo box.
The server finds the park from its name in any language, its slug or its number.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from projects import selectors
from projects.models import Park

UNKNOWN_IN_FILTER = _("We found no park of that name. Check the name, or leave the field empty.")
# How many park names a form suggests at most.
SUGGESTIONS = 30
MAX_LENGTH = 200


class SuggestingInput(forms.TextInput):
    """A text box followed by its `<datalist>` of suggestions."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "maxlength": MAX_LENGTH, **(attrs or {})})
        self.suggestions = []

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {})}
        list_id = f"{attrs.get('id') or self.attrs.get('id') or name}-suggestions"
        attrs["list"] = list_id
        html = super().render(name, value, attrs, renderer)
        options = format_html_join(
            "", "<option>{}</option>", ((text,) for text in self.suggestions)
        )
        return html + format_html('<datalist id="{}">{}</datalist>', list_id, options)


class ParkField(forms.CharField):
    """The published park the visitor typed (None when left empty)."""

    widget = SuggestingInput
    default_error_messages = {
        "unknown": _(
            "We found no park called “%(name)s”. Check the name, or leave the field empty."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_LENGTH)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def suggest(self, parks):
        self.widget.suggestions = [str(park) for park in parks]

    def prepare_value(self, value):
        return str(value) if isinstance(value, Park) else value

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        park = selectors.park_named(text)
        if park is None:
            raise ValidationError(self.error_messages["unknown"], "unknown", {"name": text})
        return park


class ParkFilter:
    """A filter form's `park`: a ParkField whose cleaned value is the park's slug.

    The box then shows the park's name rather than what was typed (a slug, a number).
    A list's notice does not repeat what was typed: the box above still shows it, and
    a link's stray text would otherwise read as part of the page's language."""

    # The notice for a name no park has; None keeps the field's own, which names it.
    unknown_park = UNKNOWN_IN_FILTER

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.unknown_park is not None:
            self.fields["park"].error_messages["unknown"] = self.unknown_park

    def clean_park(self):
        park = self.cleaned_data["park"]
        if park is None:
            return ""
        self.data = self.data.copy()
        self.data["park"] = str(park)
        return park.slug
