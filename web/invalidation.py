"""When cached public pages go stale: after any committed write to content, or at a due time.

Pages are grouped by what they show (web/page_groups.py); a write ends the
generations of the groups it can change, so the rest of the cache survives it.

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
import uuid
from collections import Counter
from contextvars import ContextVar

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import FieldError
from django.db import DatabaseError, connections, transaction
from django.db.backends.signals import connection_created
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_migrate, post_save, pre_save
from django.utils import timezone

from . import page_groups

logger = logging.getLogger(__name__)

GENERATION_KEY = page_groups.SHARED
SCHEDULE_KEY = "public-pages:schedule"
# Deleted with every ended generation: while it stays, a process may keep what it read.
STAMP_KEY = "public-pages:stamp"
# A process keeps at most this many generations (a record's page has its own): then anew.
KNOWN_MAX = 20_000
# How often the job runs; also the longest an entry lives while the schedule is unknown.
CHECK_SECONDS = 60
# The generations and schedule one request has read: a page asks for the same few keys
# many times (the page cache, each fragment). None outside a request (RequestMemo).
_seen = ContextVar("public_pages_seen", default=None)
# Models of other apps that public pages show: the desk that answers a compared park's
# enquiries (decide/comparison.py). A write to one ends every page, as a sector's does;
# their staff lists (a desk's members and managers) are on no public page.
SHOWN_ELSEWHERE = ("enquiries.Desk", "enquiries.RoutingRule")
WRITE = re.compile(r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.I)


def content_apps():
    """Apps whose records appear on public pages: those of the declared models."""
    from projects.content_types import staff_models

    return {model._meta.app_label for model, _access in staff_models()}


def content_tables():
    """Every table of the content apps, the automatic m2m tables included, but those of
    the models their staff access marks as shown on no public page; and the tables of
    SHOWN_ELSEWHERE."""
    from projects.content_types import private_models

    private = private_models()
    tables = set()
    for label in content_apps():
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model not in private:
                tables.add(model._meta.db_table)
    tables.update(apps.get_model(label)._meta.db_table for label in SHOWN_ELSEWHERE)
    return tables


_tables = None


def table_models():
    """{table: model} of the content tables."""
    global _tables
    if _tables is None:
        names = content_tables()
        _tables = {
            model._meta.db_table: model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in names
        }
    return _tables


def written_table(sql):
    match = WRITE.match(sql) if isinstance(sql, str) else None
    if match is None or match.group(1) not in table_models():
        return None
    return match.group(1)


def writes_content(sql):
    return written_table(sql) is not None


class PendingGeneration:
    """The generations a transaction's writes end: ended once, at commit.

    Each write registers a commit callback (a rollback to a savepoint discards only
    its own), and all callbacks of a transaction share this object, so a bulk load
    ends each generation once, and warms the pages once.
    """

    done = False

    def __init__(self):
        self.ends = set()
        self.records = {}  # {model: {pk}}: edits whose records are known
        # {table: writes whose signal has not named their records yet}
        self.unconfirmed = Counter()

    def run(self):
        if not self.done:
            self.done = True
            ends = set(self.ends)
            for table, count in self.unconfirmed.items():
                if count:
                    ends |= page_groups.whole_types(table_models()[table])
            for model, pks in self.records.items():
                try:
                    ends |= page_groups.for_records(model, pks)
                except (DatabaseError, FieldError):
                    ends |= page_groups.whole_types(model)
            new_generation(ends)


def pending(using):
    """This transaction's PendingGeneration on `using`."""
    connection = connections[using]
    current = getattr(connection, "public_pages_pending", None)
    if current is None or current.done:
        current = connection.public_pages_pending = PendingGeneration()
    return current


def content_changed(using="default", ends=None):
    """Pages go stale once the transaction on `using` commits (at once outside one):
    those of the generations `ends`, or every page."""
    current = pending(using)
    current.ends |= ends if ends is not None else page_groups.everything()
    # Registered after the change is noted: outside a transaction it runs right here.
    transaction.on_commit(current.run, using=using)


