"""Which desk answers an enquiry: staff-edited rules first, then the default desk."""

import logging

from django.db import transaction
from django.db.models import Q

from .acknowledgements import acknowledge
from .models import Desk, Enquiry, Notification, RoutingRule
from .notifications import queue_email
from .privacy import may_receive
from .sla import reply_due

logger = logging.getLogger(__name__)


def _matching_desk(enquiry, rules):
    for rule in rules:
        # A desk abroad only with the sender's consent; else the next rule, or the default.
        if rule.matches(enquiry) and may_receive(rule.desk, enquiry):
            return rule.desk
    return None


def _rules():
    return RoutingRule.objects.select_related("centre", "desk")


def choose_desk(enquiry):
    return _matching_desk(enquiry, _rules()) or Desk.objects.filter(is_default=True).first()


def desk_chooser():
    """choose_desk for many enquiries at once: the rules and the default desk read once."""
    rules = list(_rules())
    default = Desk.objects.filter(is_default=True).first()
    return lambda enquiry: _matching_desk(enquiry, rules) or default


def route(enquiry):
    """Assign a desk if none is set and queue the emails; running it twice changes nothing."""
    with transaction.atomic():
        if enquiry.desk_id is None:
            enquiry.desk = choose_desk(enquiry)
            if enquiry.desk is None:
                logger.error("No desk for enquiry %s: create a default desk.", enquiry.reference)
            else:
                enquiry.status = Enquiry.Status.ASSIGNED
                enquiry.reply_due_at = reply_due(enquiry)
                Enquiry.objects.filter(pk=enquiry.pk).update(
                    desk=enquiry.desk, status=enquiry.status, reply_due_at=enquiry.reply_due_at
                )
        acknowledge(enquiry)
        queue_email(enquiry=enquiry, kind=Notification.Kind.DESK)


def route_unrouted():
    """Route the open enquiries that were stored but not routed (routing failed or no desk)."""
    unrouted = (
        Enquiry.objects.filter(Q(desk__isnull=True) | Q(notifications__isnull=True))
        .exclude(status=Enquiry.Status.CLOSED)
        .distinct()
    )
    for enquiry in unrouted:
        route(enquiry)
