"""Periodic jobs of the enquiries: reply-target reminders. Each is idempotent."""

from datetime import timedelta

from django_tasks import task

from background.schedule import periodic

from .models import Enquiry, Notification
from .notifications import queue_email
from .sla import follow_ups_due, overdue, overdue_to_escalate, reply_round


@periodic(every=timedelta(minutes=15))
@task()
def remind_overdue_enquiries():
    """Remind the desk, once, of each enquiry past its first-reply target."""
    pending = overdue(Enquiry.objects.filter(desk__isnull=False)).exclude(
        notifications__kind=Notification.Kind.REMINDER
    )
    for enquiry in pending:
        queue_email(enquiry=enquiry, kind=Notification.Kind.REMINDER)


@periodic(every=timedelta(minutes=15))
@task()
def escalate_overdue_enquiries():
    """Tell the managers, once, of each enquiry unanswered past twice its target."""
    for enquiry in overdue_to_escalate():
        queue_email(enquiry=enquiry, kind=Notification.Kind.ESCALATION)


@periodic(every=timedelta(hours=1))
@task()
def remind_follow_ups():
    """Remind the officer, once per reply, to follow up an enquiry that went quiet."""
    for enquiry in follow_ups_due():
        queue_email(
            enquiry=enquiry, kind=Notification.Kind.FOLLOW_UP, subject_id=reply_round(enquiry)
        )
