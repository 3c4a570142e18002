from django.conf import settings
from django.core.management.base import BaseCommand

from about.brand import write_all


class Command(BaseCommand):
    help = "Draw the mark, favicons, apple-touch icon and default OpenGraph image into static/img/."

    def handle(self, *args, **options):
        for name in write_all(settings.BASE_DIR / "static" / "img"):
            self.stdout.write(f"static/img/{name}")
