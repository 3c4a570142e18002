from django.db import transaction
from django.utils import timezone

from ..models import Enquiry, Notification, Reply
from ..notifications import queue_email


class NothingToRate(Exception):
    pass


class AlreadyRated(Exception):
    pass


def send_reply(*, enquiry, author, body):
    """Store the officer's reply, mark the enquiry answered and queue the email."""
    now = timezone.now()
    with transaction.atomic():
        reply = Reply.objects.create(enquiry=enquiry, author=author, body=body, sent_at=now)
        enquiries = Enquiry.objects.filter(pk=enquiry.pk)
        # Conditional updates: two officers replying at once still give one first reply.
        enquiries.filter(first_replied_at__isnull=True).update(first_replied_at=now)
        enquiries.exclude(status=Enquiry.Status.CLOSED).update(status=Enquiry.Status.ANSWERED)
        enquiries.update(last_replied_at=now, updated_at=now)
        enquiry.refresh_from_db(fields=["first_replied_at", "last_replied_at", "status"])
        queue_email(enquiry=enquiry, kind=Notification.Kind.REPLY, subject_id=reply.pk)
    return reply


def rate_answer(*, enquiry, rating):
    """Record the investor's 1–5 rating once; a second rating is refused, not replaced."""
    if not enquiry.replies.exists():
        raise NothingToRate(enquiry.pk)
    now = timezone.now()
    rated = Enquiry.objects.filter(pk=enquiry.pk, rating__isnull=True).update(
        rating=rating, rated_at=now
    )
    if not rated:
        raise AlreadyRated(enquiry.pk)
    enquiry.rating, enquiry.rated_at = rating, now
