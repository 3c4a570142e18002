import logging

from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from . import ratelimit
from .forms import EnquiryForm, StatusLookupForm
from .models import Enquiry
from .prefill import prefill
from .replies import links
from .replies.selectors import replies_of
from .routing import route
from .submission import read_reference, read_token, sign_reference

logger = logging.getLogger(__name__)

# Bots fill every input; people never see this one.
HONEYPOT = "website"


def route_and_notify(enquiry):
    """Everything after the enquiry is stored; the emails go out from the background worker.

    A failure here leaves the enquiry stored; `send_pending_enquiries` routes it later.
    """
    try:
        route(enquiry)
    except Exception:  # the visitor's enquiry is safe; the pending command retries
        logger.exception("Enquiry %s stored but not routed or notified", enquiry.reference)


def thanks_for(enquiry):
    """The thank-you page with the reference signed into its address: it needs no session."""
    url = reverse("enquiries:thanks")
    return redirect(f"{url}?{urlencode({'ref': sign_reference(enquiry.reference)})}")


def already_sent(token):
    """The enquiry a re-posted form already stored, if any."""
    token = read_token(token)
    return Enquiry.objects.filter(submission_token=token).first() if token else None


def store(form, source):
    """Save the enquiry once: a concurrent re-post with the same token finds the first one."""
    try:
        with transaction.atomic():
            return form.save(language=get_language(), source=source)
    except IntegrityError:
        existing = already_sent(form.data.get("submission_token"))
        if existing is None:
            raise
        return existing


def after_storing(request, enquiry):
    """Nothing here may keep the visitor from seeing the stored enquiry's reference."""
    try:
        ratelimit.record(request, "enquiry")
    except Exception:
        logger.exception("Enquiry %s stored; rate limit not recorded", enquiry.reference)
    route_and_notify(enquiry)


@require_http_methods(["GET", "HEAD", "POST"])
def enquiry_form(request):
    initial, source = prefill(request.GET)
    if request.method != "POST":
        form = EnquiryForm(initial=initial)
    else:
        existing = already_sent(request.POST.get("submission_token"))
        if existing is not None:
            return thanks_for(existing)
        if ratelimit.exceeded(request, "enquiry"):
            return ratelimit.too_many_requests(request)
        if request.POST.get(HONEYPOT):
            ratelimit.record(request, "enquiry")
            return redirect("enquiries:thanks")
        form = EnquiryForm(request.POST)
        if form.is_valid():
            enquiry = store(form, source)
            after_storing(request, enquiry)
            return thanks_for(enquiry)
    return render(request, "enquiries/enquiry_form.html", {"form": form, "honeypot": HONEYPOT})


def thanks(request):
    reference = read_reference(request.GET.get("ref"))
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
