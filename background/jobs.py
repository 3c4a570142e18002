"""The portal's own periodic jobs: heartbeat, pruning, and the enquiry-email safety net."""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django_tasks import task

from background.schedule import periodic
from enquiries.notifications import requeue_lost_emails
from enquiries.routing import route_unrouted


@periodic(every=timedelta(minutes=1))
@task()
def heartbeat():
    """Does nothing: its finishing tells /healthz that a worker is running."""


@periodic(every=timedelta(hours=1))
@task()
def prune_finished_tasks():
    """Delete finished task rows older than TASK_RESULT_RETENTION_DAYS."""
    call_command(
        "prune_db_task_results",
        min_age_days=settings.TASK_RESULT_RETENTION_DAYS,
        queue_name="*",
        verbosity=0,
    )


@periodic(every=timedelta(minutes=5))
@task()
def resend_pending_emails():
    """Route enquiries left unrouted and enqueue again the emails no task will send."""
    route_unrouted()
    return requeue_lost_emails(older_than=timedelta(minutes=2))