def records_changed(model, pks, using="default"):
    current = pending(using)
    current.records.setdefault(model, set()).update(pks)
    transaction.on_commit(current.run, using=using)


def new_generation(ends=None):
    """The pages of the generations `ends` (default: every page) are stale from now on;
    the schedule is read again, and the most visited pages are rendered anew.

    A delete, not a write: a full Redis still accepts it, so an edit is never hidden.
    """
    ends = page_groups.everything() if ends is None else ends
    end_generations(ends)
    try:
        refresh_schedule()
    except DatabaseError:
        # The edit is committed: never fail its request; entries then live CHECK_SECONDS.
        logger.warning("Publication schedule not read: entries live %d s", CHECK_SECONDS)
        cache.delete(SCHEDULE_KEY)
        forget([SCHEDULE_KEY])
    from .warming import warm_later

    warm_later(ends)


def end_generations(keys):
    """The pages and fragments of the generations `keys` are stale from now on."""
    # One delete with the stamp: a process that then finds the stamp gone reads anew.
    cache.delete_many([*keys, STAMP_KEY])
    known.clear()
    forget(keys)


def generations(keys):
    """The current generation of each key, or None when the cache cannot keep them."""
    seen = _seen.get()
    if seen is None:
        found = read_generations(keys)
        return None if found is None else tuple(found[key] for key in keys)
    wanted = keys
    if seen.first:
        # A request's first read takes its page's keys and every type's: its fragments
        # ask for them next.
        seen.first = False
        wanted = sorted(seen.page_keys() | set(keys))
    missing = [key for key in wanted if key not in seen]
    if missing:
        found = known.read(missing, seen)
        if found is None:
            return None
        seen.update(found)
    return tuple(seen[key] for key in keys)


def read_generations(keys):
    """{key: generation} read from the cache, a missing one started; None when the
    cache cannot keep them."""
    found = cache.get_many(keys)
    absent = [key for key in keys if key not in found]
    for key in absent:
        cache.add(key, time.time_ns(), None)
    if absent:
        found.update(cache.get_many(absent))
    return found if len(found) == len(keys) else None


class Known:
    """The generations this process has read since the shared stamp last changed.

    Every end of a generation deletes the stamp with it (end_generations), so while a
    request finds the stamp these were read under, none of them has ended: a request
    whose keys are all here reads the cache once, for the stamp.
    """

    def __init__(self):
        self.clear()

    def read(self, keys, seen):
        """{key: generation} of `keys` for the request that has `seen`, or None."""
        if seen.stamp is None:
            seen.stamp = cache.get_or_set(STAMP_KEY, lambda: uuid.uuid4().hex, None)
        if seen.stamp != self.stamp or len(self.values) > KNOWN_MAX:
            # What is read from here on was read after the stamp, so it may be kept under it.
            self.stamp, self.values = seen.stamp, {}
        values = self.values
        missing = [key for key in keys if key not in values]
        if missing:
            found = read_generations(missing)
            if found is None:
                return None
            values.update(found)
        return {key: values[key] for key in keys}

    def clear(self):
        self.stamp, self.values = None, {}


known = Known()


def forget(keys):
    """This request ended the generations `keys`: it reads them again."""
    seen = _seen.get()
    for key in keys if seen is not None else ():
        seen.pop(key, None)


class Seen(dict):
    """The generations a request has read, by key."""

    def __init__(self, path):
        super().__init__()
        self.path, self.first, self.stamp = path, True, None

    def page_keys(self):
        return page_groups.everything() | set(page_groups.page_generations(self.path))


