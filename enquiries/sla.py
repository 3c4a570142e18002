"""Reply targets: when an enquiry's first reply is due, which are overdue, which need a follow-up.

- Due: `Desk.reply_target_days` working days in the desk's country (see `calendar`).
- Overdue: not closed, no first reply, past `reply_due_at`; the desk is reminded once.
- Escalated: the same past twice the target (the working days doubled); the managers
  of the default desk (and of the enquiry's desk) are told once.
- Follow-up: `ENQUIRY_FOLLOW_UP_DAYS` days after the last reply, with no reply since,
  no message from the investor and the enquiry not closed, the officer is reminded
  once per reply round. A follow-up counts as done when a reply is sent after it.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, F, Q
from django.utils import timezone

from .calendar import add_working_days, due_at, working_calendar
from .models import Enquiry, Notification

logger = logging.getLogger(__name__)


def reply_due(enquiry):
    """When the first reply to a routed enquiry is due; None if the calendar cannot tell."""
    desk = enquiry.desk
    try:
        return add_working_days(
            enquiry.created_at, desk.reply_target_days, country=desk.country.code
        )
    except ValueError:  # e.g. a whole year entered as days off: routing must go on
        logger.exception("No due time for enquiry %s", enquiry.reference)
        return None


def escalation_due(enquiry, calendars):
    """Twice the target: `calendars` caches one calendar per country for a batch."""
    desk = enquiry.desk
    country = desk.country.code
    if country not in calendars:
        calendars[country] = working_calendar(country)
    return due_at(enquiry.created_at, 2 * desk.reply_target_days, calendar=calendars[country])


def overdue(enquiries, now=None):
    """The enquiries among `enquiries` past their first-reply target, not closed."""
    return enquiries.filter(
        first_replied_at__isnull=True, reply_due_at__lt=now or timezone.now()
    ).exclude(status=Enquiry.Status.CLOSED)


def is_overdue(enquiry, now=None):
    """`overdue` for one enquiry already loaded."""
    return (
        enquiry.first_replied_at is None
        and enquiry.reply_due_at is not None
        and enquiry.reply_due_at < (now or timezone.now())
        and enquiry.status != Enquiry.Status.CLOSED
    )


def overdue_to_escalate(now=None):
    """Overdue enquiries past twice their target, not escalated yet."""
    now = now or timezone.now()
    pending = overdue(Enquiry.objects.filter(desk__isnull=False), now).exclude(
        notifications__kind=Notification.Kind.ESCALATION
    )
    calendars = {}
    due = []
    for enquiry in pending.select_related("desk"):
        try:
            if escalation_due(enquiry, calendars) <= now:
                due.append(enquiry)
        except ValueError:  # a calendar without working days: escalate rather than wait
            due.append(enquiry)
    return due


def follow_up_days():
    return settings.ENQUIRY_FOLLOW_UP_DAYS


def reply_round(enquiry):
    """Identifies the reply a follow-up reminder is about: the minute of the last reply."""
    return int(enquiry.last_replied_at.timestamp()) // 60


def follow_ups_due(now=None):
    """Enquiries whose officer should follow up now, without a reminder for this round yet."""
    now = now or timezone.now()
    candidates = (
        Enquiry.objects.filter(last_replied_at__lte=now - timedelta(days=follow_up_days()))
        .exclude(status=Enquiry.Status.CLOSED)
        .exclude(investor_wrote_at__gte=F("last_replied_at"))
    )
    reminded = set(
        Notification.objects.filter(
            kind=Notification.Kind.FOLLOW_UP, enquiry__in=candidates
        ).values_list("enquiry_id", "subject_id")
    )
    return [e for e in candidates if (e.pk, reply_round(e)) not in reminded]


def follow_ups_done():
    """Annotation: follow-up reminders of an enquiry that a reply answered."""
    return Count(
        "notifications",
        filter=Q(
            notifications__kind=Notification.Kind.FOLLOW_UP,
            notifications__created_at__lt=F("last_replied_at"),
        ),
    )
