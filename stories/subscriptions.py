"""Email subscriptions: double opt-in with a signed link, one-click unsubscribe, no account."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from background.queue import enqueue_on_commit

from .models import Subscription

SALT = "stories.subscription"
CONFIRM = "confirm"
UNSUBSCRIBE = "unsubscribe"


def token(subscription, action):
    return signing.dumps({"s": subscription.pk, "a": action}, salt=SALT)


def from_token(value, action, max_age=None):
    """The subscription a signed link names, or None when the link is wrong or too old."""
    try:
        data = signing.loads(value, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("a") != action:
        return None
    return Subscription.objects.filter(pk=data.get("s")).first()


def link(subscription, action):
    with translation.override(subscription.language):
        path = reverse(
            f"stories:subscription_{action}", kwargs={"token": token(subscription, action)}
        )
    return settings.SITE_URL + path


def subscribe(*, email, topic, key, language):
    """Store the request and send the confirmation link; an address already confirmed
    for the topic gets nothing new (the form says the same either way)."""
    from .tasks import send_confirmation

    with transaction.atomic():
        subscription, _created = Subscription.objects.get_or_create(
            email=email.lower(), topic=topic, key=key, defaults={"language": language}
        )
        if subscription.confirmed_at is None:
            enqueue_on_commit(send_confirmation, subscription.pk)
    return subscription


def confirm(*, subscription):
    if subscription.confirmed_at is None:
        now = timezone.now()
        Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=now, last_sent_at=now)


def unsubscribe(*, subscription):
    """Delete the subscription: nothing of it is kept."""
    Subscription.objects.filter(pk=subscription.pk).delete()
