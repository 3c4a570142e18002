from django.db.models import prefetch_related_objects
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from projects import selectors, structured_data
from projects.forms import ParkFilterForm
from projects.maps import city_map
from stories.selectors import stories_for_park
from web import fragments

from .common import bounded_query, detail_record, paginate

PER_PAGE = 12


@bounded_query
def park_list(request):
    form = ParkFilterForm(request.GET, selectors.cached_sectors(), selectors.cached_districts())
    filters = form.filters()
    page = paginate(request, selectors.parks(**filters), PER_PAGE, ("park", filters))
    parks = list(page.object_list)
    # Cards found in the cache need neither their sectors nor their photos.
    prefetch_related_objects(fragments.prime("park-card", parks, 2, "sectors"), "sectors", "images")
    # The map shows the listed page, so its size never grows with the data.
    return render(
        request,
        "projects/park_list.html",
        {"form": form, "page": page, "map": city_map(parks)},
    )


def park_detail(request, slug):
    park = detail_record(selectors.park_detail(slug), "park-body")
    return render(
        request,
        "projects/park_detail.html",
        {
            "park": park,
            "record": park,
            "policies": selectors.policies_for_park(park)[: selectors.RELATED_SHOWN],
            "events": selectors.events_for_park(park)[: selectors.RELATED_SHOWN],
            "stories": SimpleLazyObject(lambda: stories_for_park(park)),
            "map": city_map([park]),
            # Called by the template only when the cached head misses.
            "structured_data": lambda: structured_data.park(park, request),
        },
    )
