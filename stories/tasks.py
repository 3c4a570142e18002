"""Subscription emails, sent by the background worker, never inside a request."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from . import selectors, subscriptions
from .forms import topic_name
from .models import Subscription


def _send(subscription, subject, template, context):
    unsubscribe = subscriptions.link(subscription, subscriptions.UNSUBSCRIBE)
    body = render_to_string(
        template, {"subscription": subscription, "unsubscribe": unsubscribe, **context}
    )
    message = EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [subscription.email],
        headers={
            # RFC 8058: mail clients offer one-click unsubscribe with a POST to this link.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


@task()
def send_confirmation(pk):
    subscription = Subscription.objects.filter(pk=pk, confirmed_at__isnull=True).first()
    if subscription is None:
        return
    with translation.override(subscription.language):
        _send(
            subscription,
            _("Please confirm your Invest Qingdao subscription"),
            "stories/email/confirm.txt",
            {
                "confirm": subscriptions.link(subscription, subscriptions.CONFIRM),
                "about": topic_name(subscription.topic, subscription.key),
                "days": settings.SUBSCRIPTION_CONFIRM_DAYS,
            },
        )


def send_digest(subscription, now=None):
    """Email what is new for one subscription since its last digest; True when sent."""
    now = now or timezone.now()
    with translation.override(subscription.language):
        found = selectors.new_since(
            topic=subscription.topic, key=subscription.key, since=subscription.last_sent_at
        )
        if not any(found.values()):
            return False
        _send(
            subscription,
            _("New on Invest Qingdao"),
            "stories/email/digest.txt",
            {
                "found": found,
                "about": topic_name(subscription.topic, subscription.key),
                "site": settings.SITE_URL,
            },
        )
    Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
    return True
