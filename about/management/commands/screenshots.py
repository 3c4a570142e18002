from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management.base import BaseCommand
from django.test.testcases import LiveServerThread

from about import screenshots
from projects.inventory import public_pages


class Command(BaseCommand):
    help = "Screenshots of every public page type at 1280 and 390 px in every language."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="screenshots")
        parser.add_argument("--port", type=int, default=8899)

    def handle(self, *args, output, port, **options):
        pages = public_pages(screenshots.sample_slugs(), screenshots.languages())
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=port)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        try:
            written = screenshots.take(f"http://127.0.0.1:{server.port}", pages, output)
        finally:
            server.terminate()
        self.stdout.write(f"{len(written)} screenshots in {output}/")
