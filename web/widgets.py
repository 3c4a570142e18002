"""Form widgets that render long option lists without a template per option.

Django's `Select` renders every `<option>` through its own template: for the
enquiry form's 250 countries that is most of the page's time. A flat list of
choices needs no template; the markup is the same.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class FlatSelect(forms.Select):
    """A `<select>` of flat (value, label) choices, its options written directly."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option, " selected" if str(option) in chosen else "", label)
                for option, label in self.choices
            ),
        )
        final = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final), options)
