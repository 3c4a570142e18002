"""Queries the public pages run: only published records, with what each page shows."""

from django.db.models import Prefetch, Q
from modeltranslation.utils import build_localized_fieldname

from images.models import Image
from localisation.collation import sort_key
from projects.models import CityFigure, District, Event, OverseasCentre, Park, Policy, Sector
from stories.models import NewsItem, Story

# How many matches of each content type a search shows at most.
SEARCH_LIMIT_PER_TYPE = 100


def with_images(queryset):
    """Prefetch photos in one query (ordered by position: the first is the hero)."""
    return queryset.prefetch_related(Prefetch("images", queryset=Image.objects.all()))


def sectors():
    return list(Sector.objects.all())


def districts():
    return list(District.objects.all())


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
    return list(Park.objects.published().only("slug", "name_en", "name_zh_hans"))


def policies(category="", sector="", park="", status=""):
    found = Policy.objects.published()
    if status == "in_force":
        found = found.in_force()
    elif status == "expired":
        found = found.not_in_force()
    return _given(found, category=category, sectors__slug=sector, parks__slug=park)


def policies_for_park(park):
    """Policies that name this park, in force first."""
    return park.policies.published().order_by("-effective_date", "slug")


def newest_policies(limit=4):
    return Policy.objects.published().order_by("-effective_date", "-created_at")[:limit]


def policy_detail(slug):
    return (
        Policy.objects.published()
        .prefetch_related("sectors", Prefetch("parks", queryset=Park.objects.published()))
        .filter(slug=slug)
    )


def events(when="upcoming", sector="", kind="", country=""):
    found = Event.objects.published()
    found = found.past() if when == "past" else found.upcoming()
    return _given(found, sectors__slug=sector, kind=kind, country=country)


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


def _matching(queryset, fields, query, languages):
    condition = Q()
    for field in fields:
        for code in languages:
            condition |= Q(**{f"{build_localized_fieldname(field, code)}__icontains": query})
    return list(queryset.filter(condition)[:SEARCH_LIMIT_PER_TYPE])


def search(query, languages):
    """Published records of every type whose text contains `query` in the given languages."""
    query = query.strip()
    if not query:
        return []
    return [
        *_matching(Park.objects.published(), ("name", "summary", "body"), query, languages),
        *_matching(
            Policy.objects.published(),
            ("name", "summary", "eligibility", "benefits", "body", "authority"),
            query,
            languages,
        ),
        *_matching(
            Event.objects.published(),
            ("name", "summary", "body", "city", "venue"),
            query,
            languages,
        ),
        *_matching(
            OverseasCentre.objects.published(),
            ("name", "summary", "services", "city"),
            query,
            languages,
        ),
        *_matching(
            Story.objects.published(), ("name", "title", "summary", "body"), query, languages
        ),
        *_matching(NewsItem.objects.published(), ("name", "summary", "body"), query, languages),
    ]
