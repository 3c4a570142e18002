"""The siting pages: the site list and map, a site's page, the costs page with its estimate."""

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from localisation import formats
from projects import selectors as content
from projects.maps import city_map
from projects.park_field import SUGGESTIONS
from projects.views.common import bounded_query, detail_record, paginate
from web import charts, fragments, invalidation, page_groups

from . import formatting, selectors
from .distances import distances_to
from .estimate import estimate
from .formatting import indicator_value
from .forms import EstimateForm, SiteFilterForm
from .models import AvailableSite, Indicator

PER_PAGE = 20


@bounded_query
def site_list(request):
    nodes = cached_nodes()
    form = SiteFilterForm(
        request.GET,
        parks=fragments.lookup(
            "site-park-suggestions",
            lambda: content.park_suggestions(SUGGESTIONS),
            depends=[fragments.type_generation("park"), page_groups.OTHERS],
        ),
        districts=content.cached_districts(),
        sectors=content.cached_sectors(),
        nodes=nodes,
    )
    filters = form.filters()
    listed = selectors.sites(**filters)
    page = paginate(request, listed, PER_PAGE, ("site", counted_filters(filters)))
    found = list(page.object_list)
    node = filters.get("node")
    compared = selectors.PRICE_SORTS.get(filters.get("sort"))
    list_query = urlencode(list_filters(request))
    # Cards found in the cache need nothing more; the others their distance or price.
    missing = fragments.prime("site-card", found, 2, list_query, card_node(node), compared or "")
    selectors.annotate_as_listed(missing, listed)
    return render(
        request,
        "siting/site_list.html",
        {
            "form": form,
            "list_query": list_query,
            "page": page,
            "sites": found,
            "node": node,
            "compared": compared,
            "map": city_map(
                found,
                "site",
                nodes,
                _("Schematic map of Qingdao showing the sites listed and the logistics nodes"),
            ),
        },
    )


def cached_nodes():
    """The logistics nodes, kept until a write to a table of no public type (the nodes')."""
    return fragments.lookup("logistics-nodes", selectors.nodes)


def cached_indicators():
    return fragments.lookup("cost-indicators", selectors.indicators)


def card_node(node):
    """What a site card shows of the node the list measures from: its slug, or nothing."""
    return node.slug if node is not None else ""


def counted_filters(filters):
    """The filters as the list's cached count and page of keys know them: the node by
    its slug; with a sector, the parks' generation too, as a park's sectors decide
    which sites the sector takes (a park's edit leaves the sites' own generation)."""
    found = {**filters}
    if "node" in found:
        found["node"] = card_node(found["node"])
    if "sector" in found:
        found["parks"] = invalidation.generations([fragments.type_generation("park")])
    return found


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
    form = EstimateForm(request.GET)
    asked = form.is_asked()
    result = estimate(form.values(), indicators(), site) if asked else None
    keep = list_filters(request)
    return {
        "estimate_form": form,
        "estimate": result,
        "estimate_key": None if asked else urlencode(keep),
        "keep": keep,
        "list_query": urlencode(keep),
    }


@bounded_query
def site_detail(request, slug):
    site = detail_record(AvailableSite, slug, selectors.site_detail, "site-body")
    rate = SimpleLazyObject(lambda: selectors.exchange_rate(cached_indicators()))
    return render(
        request,
        "siting/site_detail.html",
        {
            "site": site,
            "record": site,
            # Built only when the cached body misses.
            "distances": SimpleLazyObject(lambda: site_distances(site)),
            "rate": rate,
            "map": SimpleLazyObject(
                lambda: city_map(
                    [site],
                    "site",
                    cached_nodes(),
                    _("Schematic map of Qingdao showing the site and the logistics nodes"),
                )
            ),
            **_estimate_context(request, cached_indicators, site),
        },
    )


def site_distances(site):
    """(node, km, typical drive minutes or None) for each node, nearest first."""
    minutes = {time.node_id: time.minutes for time in site.drive_times.all()}
    return [(node, km, minutes.get(node.pk)) for node, km in distances_to(site, cached_nodes())]


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
            "costs": SimpleLazyObject(lambda: cost_tables(cached_indicators())),
            "rate": SimpleLazyObject(lambda: selectors.exchange_rate(cached_indicators())),
            **_estimate_context(request, cached_indicators),
        },
    )
