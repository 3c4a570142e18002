from django.conf import settings
from django.core.management.base import BaseCommand

from enquiries.retention import anonymise_expired, expired_enquiries


class Command(BaseCommand):
    help = (
        "Anonymise the enquiries with no activity for ENQUIRY_RETENTION_DAYS, as the "
        "scheduler's daily job does; --dry-run only counts them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.ENQUIRY_RETENTION_DAYS
        if dry_run:
            count = expired_enquiries().count()
            self.stdout.write(f"{count} enquiry(ies) older than {days} days would be anonymised.")
            return
        count = anonymise_expired()
        self.stdout.write(f"{count} enquiry(ies) older than {days} days anonymised.")
