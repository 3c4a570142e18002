from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction


class Command(BaseCommand):
    help = "Load the bilingual demo content from fixtures/ (safe to run again)."

    def handle(self, *args, **options):
        fixtures = sorted(path for d in settings.FIXTURE_DIRS for path in d.glob("*.json"))
        if not fixtures:
            self.stdout.write("No demo fixtures found.")
            return
        with transaction.atomic():
            for path in fixtures:
                self.stdout.write(f"Loading {path.name} …")
                try:
                    call_command("loaddata", path, verbosity=0)
                except (DeserializationError, DatabaseError, ValueError) as error:
                    raise CommandError(f"{path.name} could not be loaded: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(fixtures)} demo fixture files."))
