import logging

from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from . import ratelimit
from .forms import EnquiryForm, StatusLookupForm
from .models import Enquiry
from .prefill import prefill
from .replies import links
from .replies.selectors import replies_of
from .routing import route

logger = logging.getLogger(__name__)

# Bots fill every input; people never see this one.
HONEYPOT = "website"
# The thank-you page reads the reference from the session, never from the URL.
SESSION_REFERENCE = "enquiry_reference"


def route_and_notify(enquiry):
    """Everything after the enquiry is stored; the emails go out from the background worker.

    A failure here leaves the enquiry stored; `send_pending_enquiries` routes it later.
    """
    try:
        route(enquiry)
    except Exception:  # the visitor's enquiry is safe; the pending command retries
        logger.exception("Enquiry %s stored but not routed or notified", enquiry.reference)


@require_http_methods(["GET", "HEAD", "POST"])
def enquiry_form(request):
    initial, source = prefill(request.GET)
    form = EnquiryForm(initial=initial)
    if request.method == "POST":
        if ratelimit.exceeded(request, "enquiry"):
            return ratelimit.too_many_requests(request)
        if request.POST.get(HONEYPOT):
            ratelimit.record(request, "enquiry")
            request.session.pop(SESSION_REFERENCE, None)
            return redirect("enquiries:thanks")
        form = EnquiryForm(request.POST)
        if form.is_valid():
            ratelimit.record(request, "enquiry")
            enquiry = form.save(language=get_language(), source=source)
            request.session[SESSION_REFERENCE] = enquiry.reference
            route_and_notify(enquiry)
            return redirect("enquiries:thanks")
    return render(request, "enquiries/enquiry_form.html", {"form": form, "honeypot": HONEYPOT})


def thanks(request):
    reference = request.session.get(SESSION_REFERENCE)
    return render(request, "enquiries/thanks.html", {"reference": reference})


@require_http_methods(["GET", "HEAD", "POST"])
def status_lookup(request):
    form = StatusLookupForm()
    enquiry = None
    not_found = False
    if request.method == "POST":
        if ratelimit.exceeded(request, "lookup"):
            return ratelimit.too_many_requests(request)
        ratelimit.record(request, "lookup")
        form = StatusLookupForm(request.POST)
        if form.is_valid():
            enquiry = Enquiry.objects.filter(
                reference=form.cleaned_data["reference"],
                email__iexact=form.cleaned_data["email"],
            ).first()
            # Same answer whether the reference or the email is wrong.
            not_found = enquiry is None
    context = {"form": form, "enquiry": enquiry, "not_found": not_found}
    if enquiry:
        # The reference and email prove who asks: show the thread and give its signed link.
        context.update(replies=replies_of(enquiry), thread_path=links.thread_path(enquiry))
    return render(request, "enquiries/status_lookup.html", context)
