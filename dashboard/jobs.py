"""Weekly jobs of the editors’ dashboard: the external-link check and the digest."""

import logging
from datetime import timedelta

from django.conf import settings
from django_tasks import task

from background.schedule import periodic

from . import links
from .digest import editors
from .tasks import send_editor_digest

logger = logging.getLogger(__name__)


@periodic(every=timedelta(days=7))
@task()
def check_external_links():
    """Collect the links in our records, then check the longest-unchecked ones."""
    if not settings.LINK_CHECK_ENABLED:
        return None
    links.collect()
    return links.check_due()


@periodic(every=timedelta(days=7))
@task()
def send_editor_digests():
    """One digest task per editor; each sends nothing when nothing needs attention."""
    recipients = list(editors().values_list("pk", flat=True))
    for pk in recipients:
        send_editor_digest.enqueue(pk)
    return len(recipients)
