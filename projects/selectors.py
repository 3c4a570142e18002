"""Queries the public pages run: only published records, with what each page shows."""

from django.conf import settings
from django.db.models import F, Prefetch, Q
from modeltranslation.utils import build_localized_fieldname

from images.models import Image
from localisation.collation import sort_key, sorted_by_name
from projects.models import CityFigure, District, Event, OverseasCentre, Park, Policy, Sector

# How many related records a detail page lists (a park's policies, events...): the page
# links to the filtered list for the rest, so it stays small at any number of records.
RELATED_SHOWN = 6


def with_images(queryset):
    """Prefetch photos in one query (ordered by position: the first is the hero)."""
    return queryset.prefetch_related(Prefetch("images", queryset=Image.objects.all()))


def sectors():
    return list(Sector.objects.all())


def districts():
    return list(District.objects.all())


def cached_sectors():
    """The sectors, kept in the cache until a content write names none of the public types."""
    from web.fragments import lookup

    return lookup("sectors", sectors)


def cached_districts():
    from web.fragments import lookup

    return lookup("districts", districts)


def city_figures():
    return list(CityFigure.objects.all())


def featured_parks(limit=6):
    parks = Park.objects.published().filter(is_featured=True).select_related("district")
    return with_images(parks)[:limit]


def _given(queryset, **lookups):
    """Filter by each lookup that has a value; empty filters are left out."""
    return queryset.filter(**{lookup: value for lookup, value in lookups.items() if value})


def parks(sector="", district="", kind=""):
    """Published parks matching every filter given."""
    found = Park.objects.published().select_related("district")
    return _given(found, sectors__slug=sector, district__slug=district, kind=kind)


def park_detail(slug):
    return with_images(
        Park.objects.published()
        .select_related("district")
        .prefetch_related("figures", "sectors")
        .filter(slug=slug)
    )


def park_choices():
    names = [build_localized_fieldname("name", code) for code, _name in settings.LANGUAGES]
    return list(Park.objects.published().only("slug", *names))


def park_suggestions(limit, with_policies=False):
    """At most `limit` parks to suggest by name, featured and larger ones first, in the
    reader's order; `with_policies`: only parks a published policy names."""
    names = [build_localized_fieldname("name", code) for code, _name in settings.LANGUAGES]
    found = Park.objects.published()
    if with_policies:
        # An IN list read once: a correlated EXISTS per park reads the policies each time.
        named = Policy.parks.through.objects.filter(policy__in=Policy.objects.published())
        found = found.filter(pk__in=named.values("park_id"))
    found = found.order_by("-is_featured", F("area_km2").desc(nulls_last=True), "slug")
    return sorted_by_name(found.only("slug", *names)[:limit])


def park_named(text):
    """The published park whose name (in any language, case ignored), slug or number
    is `text`; None when there is none."""
    text = text.strip()
    match = Q(slug=text.lower())
    for code, _name in settings.LANGUAGES:
        match |= Q(**{f"{build_localized_fieldname('name', code)}__iexact": text})
    if text.isdigit() and len(text) < 10:
        match |= Q(pk=int(text))
    return Park.objects.published().filter(match).order_by("pk").first()


def policies(category="", sector="", park="", status=""):
    found = Policy.objects.published()
    if status == "in_force":
        found = found.in_force()
    elif status == "expired":
        found = found.not_in_force()
    if sector:
        # Policies for every sector (none listed) apply to this one too.
        found = found.filter(Q(sectors__slug=sector) | Q(sectors=None)).distinct()
    return _given(found, category=category, parks__slug=park)


def policies_for_park(park):
    """Policies that name this park, in force first."""
    return park.policies.published().order_by("-effective_date", "slug")


def newest_policies(limit=4):
    return Policy.objects.published().in_force().order_by("-effective_date", "-created_at")[:limit]


def policy_detail(slug):
    return (
        Policy.objects.published()
        .prefetch_related(
            "sectors", Prefetch("parks", queryset=Park.objects.published()), "districts"
        )
        .filter(slug=slug)
    )


def events(when="upcoming", sector="", kind="", country="", park=""):
    found = Event.objects.published()
    found = found.past() if when == "past" else found.upcoming()
    return _given(found, sectors__slug=sector, kind=kind, country=country, park__slug=park)


def upcoming_events(limit=3):
    return Event.objects.published().upcoming()[:limit]


def event_countries():
    """Country codes that published events take place in."""
    # order_by("country"): the default ordering would add starts_at to the DISTINCT
    # and read one row per event.
    codes = Event.objects.published().values_list("country", flat=True)
    return list(codes.order_by("country").distinct())


def event_detail(slug):
    return with_images(
        Event.objects.published()
        .select_related("park", "centre")
        .prefetch_related("sectors")
        .filter(slug=slug)
    )


def events_by_slug(slug):
    return Event.objects.published().filter(slug=slug)


def events_for_park(park):
    return park.events.published().upcoming()


def centres():
    """Published centres, business centres before trade offices, each group by country
    in the reader's order (pinyin in Chinese, alphabetical in English)."""
    found = OverseasCentre.objects.published()
    return sorted(found, key=lambda centre: (centre.kind, sort_key(centre.country.name)))


def centre_detail(slug):
    return with_images(OverseasCentre.objects.published().filter(slug=slug))


def events_for_centre(centre):
    return centre.events.published().upcoming()


def search(query, key=None):
    """Published records matching `query`, ranked, with counts by type (search.selectors)."""
    from search.selectors import search as ranked_search

    return ranked_search(query.strip(), key or None)
