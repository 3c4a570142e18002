from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from projects import selectors, structured_data
from projects.forms import EventFilterForm
from projects.ics import event_calendar
from projects.models import Event
from projects.park_field import SUGGESTIONS
from web import fragments

from .common import bounded_query, detail_record, listed, paginate

PER_PAGE = 12


@bounded_query
def event_list(request):
    countries = fragments.lookup(
        "event-countries", selectors.event_countries, depends=[fragments.type_generation("event")]
    )
    parks = fragments.lookup(
        "event-park-suggestions",
        lambda: selectors.park_suggestions(SUGGESTIONS),
        depends=[fragments.type_generation("park")],
    )
    form = EventFilterForm(request.GET, selectors.cached_sectors(), countries, parks)
    filters = form.filters()

    def results():
        page = paginate(request, selectors.events(**filters), PER_PAGE, ("event", filters))
        fragments.prime("event-card", page.object_list, 2)
        return {"page": page}

    context = {"form": form, "showing_past": filters.get("when") == "past"}
    return render(request, "projects/event_list.html", {**context, **listed(request, results)})


def event_detail(request, slug):
    event = detail_record(Event, slug, selectors.event_detail, "event-body")
    return render(
        request,
        "projects/event_detail.html",
        {
            "event": event,
            "record": event,
            # Called by the template only when the cached head misses.
            "structured_data": lambda: structured_data.event(event, request),
        },
    )


def event_ics(request, slug):
    event = get_object_or_404(selectors.events_by_slug(slug))
    url = request.build_absolute_uri(event.get_absolute_url())
    response = HttpResponse(
        event_calendar(event, url, request.get_host()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
