"""Staff emails about reply targets: overdue reminder, escalation, follow-up reminder."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

# Lazy: each subject is translated in staff_email, in the staff's language, whatever
# language the worker last had active.
from django.utils.translation import gettext_lazy as _

from .models import Desk, Notification
from .notifications import NoRecipient, builds, one_line


def staff_email(notification, subject, template, to, cc=(), reply_to=()):
    """Written in the staff's language; internal, so never answerable to the investor."""
    enquiry = notification.enquiry
    with translation.override(settings.LANGUAGE_CODE):
        subject = subject % {
            "reference": enquiry.reference,
            "company": one_line(enquiry.company),
        }
        body = render_to_string(template, {"enquiry": enquiry, "desk": enquiry.desk})
    return EmailMessage(subject, body, to=to, cc=list(cc), reply_to=list(reply_to))


def emails(users):
    return sorted({user.email for user in users if user.email})


def desk_of(notification):
    desk = notification.enquiry.desk
    if desk is None:
        raise NoRecipient(f"Enquiry {notification.enquiry.reference} has no desk.")
    return desk


@builds(Notification.Kind.REMINDER)
def overdue_reminder(notification):
    desk = desk_of(notification)
    return staff_email(
        notification,
        _("Reply overdue: enquiry %(reference)s from %(company)s"),
        "enquiries/email/overdue_reminder.txt",
        to=[desk.email],
        cc=emails(desk.members.all()),
    )


@builds(Notification.Kind.ESCALATION)
def escalation(notification):
    """To the default desk's managers, and the enquiry desk's own managers."""
    desk = desk_of(notification)
    default = Desk.objects.filter(is_default=True).first()
    managers = emails([*(default.managers.all() if default else []), *desk.managers.all()])
    # Without managers the default desk's address hears of it: never silently dropped.
    to = managers or ([default.email] if default else [desk.email])
    return staff_email(
        notification,
        _("Escalation: enquiry %(reference)s from %(company)s still unanswered"),
        "enquiries/email/escalation.txt",
        to=to,
        reply_to=[desk.email],
    )


@builds(Notification.Kind.FOLLOW_UP)
def follow_up_reminder(notification):
    """To the assignee, else to the desk's members, else to the desk."""
    desk = desk_of(notification)
    assignee = notification.enquiry.assignee
    to = emails([assignee] if assignee else desk.members.all()) or [desk.email]
    return staff_email(
        notification,
        _("Follow up enquiry %(reference)s from %(company)s"),
        "enquiries/email/follow_up_reminder.txt",
        to=to,
    )