class RequestMemo:
    """Middleware: each request reads a generation (and the schedule) from the cache once.

    A generation that ends meanwhile, by this process, is read again (`forget`); one
    ended by another process is seen by the next request, as a page cached a moment
    earlier would be.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _seen.set(Seen(request.path_info))
        try:
            return self.get_response(request)
        finally:
            _seen.reset(token)


def generation():
    """The shared generation (it changes with every content write), or None."""
    current = generations([GENERATION_KEY])
    return current and current[0]


class WriteWatcher:
    """Execute wrapper: a write to a content table marks the content changed."""

    def __init__(self, alias):
        self.alias = alias

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        table = written_table(sql)
        if table is None:
            return result
        connection = connections[self.alias]
        flagged = getattr(connection, "public_pages_explained", set())
        if table in flagged and connection.in_atomic_block:
            # The write of a save or m2m change: its signal names the records before the
            # commit. (Outside a transaction the pages go at once, before the signal.)
            flagged.discard(table)
            current = pending(self.alias)
            current.unconfirmed[table] += 1
            transaction.on_commit(current.run, using=self.alias)
        else:
            flagged.discard(table)
            # Which records is not known: every page of the model's type and related types.
            content_changed(using=self.alias, ends=page_groups.whole_types(table_models()[table]))
        return result


# A save or an m2m change names its records: a narrower set of pages goes stale.


def explaining(using, table):
    """The next write to `table` on `using` is one whose records a signal will name.

    One write only: an UPDATE that finds no row and then INSERTs, or a bulk insert in
    batches, counts as unexplained. A write the signal never confirms (a save that failed
    after its UPDATE) makes the commit clear every page of the type (PendingGeneration).
    """
    connection = connections[using]
    if not hasattr(connection, "public_pages_explained"):
        connection.public_pages_explained = set()
    connection.public_pages_explained.add(table)


def explained(using, table):
    """The signal after the write: whether it is to name the records (in a transaction)."""
    connection = connections[using]
    getattr(connection, "public_pages_explained", set()).discard(table)
    if not connection.in_atomic_block:
        return False
    current = pending(using)
    if current.unconfirmed[table] > 0:
        current.unconfirmed[table] -= 1
    return True


def is_public_type(model):
    return model in page_groups.type_of_model()


def before_save(sender, using, **kwargs):
    if is_public_type(sender):
        explaining(using, sender._meta.db_table)


def after_save(sender, instance, using, **kwargs):
    if is_public_type(sender) and explained(using, sender._meta.db_table):
        records_changed(sender, {instance.pk}, using=using)


def links_changed(sender, instance, action, model, pk_set, using, **kwargs):
    table = sender._meta.db_table
    if table not in table_models():
        return  # links no public page shows: a user's groups, a desk's members
    if action not in {"pre_add", "post_add", "pre_remove", "post_remove"}:
        return  # clear: the removed links are not named, the watcher sees the write
    if not action.startswith("post"):
        explaining(using, table)
        return
    if not explained(using, table):
        return
    if is_public_type(type(instance)):
        records_changed(type(instance), {instance.pk}, using=using)
    if is_public_type(model):
        records_changed(model, set(pk_set or ()), using=using)
    if not (is_public_type(type(instance)) or is_public_type(model)):
        content_changed(using=using)


pre_save.connect(before_save, dispatch_uid="public-pages-before-save")
post_save.connect(after_save, dispatch_uid="public-pages-after-save")
m2m_changed.connect(links_changed, dispatch_uid="public-pages-links")


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
    forget([SCHEDULE_KEY])
    return schedule


def known_schedule():
    """The schedule as last checked, or None when not known (a cold cache)."""
    seen = _seen.get()
    if seen is not None and SCHEDULE_KEY in seen:
        return seen[SCHEDULE_KEY]
    found = cache.get(SCHEDULE_KEY)
    if seen is not None and found is not None:
        seen[SCHEDULE_KEY] = found
    return found


def lifetime(now=None):
    """Seconds a page stored now may be served: never past the next due publication."""
    from django.conf import settings

    now = now or timezone.now()
    longest = settings.PUBLIC_PAGE_CACHE_SECONDS
    known = known_schedule()
    if known is None:
        # Not known yet (a cold cache): the job fills it in within CHECK_SECONDS.
        return min(longest, CHECK_SECONDS)
    due = known["next_due"]
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
        end_generations(page_groups.everything())
        refresh_schedule(now)
        from .warming import warm_later

        warm_later(page_groups.everything())
        return True
    refresh_schedule(now)
    return False
