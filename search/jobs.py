"""Scheduled records join the index when their time comes, without any write."""

from datetime import timedelta

from django_tasks import task

from background.schedule import periodic
from projects.content_types import public_types

from .indexing import due, reindex
from .models import SearchEntry


@periodic(every=timedelta(minutes=1))
@task()
def index_due_records():
    for declared in public_types():
        indexed = SearchEntry.objects.filter(type=declared.key).values("record_id")
        found = due(declared.model.objects.filter(publish_at__isnull=False)).exclude(pk__in=indexed)
        for pk in found.values_list("pk", flat=True):
            reindex(declared.key, pk)
