"""The siting pages: the site list and map, a site's page, the costs page with its estimate."""

from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from localisation import formats
from projects import selectors as content
from projects.maps import city_map
from projects.park_field import SUGGESTIONS
from projects.views.common import bounded_query, paginate
from web import charts

from . import formatting, selectors
from .distances import distances_to
from .estimate import estimate
from .formatting import indicator_value
from .forms import EstimateForm, SiteFilterForm
from .models import Indicator

PER_PAGE = 20


@bounded_query
def site_list(request):
    nodes = selectors.nodes()
    form = SiteFilterForm(
        request.GET,
        parks=content.park_suggestions(SUGGESTIONS),
        districts=content.districts(),
        sectors=content.sectors(),
        nodes=nodes,
    )
    filters = form.filters()
    page = paginate(request, selectors.sites(**filters), PER_PAGE)
    found = list(page.object_list)
    return render(
        request,
        "siting/site_list.html",
        {
            "form": form,
            "list_query": urlencode(list_filters(request)),
            "page": page,
            "sites": found,
            "node": filters.get("node"),
            "compared": selectors.PRICE_SORTS.get(filters.get("sort")),
            "map": city_map(
                found,
                "site",
                nodes,
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
    form = EstimateForm(request.GET)
    result = estimate(form.values(), indicators, site) if form.is_asked() else None
    keep = list_filters(request)
    return {
        "estimate_form": form,
        "estimate": result,
        "keep": keep,
        "list_query": urlencode(keep),
    }


@bounded_query
def site_detail(request, slug):
    site = get_object_or_404(selectors.site_detail(slug))
    nodes = selectors.nodes()
    indicators = selectors.indicators()
    minutes = {time.node_id: time.minutes for time in site.drive_times.all()}
    return render(
        request,
        "siting/site_detail.html",
        {
            "site": site,
            "record": site,
            "distances": [
                (node, km, minutes.get(node.pk)) for node, km in distances_to(site, nodes)
            ],
            "rate": selectors.exchange_rate(indicators),
            "map": city_map(
                [site],
                "site",
                nodes,
                _("Schematic map of Qingdao showing the site and the logistics nodes"),
            ),
            **_estimate_context(request, indicators, site),
        },
    )


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


@bounded_query
def costs(request):
    indicators = selectors.indicators()
    groups = _by_kind(indicators)
    sections = [(title, [i for k in kinds for i in groups.get(k, [])]) for title, kinds in SECTIONS]
    return render(
        request,
        "siting/costs.html",
        {
            "sections": [(title, rows) for title, rows in sections if rows],
            "charts": _charts(groups),
            "rate": selectors.exchange_rate(indicators),
            **_estimate_context(request, indicators),
        },
    )
