"""Periodic jobs of the web app."""

from datetime import timedelta

from django_tasks import task

from background.schedule import periodic

from .invalidation import CHECK_SECONDS, publish_due


@periodic(every=timedelta(seconds=CHECK_SECONDS))
@task()
def publish_due_pages():
    """Clear the cached pages when a scheduled publication has become due since the last run."""
    return publish_due()
