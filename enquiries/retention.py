"""Enquiries are kept for ENQUIRY_RETENTION_DAYS after their last activity, then anonymised."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from background.schedule import periodic

from .models import Enquiry
from .privacy import anonymise

logger = logging.getLogger(__name__)


def expired_enquiries(now=None):
    """Enquiries with no activity (update, reply, rating) within the retention period."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
    return Enquiry.objects.filter(
        Q(last_replied_at__isnull=True) | Q(last_replied_at__lt=cutoff),
        Q(rated_at__isnull=True) | Q(rated_at__lt=cutoff),
        anonymised_at__isnull=True,
        updated_at__lt=cutoff,
    )


# Enquiries per transaction: short write locks, and query parameters SQLite accepts,
# even on the first run over years of backlog.
BATCH = 500


def anonymise_expired(now=None):
    """Anonymise every expired enquiry, a batch at a time; returns how many."""
    total = 0
    while batch := list(expired_enquiries(now).values_list("pk", flat=True)[:BATCH]):
        total += anonymise(enquiries=Enquiry.objects.filter(pk__in=batch))
    return total


@periodic(every=timedelta(days=1))
@task()
def anonymise_expired_enquiries():
    count = anonymise_expired()
    if count:
        logger.info("Retention: %d enquiries anonymised", count)
    return count
