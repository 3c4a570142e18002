import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from background.scheduler import enqueue_due_jobs


class Command(BaseCommand):
    help = "Enqueue the periodic jobs (background/jobs.py and each app's) when they are due."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="check once, then exit (cron)")
        parser.add_argument(
            "--interval", type=float, default=15, help="seconds between checks (default 15)"
        )

    def handle(self, *, once, interval, verbosity, **options):
        try:
            self.loop(once, interval, verbosity)
        except KeyboardInterrupt:  # Ctrl-C: a claim not committed is simply rolled back
            return

    def loop(self, once, interval, verbosity):
        while True:
            try:
                enqueued = enqueue_due_jobs()
            except DatabaseError as error:  # the database is back on the next check
                self.stderr.write(f"Scheduler: database unavailable: {error}")
                enqueued = []
            if verbosity > 1 or (once and verbosity):
                self.stdout.write(f"Enqueued {len(enqueued)} job(s): {', '.join(enqueued)}")
            if once:
                return
            time.sleep(interval)
            # Like a request: drop a connection that broke or outlived CONN_MAX_AGE.
            close_old_connections()
