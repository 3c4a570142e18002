"""Queries of the comparison and the finder: each reads all its rows at once."""

from collections import defaultdict

from django.db.models import Prefetch

from projects.models import District, Event, Park, Policy, Sector
from siting.models import AvailableSite, DriveTime
from siting.selectors import listed_sites


def compared_parks(slugs):
    found = (
        Park.objects.published()
        .select_related("district")
        .prefetch_related("sectors", "figures")
        .filter(slug__in=slugs)
    )
    return {park.slug: park for park in found}


def compared_sites(slugs):
    found = (
        AvailableSite.objects.published()
        .select_related("park", "district")
        .prefetch_related("sectors", Prefetch("drive_times", queryset=DriveTime.objects.all()))
        .filter(slug__in=slugs)
    )
    return {site.slug: site for site in found}


def in_force_policies():
    """Published policies in force today, with what the finder matches on (four queries)."""
    return list(
        Policy.objects.published()
        .in_force()
        .prefetch_related(
            "sectors", Prefetch("parks", queryset=Park.objects.published()), "districts"
        )
        .order_by("category", "slug")
    )


def park_drive_times(park_ids):
    """{(park id, node id): minutes}."""
    found = DriveTime.objects.filter(park_id__in=park_ids)
    return {(time.park_id, time.node_id): time.minutes for time in found}


def sites_by_park(park_ids):
    grouped = defaultdict(list)
    for site in listed_sites().filter(park_id__in=park_ids).order_by("kind", "slug"):
        grouped[site.park_id].append(site)
    return grouped


def upcoming_events_by_park(park_ids):
    grouped = defaultdict(list)
    for event in Event.objects.published().upcoming().filter(park_id__in=park_ids):
        grouped[event.park_id].append(event)
    return grouped


def sectors():
    return Sector.objects.all()


def districts():
    return District.objects.all()


def parks():
    return Park.objects.published().order_by("slug")
