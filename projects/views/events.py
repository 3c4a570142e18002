from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from projects import selectors, structured_data
from projects.forms import EventFilterForm
from projects.ics import event_calendar
from projects.park_field import SUGGESTIONS

from .common import bounded_query, paginate

PER_PAGE = 12


@bounded_query
def event_list(request):
    form = EventFilterForm(
        request.GET,
        selectors.sectors(),
        selectors.event_countries(),
        selectors.park_suggestions(SUGGESTIONS),
    )
    filters = form.filters()
    page = paginate(request, selectors.events(**filters), PER_PAGE)
    return render(
        request,
        "projects/event_list.html",
        {"form": form, "page": page, "showing_past": filters.get("when") == "past"},
    )


def event_detail(request, slug):
    event = get_object_or_404(selectors.event_detail(slug))
    return render(
        request,
        "projects/event_detail.html",
        {"event": event, "record": event, "structured_data": structured_data.event(event, request)},
    )


def event_ics(request, slug):
    event = get_object_or_404(selectors.events_by_slug(slug))
    url = request.build_absolute_uri(event.get_absolute_url())
    response = HttpResponse(
        event_calendar(event, url, request.get_host()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
