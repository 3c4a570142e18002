"""Queries of the comparison and the finder: each reads all its rows at once."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from projects import selectors as content
from projects.models import District, Event, Park, Policy, Sector
from projects.park_field import SUGGESTIONS
from siting.models import AvailableSite, DriveTime
from siting.selectors import listed_sites
from web import fragments

from . import finder
from .matching import GROUPS, NEARLY, grouped_policies


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


def _with_criteria(policies):
    """The policies with what the finder matches on (four queries)."""
    return list(
        policies.prefetch_related(
            "sectors", Prefetch("parks", queryset=Park.objects.published()), "districts"
        ).order_by("category", "slug")
    )


def _linked(relation, **lookups):
    return relation.through.objects.filter(**lookups).values("policy_id")


def in_force_policies(sector=None):
    """Published policies in force today; for a sector, only its own and those for every one."""
    found = Policy.objects.published().in_force()
    if sector is not None:
        found = found.filter(
            Q(pk__in=_linked(Policy.sectors, sector=sector)) | ~Q(pk__in=_linked(Policy.sectors))
        )
    return _with_criteria(found)


def finder_result(project, limit=None):
    """What the finder shows for the project, matched in the database: the same groups as
    `finder.assess(in_force_policies(...), project)`, each cut to `limit` policies, with
    `counts` the groups' full sizes (five queries, whatever the number of policies)."""
    # Narrow rows through the windows, then the few policies shown in full: sorting
    # thousands of whole rows (texts in every language) costs more than the second query.
    groups = grouped_policies(project, limit).values_list("pk", "finder_group", "group_size")
    found = finder.Result(counts=dict.fromkeys(GROUPS, 0))
    group_of = {}
    for pk, group, size in groups:
        group_of[pk] = group
        found.counts[group] = size
    for policy in _with_criteria(Policy.objects.filter(pk__in=list(group_of))):
        if group_of[policy.pk] == NEARLY:
            found.nearly.append((policy, finder.unmet(policy, project)[0]))
        else:
            getattr(found, group_of[policy.pk]).append(policy)
    return found


def in_force_policies_at(park_ids, district_ids):
    """Policies in force naming one of these parks or districts, or naming no place."""
    named = Q(pk__in=_linked(Policy.parks, park_id__in=park_ids)) | Q(
        pk__in=_linked(Policy.districts, district_id__in=district_ids)
    )
    city_wide = ~Q(pk__in=_linked(Policy.parks)) & ~Q(pk__in=_linked(Policy.districts))
    return _with_criteria(Policy.objects.published().in_force().filter(named | city_wide))


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


def parks():
    return Park.objects.published().order_by("slug")


@dataclass
class FinderOptions:
    """What the finder's questions offer, named in the active language."""

    sectors: dict  # {slug: sector}
    districts: dict
    sector_names: list  # [(slug, name)]
    district_names: list
    park_names: list  # the parks suggested


def _finder_options():
    sectors, districts = list(Sector.objects.all()), list(District.objects.all())
    return FinderOptions(
        sectors={sector.slug: sector for sector in sectors},
        districts={district.slug: district for district in districts},
        sector_names=[(sector.slug, str(sector)) for sector in sectors],
        district_names=[(district.slug, str(district)) for district in districts],
        park_names=[str(park) for park in content.park_suggestions(SUGGESTIONS)],
    )


def finder_options():
    """Kept until a park changes, or every page does (a sector, a district)."""
    return fragments.lookup(
        "finder-options",
        _finder_options,
        depends=fragments.of_type("park"),
    )
