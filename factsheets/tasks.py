"""Fact sheets, printed by the background worker after the record's change is committed."""

from django_tasks import task


@task()
def make_sheets(kind, record_id):
    """Bring one record's sheets up to date; safe to run twice (unchanged ones are kept)."""
    from .services import make_sheets as make

    return make(kind=kind, record_id=record_id)
