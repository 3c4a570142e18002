"""The emails an enquiry triggers: built in the right language, sent at most once."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from background.queue import enqueue_on_commit

from .models import Notification

logger = logging.getLogger(__name__)


class NoRecipient(Exception):
    pass


def one_line(text):
    """Visitor-typed text made safe for an email header."""
    return " ".join(str(text).split())[:120]


# Notification.Kind -> function(notification) returning the EmailMessage to send.
BUILDERS = {}


def builds(kind):
    """Register the function that writes the emails of one kind."""

    def register(function):
        BUILDERS[kind] = function
        return function

    return register


def queue_email(*, enquiry, kind, subject_id=0):
    """Record an email once and have the background worker send it after commit."""
    notification, _created = Notification.objects.get_or_create(
        enquiry=enquiry, kind=kind, subject_id=subject_id
    )
    if notification.sent_at is None:
        enqueue_on_commit(send_email, notification.pk)
    return notification


@task()
def send_email(notification_id):
    return deliver(notification_id)


@builds(Notification.Kind.ACKNOWLEDGEMENT)
def acknowledgement(notification):
    """The investor's copy, in the language they wrote in."""
    enquiry = notification.enquiry
    with translation.override(enquiry.language):
        subject = _("Your enquiry %(reference)s to Invest Qingdao") % {
            "reference": enquiry.reference
        }
        # Only the reference: nothing the visitor typed goes to the typed address.
        body = render_to_string(
            "enquiries/email/acknowledgement.txt", {"reference": enquiry.reference}
        )
    reply_to = [enquiry.desk.email] if enquiry.desk else []
    return EmailMessage(subject, body, to=[enquiry.email], reply_to=reply_to)


@builds(Notification.Kind.DESK)
def desk_notification(notification):
    """The desk's copy, in the staff's language, answerable straight to the investor."""
    enquiry = notification.enquiry
    if enquiry.desk is None:
        raise NoRecipient(f"Enquiry {enquiry.reference} has no desk yet.")
    members = [user.email for user in enquiry.desk.members.all() if user.email]
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New enquiry %(reference)s from %(company)s") % {
            "reference": enquiry.reference,
            "company": one_line(enquiry.company),
        }
        body = render_to_string("enquiries/email/desk_notification.txt", {"enquiry": enquiry})
    return EmailMessage(
        subject, body, to=[enquiry.desk.email], cc=members, reply_to=[enquiry.email]
    )


def claim(notification_id):
    """Count an attempt on a pending email; False if it is sent or another sender holds it."""
    pending = Notification.objects.pending().filter(pk=notification_id)
    if connection.features.has_select_for_update_skip_locked and not list(
        pending.select_for_update(skip_locked=True).values_list("pk", flat=True)
    ):
        return False
    # The update locks the row; a concurrent sender waits, then finds it sent.
    return bool(pending.update(attempts=F("attempts") + 1))


def deliver(notification_id):
    """Send one pending email; a failure is recorded and the email stays pending."""
    try:
        with transaction.atomic():
            if not claim(notification_id):
                return False
            return send(notification_id)
    except OperationalError as error:
        # SQLite: another sender holds the database lock; the email stays pending.
        logger.info("Email %s left to another sender: %s", notification_id, error)
        return False


def send(notification_id):
    notification = Notification.objects.select_related(
        "enquiry__desk", "enquiry__sector", "enquiry__park", "enquiry__centre"
    ).get(pk=notification_id)
    try:
        BUILDERS[notification.kind](notification).send()
    except Exception as error:  # whatever the backend raises, the email stays pending
        logger.warning("Email %s not sent: %s", notification, error)
        notification.last_error = f"{type(error).__name__}: {error}"[:2000]
        notification.save(update_fields=["last_error"])
        return False
    notification.sent_at = timezone.now()
    notification.last_error = ""
    notification.save(update_fields=["sent_at", "last_error"])
    return True


def deliver_pending(notifications):
    """Try every pending email among `notifications`; returns (sent, failed)."""
    sent = failed = 0
    for pk in notifications.pending().values_list("pk", flat=True):
        if deliver(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed
