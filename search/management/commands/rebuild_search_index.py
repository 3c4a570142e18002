from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Index every published record of the public content types again, from scratch."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"Indexed {count} records.")
