"""The siting pages: the site list and map, a site's page, the costs page with its estimate."""

import copy

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from localisation import formats
from projects.maps import city_map
from projects.views.common import bounded_query, detail_record
from web import charts, fragments

from . import formatting, listing, selectors
from .distances import distances_to
from .estimate import estimate
from .formatting import indicator_value
from .forms import EstimateForm, SiteFilterForm
from .models import AvailableSite, Indicator

PER_PAGE = 20


@bounded_query
def site_list(request):
    form = SimpleLazyObject(lambda: listing.filter_form(request))  # built on a miss only
    chosen = listing.chosen(request, form)
    filters = chosen["filters"]
    page = listing.listed_page(request, filters, PER_PAGE)
    node = filters.get("node")
    compared = selectors.PRICE_SORTS.get(filters.get("sort"))
    list_query = urlencode(list_filters(request))
    shown = [list_query, listing.card_node(node), compared or ""]

    def primed():
        # Only when the cards are rendered: copies (priming marks them), each card's own
        # fragment read in one go.
        found = [copy.copy(site) for site in page.object_list]
        fragments.prime("site-card", found, 2, *shown)
        return found

    return render(
        request,
        "siting/site_list.html",
        {
            "form": form,
            "form_key": listing.form_key(request, chosen["problems"]),
            "problems": chosen["problems"],
            "list_query": list_query,
            "page": page,
            "sites": SimpleLazyObject(primed),
            "cards_key": listing.cards_key(request, page.object_list, shown),
            "node": node,
            "compared": compared,
            "map": city_map(
                page.object_list,
                "site",
                selectors.cached_nodes(),
                _("Schematic map of Qingdao showing the sites listed and the logistics nodes"),
            ),
        },
    )


def list_filters(request):
    """The site list's filters in the address, carried from the list to a site and back."""
    return [
        (name, value)
        for name in SiteFilterForm.base_fields
        for value in request.GET.getlist(name)[:1]
        if value
    ]


def _estimate_context(request, indicators, site=None):
    """The estimate form and, once asked, its result; `indicators` a function giving
    them, called only then. `estimate_key`: the unasked form is the same for every
    visitor of the page, and kept (None: asked, rendered)."""
    asked = EstimateForm.asked(request.GET)
    form = SimpleLazyObject(lambda: EstimateForm(request.GET))  # unasked: built on a miss
    result = estimate(form.values(), indicators(), site) if asked else None
    keep = list_filters(request)
    list_query = urlencode(keep)
    return {
        "estimate_form": form,
        "estimate": result,
        "estimate_key": None if asked else list_query,
        "keep": keep,
        "list_query": list_query,
    }


@bounded_query
def site_detail(request, slug):
    site = detail_record(AvailableSite, slug, selectors.site_detail, "site-body")
    return render(
        request,
        "siting/site_detail.html",
        {
            "site": site,
            "record": site,
            # Built only when the cached body misses.
            "distances": SimpleLazyObject(lambda: site_distances(site)),
            "rate": lazy_rate(),
            "map": SimpleLazyObject(
                lambda: city_map(
                    [site],
                    "site",
                    selectors.cached_nodes(),
                    _("Schematic map of Qingdao showing the site and the logistics nodes"),
                )
            ),
            **_estimate_context(request, selectors.cached_indicators, site),
        },
    )


def lazy_rate():
    """The newest exchange rate, read only if a page's piece that shows it misses."""
    return SimpleLazyObject(lambda: selectors.exchange_rate(selectors.cached_indicators()))


def site_distances(site):
    """(node, km, typical drive minutes or None) for each node, nearest first."""
    minutes = {time.node_id: time.minutes for time in site.drive_times.all()}
    return [
        (node, km, minutes.get(node.pk))
        for node, km in distances_to(site, selectors.cached_nodes())
    ]


def _by_kind(indicators):
    groups = {}
    for indicator in indicators:
        groups.setdefault(indicator.kind, []).append(indicator)
    return groups


def _chart_data(indicators, label):
    """Each indicator as a figure of a chart, its date and source in the table beside it."""
    return [
        charts.Datum(
            label(i),
            i.value,
            indicator_value(i),
            f"{formats.date(i.as_of)} · {i.source_name}",
            i.source_url,
        )
        for i in indicators
    ]


# The tables of the costs page, in reading order: (title, kinds shown together).
SECTIONS = [
    (gettext_lazy("Wages"), ["wage", "minimum_wage"]),
    (gettext_lazy("Social insurance and housing fund"), ["social_insurance", "housing_fund"]),
    (gettext_lazy("Utility tariffs"), ["electricity", "water", "gas", "steam"]),
    (gettext_lazy("Rents and land prices"), ["office_rent", "factory_rent", "land_price"]),
    (gettext_lazy("Workforce and education"), ["working_age", "graduates", "universities"]),
    (gettext_lazy("Exchange rate"), ["exchange_rate"]),
]


def _charts(groups):
    """Wages by level (bars), factory rent by district (bars), minimum wage over time (line)."""
    wages = [
        i for i in groups.get(Indicator.Kind.WAGE, []) if not i.district_id and not i.sector_id
    ]
    rents = [i for i in groups.get(Indicator.Kind.FACTORY_RENT, []) if i.district_id]
    found = [
        (
            "wages",
            _bars(
                wages,
                lambda i: i.get_level_display(),
                _("Average monthly wage by occupation level"),
            ),
        ),
        ("rents", _bars(rents, lambda i: i.district.name, _("Factory rent by district"))),
        ("minimum", minimum_wage_chart(groups.get(Indicator.Kind.MINIMUM_WAGE, []))),
    ]
    return [(chart_id, chart) for chart_id, chart in found if chart]


def _bars(indicators, label, title):
    return charts.bars(
        _chart_data(indicators, label), title=title, note_heading=_("Date and source")
    )


def minimum_wage_chart(indicators):
    """The minimum monthly wage over the years: a time series of two figures or more."""
    data = _chart_data(indicators, lambda i: formats.year(i.year))
    if len(data) < 2:
        return None
    return charts.timeseries(
        list(zip([i.as_of for i in indicators], data, strict=True)),
        title=_("Minimum monthly wage over the years"),
        fmt=formatting.cny,
        value_heading=_("Minimum monthly wage"),
        note_heading=_("Date and source"),
    )


def cost_tables(indicators):
    """The costs page's tables (in SECTIONS' order) and charts."""
    groups = _by_kind(indicators)
    sections = [(title, [i for k in kinds for i in groups.get(k, [])]) for title, kinds in SECTIONS]
    return {
        "sections": [(title, rows) for title, rows in sections if rows],
        "charts": _charts(groups),
    }


@bounded_query
def costs(request):
    return render(
        request,
        "siting/costs.html",
        {
            # Built only when the cached tables miss (or an estimate is asked).
            "costs": SimpleLazyObject(lambda: cost_tables(selectors.cached_indicators())),
            "rate": lazy_rate(),
            **_estimate_context(request, selectors.cached_indicators),
        },
    )
