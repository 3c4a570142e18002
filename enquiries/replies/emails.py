"""The reply email: the frame in the investor's language, the officer's text as written."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import Notification, Reply
from ..notifications import builds
from .links import thread_url


@builds(Notification.Kind.REPLY)
def reply_email(notification):
    enquiry = notification.enquiry
    reply = Reply.objects.select_related("author").get(pk=notification.subject_id, enquiry=enquiry)
    with translation.override(enquiry.language):
        subject = _("Reply to your enquiry %(reference)s to Invest Qingdao") % {
            "reference": enquiry.reference
        }
        context = {"enquiry": enquiry, "reply": reply, "thread_url": thread_url(enquiry)}
        body = render_to_string("enquiries/email/reply.txt", context)
    reply_to = [enquiry.desk.email] if enquiry.desk else []
    return EmailMessage(subject, body, to=[enquiry.email], reply_to=reply_to)
