from django.db.models import prefetch_related_objects
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from projects import selectors, structured_data
from projects.forms import ParkFilterForm
from projects.maps import city_map
from projects.models import Park
from stories.selectors import stories_for_park
from web import fragments

from .common import bounded_query, detail_record, listed, paginate, related

PER_PAGE = 12


@bounded_query
def park_list(request):
    form = ParkFilterForm(request.GET, selectors.cached_sectors(), selectors.cached_districts())
    filters = form.filters()

    def results():
        page = paginate(request, selectors.parks(**filters), PER_PAGE, ("park", filters))
        parks = list(page.object_list)
        # Cards found in the cache need neither their sectors nor their photos.
        cold = fragments.prime("park-card", parks, 2, "sectors")
        prefetch_related_objects(cold, "sectors", "images")
        # The map shows the listed page, so its size never grows with the data.
        return {"page": page, "map": city_map(parks)}

    context = {"form": form, **listed(request, results, ("page", "map"))}
    return render(request, "projects/park_list.html", context)


def park_detail(request, slug):
    park = detail_record(Park, slug, selectors.park_detail, "park-body")
    return render(
        request,
        "projects/park_detail.html",
        {
            "park": park,
            "record": park,
            # Read only when the cached body misses.
            "policies": related(selectors.policies_for_park, park),
            "events": related(selectors.events_for_park, park),
            "stories": SimpleLazyObject(lambda: stories_for_park(park)),
            "map": city_map([park]),
            # Called by the template only when the cached head misses.
            "structured_data": lambda: structured_data.park(park, request),
        },
    )
