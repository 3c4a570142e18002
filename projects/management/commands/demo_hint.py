"""Say how to load the demo when the database has no content; never loads anything."""

from django.core.management.base import BaseCommand

from projects.models import Park, Policy


class Command(BaseCommand):
    help = "Print how to load the demo content if the database has none (changes nothing)."

    def handle(self, *args, **options):
        if Park.objects.exists() or Policy.objects.exists():
            return
        self.stdout.write(
            "The database has no content yet. To try the site with the demo content, run "
            "`.venv/bin/python manage.py load_demo` (and `manage.py createsuperuser` for a "
            "staff account), or use `make run`."
        )
