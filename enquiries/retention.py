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


@periodic(every=timedelta(days=1))
@task()
def anonymise_expired_enquiries():
    count = anonymise(enquiries=expired_enquiries())
    if count:
        logger.info("Retention: %d enquiries anonymised", count)
    return count
