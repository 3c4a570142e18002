"""Template helpers of the stories pages, through the localisation formats."""

from django import template
from django.utils.translation import ngettext

from localisation import formats

register = template.Library()


@register.filter
def working_days(days):
    """3个工作日 · 3 working days."""
    return ngettext("%(days)s working day", "%(days)s working days", days) % {
        "days": formats.number(days)
    }
