from django.shortcuts import get_object_or_404, render

from projects import selectors, structured_data
from projects.maps import world_map
from web import fragments

from .common import bounded_query, paginate

PER_PAGE = 24


@bounded_query
def centre_list(request):
    centres = list(selectors.centres())
    fragments.prime("centre-card", centres)
    return render(
        request,
        "projects/centre_list.html",
        {"page": paginate(request, centres, PER_PAGE), "map": world_map(centres)},
    )


def centre_detail(request, slug):
    centre = get_object_or_404(selectors.centre_detail(slug))
    return render(
        request,
        "projects/centre_detail.html",
        {
            "centre": centre,
            "record": centre,
            "events": selectors.events_for_centre(centre)[: selectors.RELATED_SHOWN],
            "map": world_map([centre]),
            "structured_data": structured_data.centre(centre, request),
        },
    )
