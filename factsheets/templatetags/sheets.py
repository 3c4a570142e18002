from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from localisation import languages

register = template.Library()


@register.filter
def on_site(path):
    """The absolute address of a path of the portal: a PDF has no page to be relative to."""
    return f"{settings.SITE_URL}{path}"


@register.simple_tag
def sheet_url(kind, slug, variant=""):
    """The address of a record's fact sheet, in the active language's URLs."""
    url = reverse(f"factsheets:{kind}", kwargs={"slug": slug})
    return f"{url}?lang={variant}" if variant else url


@register.simple_tag
def sheet_links(kind, slug):
    """The sheet in every language, then in the page's language alone: (url, label) pairs."""
    current = languages.language()
    names = [str(row.name) for row in languages.table()]
    return [
        (sheet_url(kind, slug), " + ".join(names)),
        (
            sheet_url(kind, slug, current.code),
            _("%(language)s only") % {"language": current.name},
        ),
    ]
