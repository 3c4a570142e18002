"""Queries of the siting pages: published sites, nodes and indicators, each in one query."""

from django.db.models import F, Prefetch

from images.models import Image

from .distances import distance_expression
from .models import AvailableSite, DriveTime, Indicator, LogisticsNode

SORTS = {
    "area": [F("area_m2").asc(), "slug"],
    "-area": [F("area_m2").desc(), "slug"],
    "price": [F("price").asc(nulls_last=True), "slug"],
    "available": [F("available_from").asc(nulls_first=True), "slug"],
}


def nodes():
    return list(LogisticsNode.objects.exclude(latitude=None).exclude(longitude=None))


def listed_sites():
    """Published sites still on the market (let sites keep their page but leave the list)."""
    return (
        AvailableSite.objects.published()
        .exclude(availability=AvailableSite.Availability.LET)
        .select_related("park", "district")
    )


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
        "sectors__slug": sector,
        "area_m2__gte": area_min,
        "area_m2__lte": area_max,
        "power_kva__gte": power_min,
        "available_from__lte": available_by,
    }
    found = found.filter(**{k: v for k, v in lookups.items() if v not in (None, "")})
    if node is not None:
        found = found.annotate(distance_km=distance_expression(node.latitude, node.longitude))
        if within_km is not None:
            found = found.filter(distance_km__lte=float(within_km))
    if sector:
        found = found.distinct()
    return found.order_by(*SORTS.get(sort, ["slug"]))


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


def sites_for_park(park):
    return list(listed_sites().filter(park=park).order_by("kind", "slug"))


def drive_times_for_park(park):
    return {time.node_id: time.minutes for time in DriveTime.objects.filter(park=park)}


def indicators():
    return list(Indicator.objects.select_related("sector", "district"))


def exchange_rate(found):
    """The newest yuan-per-dollar rate among `found` indicators, or None."""
    rates = [i for i in found if i.kind == Indicator.Kind.EXCHANGE_RATE]
    return max(rates, key=lambda rate: rate.as_of, default=None)
