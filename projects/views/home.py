from django.shortcuts import render

from projects import selectors, structured_data


def home(request):
    return render(
        request,
        "projects/home.html",
        {
            "figures": selectors.city_figures(),
            "featured_parks": selectors.featured_parks(),
            "upcoming_events": selectors.upcoming_events(),
            "newest_policies": selectors.newest_policies(),
            "structured_data": structured_data.organisation(request),
        },
    )
