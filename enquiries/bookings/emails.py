"""The booking confirmation: an email in the investor's language, a calendar file in both."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from projects.ics import escape_text, fold, utc_stamp

from ..models import Booking, Notification
from ..notifications import builds
from ..replies.links import thread_url
from .selectors import describe


def in_every_language(render):
    """`render()` once per site language, joined: the calendar entry reads in both."""
    texts = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.append(render())
    return texts


def booking_calendar(booking, url):
    enquiry = booking.enquiry
    host = urlsplit(settings.SITE_URL).hostname or "invest-qingdao"

    def summary():
        return _("Call with Invest Qingdao about enquiry %(reference)s") % {
            "reference": enquiry.reference
        }

    def description():
        return _("%(desk)s calls you. Your enquiry and our replies: %(url)s") % {
            "desk": booking.desk.name,
            "url": url,
        }

    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Invest Qingdao//Calls//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:booking-{booking.pk}@{host}",
        f"DTSTAMP:{utc_stamp(timezone.now())}",
        f"DTSTART:{utc_stamp(booking.starts_at)}",
        f"DTEND:{utc_stamp(booking.ends_at)}",
        f"SUMMARY:{escape_text(' / '.join(in_every_language(summary)))}",
        f"DESCRIPTION:{escape_text(chr(10).join(in_every_language(description)))}",
        f"ORGANIZER;CN={escape_text(booking.desk.name)}:mailto:{booking.desk.email}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


@builds(Notification.Kind.BOOKING)
def booking_email(notification):
    enquiry = notification.enquiry
    booking = Booking.objects.select_related("desk").get(
        pk=notification.subject_id, enquiry=enquiry
    )
    booking.enquiry = enquiry
    url = thread_url(enquiry)
    with translation.override(enquiry.language):
        when = describe(booking.starts_at, booking.ends_at, booking.time_zone)
        subject = _("Your call with Invest Qingdao: %(when)s") % {"when": when}
        context = {
            "enquiry": enquiry,
            "booking": booking,
            "when": when,
            "desk_when": describe(booking.starts_at, booking.ends_at, booking.desk.time_zone),
            "thread_url": url,
        }
        body = render_to_string("enquiries/email/booking.txt", context)
    message = EmailMessage(
        subject,
        body,
        to=[enquiry.email],
        bcc=[booking.desk.email],  # the desk's calendar gets the call too
        reply_to=[booking.desk.email],
    )
    message.attach("invest-qingdao-call.ics", booking_calendar(booking, url), "text/calendar")
    return message
