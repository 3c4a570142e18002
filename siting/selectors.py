"""Queries of the siting pages: published sites, nodes and indicators, each in one query."""

import math

from django.conf import settings
from django.db.models import F, Prefetch, Q
from modeltranslation.utils import build_localized_fieldname

from images.models import Image
from projects.models import Park

from . import pricing
from .distances import EARTH_RADIUS_KM, distance_expression
from .models import AvailableSite, DriveTime, Indicator, LogisticsNode

LANGUAGES = settings.LANGUAGES
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180

SORTS = {
    "area": [F("area_m2").asc(), "slug"],
    "-area": [F("area_m2").desc(), "slug"],
    "available": [F("available_from").asc(nulls_first=True), "slug"],
}

# Sorts by price compare one basis each (siting.pricing).
PRICE_SORTS = {"rent": pricing.RENT, "sale": pricing.SALE}


def nodes():
    return list(LogisticsNode.objects.exclude(latitude=None).exclude(longitude=None))


def cached_nodes():
    """The logistics nodes, kept until a write to a table of no public type (the nodes')."""
    from web.fragments import lookup

    return lookup("logistics-nodes", nodes)


def _columns(*names):
    """Each field with its language columns: what `defer` must name for a translated field."""
    return [*names, *(build_localized_fieldname(n, code) for n in names for code, _l in LANGUAGES)]


# Long texts a card never shows: left out, so sorting thousands of rows stays light.
NOT_ON_CARDS = [
    *_columns("body", "summary", "address", "contact_name"),
    *(f"park__{column}" for column in _columns("body", "summary", "address", "contact_name")),
]


def published_sites():
    return AvailableSite.objects.published().exclude(availability=AvailableSite.Availability.LET)


def listed_sites():
    """Published sites still on the market, for cards (let sites keep their page only)."""
    return published_sites().select_related("park", "district").defer(*NOT_ON_CARDS)


def sites(
    kind="",
    park="",
    district="",
    sector="",
    area_min=None,
    area_max=None,
    power_min=None,
    available_by=None,
    node=None,
    within_km=None,
    sort="",
):
    """Listed sites matching every filter given; `node` a LogisticsNode."""
    found = listed_sites()
    lookups = {
        "kind": kind,
        "park__slug": park,
        "district__slug": district,
        "area_m2__gte": area_min,
        "area_m2__lte": area_max,
        "power_kva__gte": power_min,
        "available_from__lte": available_by,
    }
    found = found.filter(**{k: v for k, v in lookups.items() if v not in (None, "")})
    if node is not None:
        found = found.annotate(distance_km=distance_expression(node.latitude, node.longitude))
        if within_km is not None:
            # A box around the node first (plain comparisons), then the exact distance.
            found = found.filter(**bounding_box(node, within_km))
            found = found.filter(distance_km__lte=float(within_km))
    if sector:
        found = found.filter(for_sector(sector))
    if sort in PRICE_SORTS:
        return pricing.sorted_by(found, PRICE_SORTS[sort])
    return found.order_by(*SORTS.get(sort, ["slug"]))


def for_sector(slug):
    """Sites marked for the sector, or in a park that hosts it: two subqueries rather
    than joins, so that no row comes twice and the list needs no DISTINCT."""
    marked = AvailableSite.sectors.through.objects.filter(sector__slug=slug)
    hosting = Park.sectors.through.objects.filter(sector__slug=slug)
    return Q(pk__in=marked.values("availablesite_id")) | Q(park__in=hosting.values("park_id"))


def sites_for_sector(sector, limit=6):
    """A few listed sites for a sector's page, the largest first (one query)."""
    return list(sites(sector=sector.slug, sort="-area")[:limit])


def bounding_box(node, km):
    """Latitude and longitude bounds that hold every point within `km` of the node."""
    lat, lng = float(node.latitude), float(node.longitude)
    dlat = float(km) / KM_PER_DEGREE
    dlng = float(km) / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
    return {
        "latitude__gte": lat - dlat,
        "latitude__lte": lat + dlat,
        "longitude__gte": lng - dlng,
        "longitude__lte": lng + dlng,
    }


def site_detail(slug):
    return (
        AvailableSite.objects.published()
        .select_related("park", "district")
        .prefetch_related(
            "sectors",
            Prefetch("images", queryset=Image.objects.all()),
            Prefetch("drive_times", queryset=DriveTime.objects.all()),
        )
        .filter(slug=slug)
    )


def sites_for_park(park, limit=None):
    return list(listed_sites().filter(park=park).order_by("kind", "slug")[:limit])


def drive_times_for_park(park):
    return {time.node_id: time.minutes for time in DriveTime.objects.filter(park=park)}


def indicators():
    return list(Indicator.objects.select_related("sector", "district"))


def cached_indicators():
    """The cost figures, kept until a write to a table of no public type (the figures')."""
    from web.fragments import lookup

    return lookup("cost-indicators", indicators)


def minimum_wages():
    """The minimum wage figures, oldest first: the time series of the home page."""
    return list(Indicator.objects.filter(kind=Indicator.Kind.MINIMUM_WAGE).order_by("as_of"))


def exchange_rate(found):
    """The newest yuan-per-dollar rate among `found` indicators, or None."""
    rates = [i for i in found if i.kind == Indicator.Kind.EXCHANGE_RATE]
    return max(rates, key=lambda rate: rate.as_of, default=None)
