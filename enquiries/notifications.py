"""The emails an enquiry triggers: built in the right language, sent at most once."""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import OperationalError
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background.queue import enqueue_on_commit, in_transaction

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


def country_page_link(code):
    """The page about the investor's country and Qingdao, when a centre serves it."""
    from stories.selectors import country_page_path

    path = country_page_path(code)
    return settings.SITE_URL + path if path else ""


@builds(Notification.Kind.ACKNOWLEDGEMENT)
def acknowledgement(notification):
    """The investor's copy, in the language they wrote in."""
    enquiry = notification.enquiry
    with translation.override(enquiry.language):
        subject = _("Your enquiry %(reference)s to Invest Qingdao") % {
            "reference": enquiry.reference
        }
        # Only what the bureau wrote: nothing the visitor typed goes to the typed address.
        body = render_to_string(
            "enquiries/email/acknowledgement.txt",
            {
                "reference": enquiry.reference,
                "desk": enquiry.desk.name if enquiry.desk else "",
                "due": enquiry.reply_due_at,
                "country_page": country_page_link(enquiry.country),
            },
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


def lease():
    """How long a sender holds an email: longer than any mail server conversation."""
    return timedelta(seconds=settings.EMAIL_LEASE_SECONDS)


def claim(notification_id):
    """Take a pending email for one attempt; returns the lease's end, or None.

    None when it is sent or another sender holds it. One conditional UPDATE, its own
    short transaction: of two senders racing for the row, only one changes it.
    """
    now = timezone.now()
    lease_end = now + lease()
    try:
        claimed = (
            Notification.objects.claimable(now)
            .filter(pk=notification_id)
            .update(claimed_until=lease_end, attempts=F("attempts") + 1)
        )
    except OperationalError as error:  # SQLite busy past its timeout: try again later
        logger.info("Email %s not claimed: %s", notification_id, error)
        return None
    return lease_end if claimed else None


def deliver(notification_id):
    """Send one pending email once: claim it, talk to the mail server, mark it sent.

    The mail server is slow and may be down, so it is never spoken to inside a
    transaction (it would hold the database's write lock) nor inside a request. A
    failure is recorded and the email stays pending for the next attempt.
    """
    if in_transaction():
        raise RuntimeError("Emails are sent by the background worker, outside transactions.")
    lease_end = claim(notification_id)
    if lease_end is None:
        return False
    try:
        build(notification_id).send()
    except Exception as error:  # whatever the backend raises, the email stays pending
        logger.warning("Email %s not sent: %s", notification_id, error)
        release(notification_id, lease_end, f"{type(error).__name__}: {error}")
        return False
    mark_sent(notification_id)
    return True


def mark_sent(notification_id, tries=3):
    """Record the email as sent; it is out, so a busy database is waited for, not skipped
    (else its lease would run out and it would be sent again)."""
    for attempt in range(1, tries + 1):
        try:
            Notification.objects.filter(pk=notification_id).update(
                sent_at=timezone.now(), claimed_until=None, last_error=""
            )
            return
        except OperationalError:
            if attempt == tries:
                raise
            time.sleep(attempt)


def build(notification_id):
    notification = Notification.objects.select_related(
        "enquiry__desk", "enquiry__sector", "enquiry__park", "enquiry__centre"
    ).get(pk=notification_id)
    return BUILDERS[notification.kind](notification)


def release(notification_id, lease_end, error):
    """Give a failed email back at once, unless our lease ran out and another took it."""
    Notification.objects.filter(pk=notification_id, claimed_until=lease_end).update(
        claimed_until=None, last_error=error[:2000]
    )


def deliver_pending(notifications):
    """Try every pending email among `notifications`; returns (sent, not sent)."""
    sent = failed = 0
    for pk in list(notifications.pending().values_list("pk", flat=True)):
        if deliver(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed


def requeue_lost_emails(*, older_than):
    """Enqueue again each pending email that no queued task will send; returns how many.

    A task is lost if the worker's queue was emptied or its attempt failed (mail server
    down): the email then waits here for the next round. Emails newer than
    `older_than` are left to the task enqueued with them.
    """
    now = timezone.now()
    queued = {
        call["args"][0]
        for call in DBTaskResult.objects.filter(
            task_path=send_email.module_path,
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        ).values_list("args_kwargs", flat=True)
    }
    lost = [
        pk
        for pk in Notification.objects.claimable(now)
        .filter(created_at__lte=now - older_than)
        .values_list("pk", flat=True)
        if pk not in queued
    ]
    for pk in lost:
        send_email.enqueue(pk)
    return len(lost)
