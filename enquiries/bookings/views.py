from django.shortcuts import redirect
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from ..replies import links
from ..replies.views import render_thread, signed
from .forms import TAKEN, BookingForm
from .selectors import bookings_of, openings, upcoming_booking, zone_or_default
from .services import SlotTaken, book_call


@require_POST
@signed
def book(request, enquiry, token):
    if enquiry.desk is None or upcoming_booking(bookings_of(enquiry)):
        return render_thread(request, enquiry, token, notice="cannot-book", status=409)
    zone = zone_or_default(request.POST.get("time_zone"), enquiry.desk.time_zone)
    form = BookingForm(request.POST, openings=openings(enquiry.desk), zone=zone)
    if form.is_valid():
        try:
            book_call(enquiry=enquiry, opening=form.cleaned_data["slot"], time_zone=zone)
        except SlotTaken:
            form.add_error("slot", TAKEN)
        else:
            return redirect(f"{links.thread_path(enquiry)}?{urlencode({'tz': zone})}#book")
    return render_thread(request, enquiry, token, zone=zone, booking_form=form)
