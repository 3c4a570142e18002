from django.core.management.base import BaseCommand

from enquiries.models import Notification
from enquiries.notifications import deliver_pending
from enquiries.routing import route_unrouted


class Command(BaseCommand):
    help = "Route enquiries that have no desk yet and send every email still pending, once."

    def handle(self, *args, **options):
        # The safety net beside the background worker (run from cron): each email is
        # claimed first, so one the worker is sending at the same moment is left to it.
        route_unrouted()
        sent, failed = deliver_pending(Notification.objects.all())
        self.stdout.write(f"Sent {sent} email(s); {failed} still pending.")
