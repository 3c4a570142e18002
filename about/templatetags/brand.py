"""The wordmark: the portal's name in the page's language, with its twin beneath."""

from django import template
from django.conf import settings
from django.utils import translation

register = template.Library()


@register.simple_tag
def brand_twin():
    """(name, html lang) of the name in the other of the two main languages of the table."""
    current = translation.get_language()
    first, second = settings.LANGUAGE_TABLE[:2]
    other = second if current == first.code else first
    with translation.override(other.code):
        return {"name": translation.gettext("Invest Qingdao"), "lang": other.html_lang}
