from django import template
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

from projects.richtext import clean_html

register = template.Library()


@register.filter
def richtext(value):
    """Render a body field: cleaned HTML, or paragraphs when it is plain text."""
    value = value or ""
    if "<" not in value:
        return mark_safe(linebreaks(value, autoescape=True))
    return mark_safe(clean_html(value))
