"""Hand slow work to the background worker once the data it needs is committed."""

from django.db import transaction


def enqueue_on_commit(task, *args):
    """Enqueue `task` with primary keys only, after the current transaction commits.

    Outside a transaction it is enqueued at once; a rolled-back transaction enqueues nothing.
    """
    transaction.on_commit(lambda: task.enqueue(*args))
