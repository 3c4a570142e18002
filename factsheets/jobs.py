"""Periodic job of the fact sheets: catch what changed without a save of the record."""

from datetime import timedelta

from django_tasks import task

from background.schedule import periodic

from .kinds import KINDS
from .models import Sheet
from .services import make_sheets, remove_sheets


@periodic(every=timedelta(hours=6))
@task()
def refresh_sheets():
    """Every published record's sheets brought up to date, the others' removed.

    A policy, a district or a routing rule edited, a record published at its `publish_at`
    or by a bulk action: the sheets that show them change here. An unchanged sheet costs
    one HTML rendering, not a PDF.
    """
    for kind, declared in KINDS.items():
        published = set(declared.declared.published().values_list("pk", flat=True))
        for record_id in sorted(published):
            make_sheets(kind=kind, record_id=record_id)
        stored = Sheet.objects.filter(kind=kind).values_list("record_id", flat=True)
        for record_id in set(stored) - published:
            remove_sheets(kind=kind, record_id=record_id)
