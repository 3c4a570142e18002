"""Keeping the index in step: a committed save or delete of a public record re-indexes it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from projects.content_types import public_types


def _changed(sender, instance, **kwargs):
    from .indexing import reindex

    key, pk = sender.public.key, instance.pk
    transaction.on_commit(lambda: reindex(key, pk), using=kwargs.get("using"))


def connect():
    for declared in public_types():
        uid = f"search-{declared.key}"
        post_save.connect(_changed, sender=declared.model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=declared.model, dispatch_uid=uid + "-delete")


def reindex_many(model, pks):
    """For writes that send no signals (`QuerySet.update()`): after the commit."""
    from .indexing import reindex

    if not hasattr(model, "public"):
        return
    key, pks = model.public.key, list(pks)
    transaction.on_commit(lambda: [reindex(key, pk) for pk in pks])
