from django.shortcuts import render

from projects import selectors


def home(request):
    return render(
        request,
        "projects/home.html",
        {
            "figures": selectors.city_figures(),
            "featured_parks": selectors.featured_parks(),
            "upcoming_events": selectors.upcoming_events(),
            "newest_policies": selectors.newest_policies(),
        },
    )
