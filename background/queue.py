"""Hand slow work to the background worker once the data it needs is committed."""

from django.db import transaction


def enqueue_on_commit(task, *args):
    """Enqueue `task` with primary keys only, after the current transaction commits.

    Outside a transaction it is enqueued at once; a rolled-back transaction enqueues nothing.
    """
    transaction.on_commit(lambda: task.enqueue(*args))


def in_transaction(using=None):
    """Whether a transaction is open (leaving out the one a test case wraps a test in)."""
    connection = transaction.get_connection(using)
    return any(not block._from_testcase for block in connection.atomic_blocks)
