"""Periodic jobs of the stories app: the subscription digest and its retention."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from background.schedule import periodic

from .models import Subscription
from .tasks import send_digest

logger = logging.getLogger(__name__)


def due_subscriptions(now=None):
    """Confirmed subscriptions whose last digest is older than the digest interval."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SUBSCRIPTION_DIGEST_DAYS)
    return Subscription.objects.filter(confirmed_at__isnull=False, last_sent_at__lt=cutoff)


@periodic(every=timedelta(hours=1))
@task()
def send_subscription_digests():
    """One digest per due subscription; a subscription with nothing new waits for more."""
    sent = sum(send_digest(subscription) for subscription in due_subscriptions())
    if sent:
        logger.info("Subscriptions: %d digests sent", sent)
    return sent


def delete_unconfirmed(now=None):
    """Requests never confirmed within SUBSCRIPTION_CONFIRM_DAYS are deleted: nothing kept."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)
    deleted, _by_model = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


@periodic(every=timedelta(days=1))
@task()
def delete_unconfirmed_subscriptions():
    count = delete_unconfirmed()
    if count:
        logger.info("Retention: %d unconfirmed subscriptions deleted", count)
    return count
