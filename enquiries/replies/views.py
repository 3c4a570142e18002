"""The investor's thread page, opened from the signed link in a reply email."""

import functools

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from ..bookings.forms import BookingForm
from ..bookings.selectors import (
    bookings_of,
    describe,
    openings,
    time_zone_options,
    upcoming_booking,
    zone_label,
    zone_or_default,
)
from . import links
from .forms import RatingForm
from .selectors import enquiry_for_token, replies_of
from .services import AlreadyRated, NothingToRate, rate_answer


def signed(view):
    """Open the enquiry the link is for, or answer a clear 4xx page for a bad link."""

    @functools.wraps(view)
    def wrapper(request, token, *args, **kwargs):
        try:
            enquiry = enquiry_for_token(token)
        except links.ExpiredLink:
            return render(request, "enquiries/thread_link.html", {"expired": True}, status=403)
        except links.BadLink:
            return render(request, "enquiries/thread_link.html", {"expired": False}, status=404)
        return view(request, enquiry, token, *args, **kwargs)

    return wrapper


def render_thread(request, enquiry, token, *, zone=None, booking_form=None, notice="", status=200):
    desk_zone = enquiry.desk.time_zone if enquiry.desk else "Asia/Shanghai"
    zone = zone or zone_or_default(request.GET.get("tz"), desk_zone)
    bookings = bookings_of(enquiry)
    booking = upcoming_booking(bookings)
    if booking_form is None and booking is None and enquiry.desk:
        booking_form = BookingForm(openings=openings(enquiry.desk), zone=zone)
    context = {
        "enquiry": enquiry,
        "replies": replies_of(enquiry),
        "token": token,
        "zone": zone_label(zone),
        "desk_zone": zone_label(desk_zone),
        "zone_chosen": "tz" in request.GET or request.method == "POST",
        "time_zone_options": time_zone_options(zone),
        "booking": booking,
        "booking_when": booking and describe(booking.starts_at, booking.ends_at, booking.time_zone),
        "booking_zone": booking and zone_label(booking.time_zone),
        "booking_form": booking_form,
        "notice": notice,
    }
    return render(request, "enquiries/thread.html", context, status=status)


@require_GET
@signed
def thread(request, enquiry, token):
    return render_thread(request, enquiry, token)


@require_POST
@signed
def rate(request, enquiry, token):
    """A POST from the page's buttons: mail scanners follow links but never press them."""
    form = RatingForm(request.POST)
    if not form.is_valid():
        return render_thread(request, enquiry, token, notice="invalid-rating", status=400)
    try:
        rate_answer(enquiry=enquiry, rating=form.cleaned_data["rating"])
    except NothingToRate:
        return render_thread(request, enquiry, token, notice="nothing-to-rate", status=409)
    except AlreadyRated:
        return render_thread(request, enquiry, token, notice="already-rated", status=409)
    return redirect(f"{links.thread_path(enquiry)}#rating")
