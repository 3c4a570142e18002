"""“Add to comparison” on park and site cards and pages: a plain link, no script needed.

The shortlist travels in the URL: a list page opened from the comparison carries
it as ?compare=a,b, and each card's link adds its record to it.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext

from localisation import languages
from projects.models import Park
from siting.models import AvailableSite

from .. import benefits
from ..shortlist import requested, url_query

register = template.Library()

KIND_OF = {Park: "parks", AvailableSite: "sites"}


@register.inclusion_tag("decide/add_to_comparison.html", takes_context=True)
def add_to_comparison(context, record):
    request = context.get("request")
    current = requested(request.GET.getlist("compare")).slugs if request else []
    in_list = record.slug in current
    slugs = current if in_list else [*current, record.slug]
    query = url_query(KIND_OF[type(record)], slugs)
    return {"url": f"{reverse('decide:compare')}?{query}", "in_list": in_list, "record": record}


@register.simple_tag
def list_url(kind, shortlist):
    """The park or site list, carrying the shortlist so its cards add to it."""
    name = "projects:park_list" if kind == "parks" else "siting:site_list"
    return f"{reverse(name)}?compare={shortlist}" if shortlist else reverse(name)


@register.simple_tag
def benefit_terms(policy):
    return benefits.terms(policy)


@register.simple_tag
def policy_conditions(policy):
    """The policy's conditions in one line: “at least 50 employees; Start-up”."""
    return gettext("; ").join(benefits.conditions(policy))


@register.filter
def in_language(by_language, code):
    """What a sheet printed for this language: {code: rows}[code]."""
    return by_language.get(code)


@register.simple_tag
def pdf_links(url_name, query):
    """The PDF in every language, then in the page's language alone: (url, label) pairs."""
    base = reverse(url_name) + (f"?{query}&" if query else "?")
    current = languages.language()
    return [
        (base + "lang=all", " + ".join(str(row.name) for row in languages.table())),
        (
            base + f"lang={current.code}",
            gettext("%(language)s only") % {"language": current.name},
        ),
    ]
