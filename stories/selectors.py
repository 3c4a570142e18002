"""Queries of the stories pages: only published records, each page a fixed number of queries."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from localisation.collation import sorted_by_name
from projects.models import Event, OverseasCentre, Park, Policy, Sector
from projects.selectors import with_images
from siting.selectors import sites_for_sector

from .models import BilateralFigure, CountryProfile, GuideStep, NewsItem, SectorFigure, Story


def _given(queryset, **lookups):
    return queryset.filter(**{lookup: value for lookup, value in lookups.items() if value})


def _in_countries(code):
    """Records whose `countries` list holds `code` (stored as "DE,AT": codes never overlap)."""
    return Q(countries__contains=code.upper())


def stories(country="", sector="", park=""):
    found = Story.objects.published().select_related("sector", "park")
    return _given(found, country=country, sector__slug=sector, park__slug=park)


def story_detail(slug):
    return with_images(Story.objects.published().select_related("sector", "park").filter(slug=slug))


def stories_for_park(park, limit=6):
    return list(Story.objects.published().filter(park=park).select_related("sector")[:limit])


def featured_stories(limit=3):
    return list(Story.objects.published().select_related("sector", "park")[:limit])


def story_filter_choices(parks_shown=30):
    """The countries and sectors that published stories name, and at most `parks_shown`
    of their parks to suggest (three queries, none reading every story)."""
    found = Story.objects.published().order_by()
    countries = list(found.values_list("country", flat=True).distinct().order_by("country"))
    sectors = list(Sector.objects.filter(pk__in=found.values("sector_id")))
    parks = Park.objects.published().filter(pk__in=found.values("park_id"))
    names = [build_localized_fieldname("name", code) for code, _name in settings.LANGUAGES]
    parks = sorted_by_name(parks.order_by("slug").only("slug", *names)[:parks_shown])
    return countries, sectors, parks


def news(year=None):
    found = NewsItem.objects.published()
    return found.filter(date__year=year) if year else found


def news_years():
    dates = NewsItem.objects.published().dates("date", "year", order="DESC")
    return [day.year for day in dates]


def news_detail(slug):
    return (
        NewsItem.objects.published()
        .prefetch_related("sectors", "parks", "policies", "events")
        .filter(slug=slug)
    )


def latest_news(limit=3):
    return list(NewsItem.objects.published()[:limit])


# The parks a sector or country page shows at most; the park list has them all.
PARKS_SHOWN = 12


def _parks(*conditions, **lookups):
    """Published parks for cards, with their district and photos (two queries)."""
    found = Park.objects.published().filter(*conditions, **lookups).select_related("district")
    return list(with_images(found)[:PARKS_SHOWN])


def sector_detail(slug):
    return Sector.objects.filter(slug=slug).prefetch_related("figures")


def sector_page(sector):
    """Everything the sector page lists, one query each."""
    return {
        "parks": _parks(sectors=sector),
        "sites": sites_for_sector(sector),
        "policies": list(Policy.objects.published().in_force().filter(sectors=sector)[:12]),
        "stories": list(stories(sector=sector.slug)[:12]),
        "events": list(Event.objects.published().upcoming().filter(sectors=sector)[:6]),
        "news": list(NewsItem.objects.published().filter(sectors=sector)[:6]),
    }


def served_countries(centres):
    """Country codes the given centres serve, and for each the centres that serve it."""
    serving = {}
    for centre in centres:
        for country in [centre.country, *centre.countries_served]:
            serving.setdefault(country.code, [])
            if centre not in serving[country.code]:
                serving[country.code].append(centre)
    return serving


def centres():
    return list(OverseasCentre.objects.published())


def country_page(code):
    """Everything the country page lists, one query each."""
    return {
        "profile": CountryProfile.objects.filter(country=code).first(),
        "figures": list(BilateralFigure.objects.filter(country=code)),
        "parks": _parks(_in_countries(code)),
        "policies": list(Policy.objects.published().filter(_in_countries(code))[:12]),
        "events": list(Event.objects.published().filter(country=code).order_by("-starts_at")[:6]),
        "stories": list(stories(country=code)[:12]),
        "news": list(NewsItem.objects.published().filter(_in_countries(code))[:6]),
    }


def projects_by_country():
    """The count of investment projects per partner country, largest first."""
    found = BilateralFigure.objects.filter(compare_projects=True)
    return sorted(found, key=lambda figure: -figure.value)


def guide_steps():
    return list(GuideStep.objects.published())


def guide_step(slug):
    return GuideStep.objects.published().filter(slug=slug)


def sector_figures(sector):
    return list(SectorFigure.objects.filter(sector=sector))


def new_since(*, topic, key, since):
    """Records published since `since` that match a subscription, by kind."""
    window = Q(created_at__gt=since) & Q(publish_at__isnull=True) | Q(
        publish_at__gt=since, publish_at__lte=timezone.now()
    )
    matches = {
        "sector": {
            "news": Q(sectors__slug=key),
            "policies": Q(sectors__slug=key),
            "events": Q(sectors__slug=key),
            "stories": Q(sector__slug=key),
        },
        "park": {
            "news": Q(parks__slug=key),
            "policies": Q(parks__slug=key),
            "events": Q(park__slug=key),
            "stories": Q(park__slug=key),
        },
        "country": {
            "news": _in_countries(key),
            "policies": _in_countries(key),
            "events": Q(country=key.upper()),
            "stories": Q(country=key.upper()),
        },
    }[topic]
    models = {"news": NewsItem, "policies": Policy, "events": Event, "stories": Story}
    return {
        kind: list(models[kind].objects.published().filter(window, condition).distinct()[:20])
        for kind, condition in matches.items()
    }


def country_page_path(code):
    """`/<lang>/countries/<code>/` in the active language, or "" when no centre serves it."""
    from django.urls import reverse

    code = str(getattr(code, "code", code) or "").upper()
    if code not in served_countries(centres()):
        return ""
    return reverse("stories:country_detail", kwargs={"code": code.lower()})
