from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from localisation import formats
from projects.models import Park
from projects.views.common import bounded_query
from siting.models import AvailableSite

from . import finder, kept, selectors, sheets
from .comparison import park_sections, site_sections
from .forms import FinderForm
from .shortlist import MAX_ITEMS, requested, url_query, without_item

# Policies shown per list of the finder: the PDF lists them all.
FINDER_SHOWN = 30
# What can be compared: ?parks= or ?sites=, the model, the records by slug, their rows.
KINDS = {
    "parks": (Park, selectors.compared_parks, park_sections),
    "sites": (AvailableSite, selectors.compared_sites, site_sections),
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
    model, select, _sections = KINDS[kind]
    found = kept.records(model, asked.slugs, select)
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


def _comparison(request):
    notices = []
    kind = _kind(request, notices)
    return kind, _shortlist(kind, request.GET.getlist(kind), notices), notices


def _table(kind, records):
    """The table and its PDF links: what the records show, the same for every visitor."""
    slugs = [record.slug for record in records]
    columns = [
        {"record": record, "remove": url_query(kind, without_item(slugs, record.slug))}
        for record in records
    ]
    context = {
        "columns": columns,
        "sections": KINDS[kind][2](records),
        "query": url_query(kind, slugs),
    }
    return render_to_string("decide/compare_table.html", context)


@bounded_query
def compare(request):
    kind, records, notices = _comparison(request)
    slugs = [record.slug for record in records]
    context = {
        "kind": kind,
        "table": records and kept.comparison_table(kind, records, lambda: _table(kind, records)),
        "notices": notices,
        "shortlist": ",".join(slugs),
        "is_full": len(records) >= MAX_ITEMS,
    }
    return render(request, "decide/compare.html", context)


def _answers(request):
    """The questionnaire and the project it describes (one query more with a park typed)."""
    form = FinderForm(request.GET, selectors.finder_options())
    return form, form.project()


def _more_link(project):
    """The policies in force of the sector answered, for those the finder does not show.

    Not by park: the list's park filter would leave out the district's policies."""
    query = {"status": "in_force"}
    if project.sector is not None:
        query["sector"] = project.sector.slug
    return reverse("projects:policy_list") + "?" + urlencode(query)


@bounded_query
def incentive_finder(request):
    form, project = _answers(request)
    query = request.GET.copy()
    query.pop("lang", None)
    context = {
        "form": form,
        "results": kept.finder_result(project, lambda: _results(project)),
        # The answers as typed: the form shows them, so its fragment is kept by them.
        "query": query.urlencode(),
    }
    return render(request, "decide/finder.html", context)


def _results(project):
    """The finder's three lists: what the answers find, the same for every visitor."""
    context = {
        "result": selectors.finder_result(project, FINDER_SHOWN),
        "limit": FINDER_SHOWN,
        "more": _more_link(project),
    }
    return render_to_string("decide/finder_results.html", context)


def _languages(request):
    codes = sheets.variant_codes(request.GET.get("lang", ""))
    if codes is None:
        raise Http404(_("No PDF in this language."))
    return codes


def _pdf(data, filename):
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bounded_query
def compare_pdf(request):
    """The comparison as a PDF: ?lang=<code> for one language, else every language."""
    codes = _languages(request)
    kind, records, _notices = _comparison(request)
    if not records:
        raise Http404(_("Nothing to compare."))
    slugs = tuple(record.slug for record in records)
    page = reverse("decide:compare") + "?" + url_query(kind, slugs)

    def context():
        return {
            "kind": kind,
            "records": records,
            "sections": sheets.per_language(codes, lambda: KINDS[kind][2](records)),
            "sheet_url": settings.SITE_URL + page,
        }

    data = sheets.cached_pdf("compare", (kind, slugs), "decide/compare_sheet.html", context, codes)
    return _pdf(data, f"comparison-{'-'.join(slugs)}.pdf"[:120])


@bounded_query
def finder_pdf(request):
    """The finder's answer as an indicative pre-assessment PDF."""
    codes = _languages(request)
    _form, project = _answers(request)
    query = request.GET.copy()
    query.pop("lang", None)
    page = reverse("decide:finder") + (f"?{query.urlencode()}" if query else "")

    def context():
        return {
            # What the finder page shows: each group cut to FINDER_SHOWN, with its size.
            "results": sheets.per_language(
                codes, lambda: selectors.finder_result(project, FINDER_SHOWN)
            ),
            "limit": FINDER_SHOWN,
            "more": settings.SITE_URL + _more_link(project),
            "answers": sheets.per_language(codes, lambda: finder.describe(project)),
            "sheet_url": settings.SITE_URL + page,
        }

    parts = tuple(sorted(query.lists()))
    data = sheets.cached_pdf("finder", parts, "decide/finder_sheet.html", context, codes)
    return _pdf(data, "incentive-pre-assessment.pdf")
