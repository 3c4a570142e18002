from django.shortcuts import render
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from localisation import formats
from projects.views.common import bounded_query

from . import finder, selectors
from .comparison import park_sections, site_sections
from .forms import FinderForm
from .shortlist import MAX_ITEMS, requested, url_query, without_item

# What can be compared: ?parks= or ?sites=, the records looked up by slug, their rows.
KINDS = {
    "parks": (selectors.compared_parks, park_sections),
    "sites": (selectors.compared_sites, site_sections),
}


def _kind(request, notices):
    """parks or sites, as the query names; parks when it names neither or both."""
    asked = [kind for kind in KINDS if kind in request.GET]
    if len(asked) > 1:
        notices.append(_("Parks and sites are compared separately: showing the parks."))
    return asked[0] if asked else "parks"


def _notice(message, slugs):
    """The message with each slug as code: slugs are not words of the page's language."""
    codes = [format_html('<code lang="en">{}</code>', slug) for slug in slugs]
    return mark_safe(escape(message) % {"slugs": formats.join(codes)})


def _shortlist(kind, values, notices):
    """The published records asked for, in order, at most MAX_ITEMS; notices for the rest."""
    asked = requested(values)
    found = KINDS[kind][0](asked.slugs)
    missing = [slug for slug in asked.slugs if slug not in found] + asked.malformed
    records = [found[slug] for slug in asked.slugs if slug in found]
    if missing:
        notices.append(_notice(_("Not found or not published, left out: %(slugs)s"), missing))
    if asked.duplicates:
        notices.append(_notice(_("Listed more than once, shown once: %(slugs)s"), asked.duplicates))
    if len(records) > MAX_ITEMS:
        extra = [record.slug for record in records[MAX_ITEMS:]]
        notices.append(_notice(_("At most four can be compared, left out: %(slugs)s"), extra))
    return records[:MAX_ITEMS]


@bounded_query
def compare(request):
    notices = []
    kind = _kind(request, notices)
    records = _shortlist(kind, request.GET.getlist(kind), notices)
    slugs = [record.slug for record in records]
    columns = [
        {"record": record, "remove": url_query(kind, without_item(slugs, record.slug))}
        for record in records
    ]
    context = {
        "kind": kind,
        "columns": columns,
        "sections": KINDS[kind][1](records) if records else [],
        "notices": notices,
        "shortlist": ",".join(slugs),
        "is_full": len(records) >= MAX_ITEMS,
    }
    return render(request, "decide/compare.html", context)


@bounded_query
def incentive_finder(request):
    sectors, districts = list(selectors.sectors()), list(selectors.districts())
    form = FinderForm(request.GET, sectors, list(selectors.parks()), districts)
    project = form.project()
    result = finder.assess(selectors.in_force_policies(), project)
    context = {"form": form, "result": result, "answered": form.is_answered()}
    return render(request, "decide/finder.html", context)
