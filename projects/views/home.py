from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from projects import selectors, structured_data
from siting.selectors import minimum_wages
from siting.views import minimum_wage_chart
from stories import selectors as story_selectors
from stories.views import projects_chart


def home(request):
    # Lazy: each section is a cached fragment (home.html), read only when it misses.
    lazy = SimpleLazyObject
    return render(
        request,
        "projects/home.html",
        {
            "figures": lazy(selectors.city_figures),
            "featured_parks": selectors.featured_parks(),
            "upcoming_events": selectors.upcoming_events(),
            "newest_policies": selectors.newest_policies(),
            "stories": lazy(story_selectors.featured_stories),
            "news": lazy(story_selectors.latest_news),
            "projects_chart": lazy(projects_chart),
            "trend_chart": lazy(lambda: minimum_wage_chart(minimum_wages())),
            "structured_data": structured_data.organisation(request),
        },
    )
