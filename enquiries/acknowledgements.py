"""The investor's acknowledgement, at most ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY per address.

Anyone can type anyone's address into the form: the bound keeps the form from
being used to flood a stranger's mailbox. Beyond it the enquiry is kept and the
desk notified as usual; the enquiry records why no acknowledgement went out.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Enquiry, Notification
from .notifications import queue_email


def sent_today(email, *, excluding):
    """Acknowledgements queued for this address in the last 24 hours, for other enquiries."""
    return (
        Notification.objects.filter(
            kind=Notification.Kind.ACKNOWLEDGEMENT,
            enquiry__email__iexact=email,
            created_at__gte=timezone.now() - timedelta(days=1),
        )
        .exclude(enquiry=excluding)
        .count()
    )


def acknowledge(enquiry):
    """Queue the acknowledgement unless the address has had its share today."""
    if enquiry.acknowledgement_withheld:
        return None
    if sent_today(enquiry.email, excluding=enquiry) >= settings.ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY:
        enquiry.acknowledgement_withheld = Enquiry.Withheld.DAILY_LIMIT
        Enquiry.objects.filter(pk=enquiry.pk).update(
            acknowledgement_withheld=enquiry.acknowledgement_withheld
        )
        return None
    return queue_email(enquiry=enquiry, kind=Notification.Kind.ACKNOWLEDGEMENT)
