from django.shortcuts import render

from projects import selectors, structured_data
from projects.maps import world_map
from projects.models import OverseasCentre
from web import fragments

from .common import bounded_query, detail_record, listed, paginate, related

PER_PAGE = 24


@bounded_query
def centre_list(request):
    def results():
        centres = list(selectors.centres())
        fragments.prime("centre-card", centres)
        return {"page": paginate(request, centres, PER_PAGE), "map": world_map(centres)}

    context = listed(request, results, ("page", "map"))
    return render(request, "projects/centre_list.html", context)


def centre_detail(request, slug):
    centre = detail_record(OverseasCentre, slug, selectors.centre_detail, "centre-body")
    return render(
        request,
        "projects/centre_detail.html",
        {
            "centre": centre,
            "record": centre,
            "events": related(selectors.events_for_centre, centre),
            "map": world_map([centre]),
            # Called by the template only when the cached head misses.
            "structured_data": lambda: structured_data.centre(centre, request),
        },
    )
