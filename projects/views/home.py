from django.shortcuts import render

from projects import selectors, structured_data
from siting.selectors import minimum_wages
from siting.views import minimum_wage_chart
from stories import selectors as story_selectors
from stories.views import projects_chart


def home(request):
    return render(
        request,
        "projects/home.html",
        {
            "figures": selectors.city_figures(),
            "featured_parks": selectors.featured_parks(),
            "upcoming_events": selectors.upcoming_events(),
            "newest_policies": selectors.newest_policies(),
            "stories": story_selectors.featured_stories(),
            "news": story_selectors.latest_news(),
            "projects_chart": projects_chart(),
            "trend_chart": minimum_wage_chart(minimum_wages()),
            "structured_data": structured_data.organisation(request),
        },
    )
