from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from localisation.languages import html_lang

register = template.Library()


@register.simple_tag
def lang_if_other(code):
    """` lang="…"` when a text is shown in another language than the page's."""
    return format_html(' lang="{}"', html_lang(code)) if code != get_language() else ""


@register.simple_tag(takes_context=True)
def type_query(context, key):
    """The current search narrowed to one content type (every type for ""), first page."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    query.pop("type", None)
    if key:
        query["type"] = key
    return "?" + query.urlencode()
