"""When cached public pages go stale: after any committed write to content, or at a due time.

One path for every change. Saves, deletes, m2m changes, `QuerySet.update()` (the
admin's publish action), bulk inserts, fixtures and raw SQL all end as an INSERT,
UPDATE or DELETE on a table of a content app; a database execute wrapper sees each
one and, once the transaction commits, starts a new generation. Doing it after the
commit matters: a visitor who reads while an editor's transaction is still open
sees the old rows, and a page stored under the generation of that moment must die
with it, not outlive the edit for PUBLIC_PAGE_CACHE_SECONDS.

A scheduled record (`publish_at` in the future) changes the pages at its time
without any write. The schedule (kept in the cache: when it was last checked and
the next `publish_at` to come) caps each entry's lifetime at the next due time,
and the periodic job `web.jobs.publish_due_pages` starts a new generation when a
`publish_at` has passed since its last run.
"""

import logging
import re
import time

from django.apps import apps
from django.core.cache import cache
from django.db import DatabaseError, connections, transaction
from django.db.backends.signals import connection_created
from django.db.models import Min
from django.db.models.signals import post_migrate
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "public-pages:generation"
SCHEDULE_KEY = "public-pages:schedule"
# How often the job runs; also the longest an entry lives while the schedule is unknown.
CHECK_SECONDS = 60
WRITE = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.I)


def content_apps():
    """Apps whose records appear on public pages: those of the declared models."""
    from projects.content_types import staff_models

    return {model._meta.app_label for model, _access in staff_models()}


def content_tables():
    """Every table of the content apps, the automatic m2m tables included, but those of
    the models their staff access marks as shown on no public page."""
    from projects.content_types import private_models

    private = private_models()
    tables = set()
    for label in content_apps():
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model not in private:
                tables.add(model._meta.db_table)
    return tables


_tables = None


def writes_content(sql):
    global _tables
    match = WRITE.match(sql) if isinstance(sql, str) else None
    if match is None:
        return False
    if _tables is None:
        _tables = content_tables()
    return match.group(1) in _tables


class PendingGeneration:
    """The new generation a transaction's writes call for: started once, at commit.

    Each write registers a commit callback (a rollback to a savepoint discards only
    its own), and all callbacks of a transaction share this object, so a bulk load
    starts one new generation, not one per row.
    """

    done = False

    def run(self):
        if not self.done:
            self.done = True
            new_generation()


def content_changed(using="default"):
    """A new generation once the transaction on `using` commits (at once outside one)."""
    connection = connections[using]
    pending = getattr(connection, "public_pages_pending", None)
    if pending is None or pending.done:
        pending = connection.public_pages_pending = PendingGeneration()
    transaction.on_commit(pending.run, using=using)


def new_generation():
    """Every cached page is stale from now on; the schedule is read again.

    A delete, not a write: a full Redis still accepts it, so an edit is never hidden.
    """
    cache.delete(GENERATION_KEY)
    try:
        refresh_schedule()
    except DatabaseError:
        # The edit is committed: never fail its request; entries then live CHECK_SECONDS.
        logger.warning("Publication schedule not read: entries live %d s", CHECK_SECONDS)
        cache.delete(SCHEDULE_KEY)


def generation():
    """The current generation, or None when the cache cannot keep one (then nothing is cached)."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        current = cache.get(GENERATION_KEY)
    return current


class WriteWatcher:
    """Execute wrapper: a write to a content table marks the content changed."""

    def __init__(self, alias):
        self.alias = alias

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if writes_content(sql):
            content_changed(using=self.alias)
        return result


def watch(sender=None, connection=None, **kwargs):
    if not any(isinstance(w, WriteWatcher) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(WriteWatcher(connection.alias))


def watch_every_connection():
    connection_created.connect(watch, dispatch_uid="public-pages-watch")
    for connection in connections.all(initialized_only=True):
        watch(connection=connection)


def forget_tables(**kwargs):
    global _tables
    _tables = None


post_migrate.connect(forget_tables, dispatch_uid="public-pages-tables")


# Scheduled publication ------------------------------------------------------------------


def scheduled_models():
    return [
        model
        for label in content_apps()
        for model in apps.get_app_config(label).get_models()
        if any(field.name == "publish_at" for field in model._meta.fields)
    ]


def next_publication(after):
    """The earliest `publish_at` later than `after`, over every content type, or None."""
    times = [
        model._default_manager.filter(publish_at__gt=after).aggregate(first=Min("publish_at"))[
            "first"
        ]
        for model in scheduled_models()
    ]
    return min((t for t in times if t is not None), default=None)


def publications_between(start, end):
    return any(
        model._default_manager.filter(publish_at__gt=start, publish_at__lte=end).exists()
        for model in scheduled_models()
    )


def refresh_schedule(now=None):
    now = now or timezone.now()
    schedule = {"checked_at": now, "next_due": next_publication(now)}
    cache.set(SCHEDULE_KEY, schedule, None)
    return schedule


def lifetime(now=None):
    """Seconds a page stored now may be served: never past the next due publication."""
    from django.conf import settings

    now = now or timezone.now()
    longest = settings.PUBLIC_PAGE_CACHE_SECONDS
    schedule = cache.get(SCHEDULE_KEY)
    if schedule is None:
        # Not known yet (a cold cache): the job fills it in within CHECK_SECONDS.
        return min(longest, CHECK_SECONDS)
    due = schedule["next_due"]
    if due is not None and due <= now:
        due = refresh_schedule(now)["next_due"]  # passed, the job has not run yet
    if due is None:
        return longest
    return max(1, min(longest, int((due - now).total_seconds())))


def publish_due(now=None):
    """Start a new generation if a `publish_at` has passed since the last check."""
    now = now or timezone.now()
    schedule = cache.get(SCHEDULE_KEY)
    # Without a record of the last check, anything may have become due meanwhile.
    if schedule is None or publications_between(schedule["checked_at"], now):
        cache.delete(GENERATION_KEY)
        refresh_schedule(now)
        return True
    refresh_schedule(now)
    return False
