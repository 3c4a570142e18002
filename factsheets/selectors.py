"""What each fact sheet shows, read with the selectors of the record's own page."""

from django.utils.translation import gettext_lazy as _

from enquiries.models import Enquiry
from enquiries.routing import choose_desk
from projects import selectors as content
from projects.content_types import public_type
from projects.maps import city_map
from siting import selectors as siting
from siting.distances import distances_to

from .models import Sheet


def desk_for_park(park):
    """The desk the routing rules pick for an enquiry about `park` (None: no desk yet)."""
    if park is None:
        return choose_desk(Enquiry())
    return choose_desk(Enquiry(park=park))


def distances(place, minutes, nodes=None):
    """(node, km, drive minutes or None) for each logistics node, nearest first."""
    nodes = siting.nodes() if nodes is None else nodes
    return [(node, km, minutes.get(node.pk)) for node, km in distances_to(place, nodes)]


# A sheet lists this many of a park's sites; the rest are a link away.
SITES_SHOWN = 12


def park_sheet(slug):
    """The context of a park's sheet, or None when no published park has this slug."""
    park = content.park_detail(slug).first()
    if park is None:
        return None
    sites = siting.sites_for_park(park)
    return {
        "park": park,
        "record": park,
        "policies": list(content.policies_for_park(park)),
        "sites": sites[:SITES_SHOWN],
        "more_sites": max(len(sites) - SITES_SHOWN, 0),
        "distances": distances(park, siting.drive_times_for_park(park)),
        "desk": desk_for_park(park),
        "map": city_map([park]),
    }


def site_sheet(slug):
    """The context of a site's sheet, or None when no published site has this slug."""
    site = siting.site_detail(slug).first()
    if site is None:
        return None
    nodes = siting.nodes()
    minutes = {time.node_id: time.minutes for time in site.drive_times.all()}
    return {
        "site": site,
        "record": site,
        "distances": distances(site, minutes, nodes),
        "desk": desk_for_park(site.park),
        "map": city_map([site], "site", nodes, _("Simplified map of Qingdao")),
    }


def stored_sheet(kind, record_id, variant):
    return Sheet.objects.filter(kind=kind, record_id=record_id, variant=variant).first()


def published_record(kind, slug):
    """The published record of `kind` with this slug (what its sheet's address names)."""
    found = public_type(kind).published().filter(slug=slug)
    return found.only("pk", "slug").first()
