from django.core.management.base import BaseCommand
from django.db.models import Q

from enquiries.models import Enquiry, Notification
from enquiries.notifications import deliver_pending
from enquiries.routing import route


class Command(BaseCommand):
    help = "Route enquiries that have no desk yet and send every email still pending, once."

    def handle(self, *args, **options):
        # Routing may have failed after the enquiry was stored.
        unrouted = (
            Enquiry.objects.filter(Q(desk__isnull=True) | Q(notifications__isnull=True))
            .exclude(status=Enquiry.Status.CLOSED)
            .distinct()
        )
        for enquiry in unrouted:
            route(enquiry)
        sent, failed = deliver_pending(Notification.objects.all())
        self.stdout.write(f"Sent {sent} email(s); {failed} still pending.")
