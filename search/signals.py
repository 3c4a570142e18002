"""Keeping the index in step: a committed save or delete of a public record re-indexes it."""

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task

from projects.content_types import public_types

logger = logging.getLogger(__name__)


def reindex_after_commit(key, pk):
    """The edit is committed by now: an index that cannot take it must not fail the save.

    The worker tries again; `manage.py rebuild_search_index` is the last resort.
    """
    from .indexing import reindex

    try:
        reindex(key, pk)
    except DatabaseError:
        logger.exception("Search entry of %s %s not written: the worker tries again", key, pk)
        try:
            reindex_record.enqueue(key, pk)
        except DatabaseError:
            logger.exception("Search entry of %s %s not queued either", key, pk)


@task()
def reindex_record(key, pk):
    from .indexing import reindex

    reindex(key, pk)


def _changed(sender, instance, **kwargs):
    key, pk = sender.public.key, instance.pk
    transaction.on_commit(lambda: reindex_after_commit(key, pk), using=kwargs.get("using"))


def connect():
    for declared in public_types():
        uid = f"search-{declared.key}"
        post_save.connect(_changed, sender=declared.model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=declared.model, dispatch_uid=uid + "-delete")


def reindex_many(model, pks):
    """For writes that send no signals (`QuerySet.update()`): after the commit."""
    if not hasattr(model, "public"):
        return
    key, pks = model.public.key, list(pks)
    transaction.on_commit(lambda: [reindex_after_commit(key, pk) for pk in pks])
