"""Rendered pieces of public pages kept in the default cache, so a page the page cache
cannot answer (after an edit, or one with a session) renders only what changed.

A fragment's key holds its name, the language, what it varies by, and, for a record,
the record's model, pk and `updated_at` and the generations of the page groups that
end when it may have changed (web/page_groups.py): its own record key (ended by an
edit to it, or to a linked record of another type, or by an m2m change) and its
type's "whole" key (ended by edits whose records are unknown and by writes to any
other content table: sectors, districts, images...). An edit to one park therefore
leaves the other parks' cards warm. Entries live no longer than a cached page
(`invalidation.lifetime()`: never past the next scheduled publication).

A fragment never holds a CSP nonce or a CSRF token: one that does is rendered but not
stored. When the cache fails (web/cache.py answers a miss), fragments are rendered.

    {% load fragments %}
    {% fragment "park-card" park show_sectors %}…{% endfragment %}
    {% fragment "home-parks" "park" %}…{% endfragment %}  (any record of a type)
    {% fragment "footer" None %}…{% endfragment %}  (no record: the chrome)
    {% fragment "country-page" "shared" code %}…{% endfragment %}  (anything: any edit)

Lists call `prime(name, records, *vary)` first: one cache read for the whole page,
and the records whose fragment missed come back, to fetch their full data for.
"""

import copy
import hashlib
import json
import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import invalidation, page_groups, release
from .fragment_memory import memory

logger = logging.getLogger(__name__)
# Set while a page is rendered that visitors must never get (a staff preview of draft
# values, which keep the record's pk and updated_at): nothing is read or stored.
_bypassed = ContextVar("fragments_bypassed", default=False)


@contextmanager
def bypass():
    token = _bypassed.set(True)
    try:
        yield
    finally:
        _bypassed.reset(token)


PREFIX = "fragment"
# Found in the HTML of anything per request: never stored.
PER_REQUEST_MARKS = ('nonce="', "csrfmiddlewaretoken")
# The "record" of a piece that may show records of any type (a country page).
SHARED = "shared"
# Where a primed fragment waits on its record until the template asks for it.
PRIMED = "_primed_fragments"


def type_generation(key):
    """The generation key of the content type `key` ("park"...); a typo is an error, not
    a fragment that never goes stale."""
    if key not in page_groups.type_of_model().values():
        raise ValueError(f"No public content type {key!r}")
    return page_groups.type_key(key)


def of_type(key):
    """The generations of a piece listing some records of the content type `key`: its
    type's, and every page's (sectors, districts...)."""
    return [type_generation(key), page_groups.OTHERS]


def dependencies(record):
    """The generation keys a record's fragments depend on."""
    if record == SHARED:
        return [page_groups.SHARED]  # a piece that may show anything: any content write
    if isinstance(record, str):
        # A piece showing some records of a content type (a home page section, a list's
        # results): their cards show no record of another public type.
        return of_type(record)
    if record is None:
        # A piece of no record (chrome, a map keyed by its records' stamps): what it
        # may read besides them (districts, logistics nodes) ends only with every page.
        return [page_groups.OTHERS]
    return record_dependencies(type(record), record.slug)


def record_dependencies(model, slug):
    key = page_groups.type_of_model().get(model)
    if key is None:
        return [page_groups.SHARED]  # a sector, a district...: any content write
    return [page_groups.record_key(key, slug), page_groups.whole_key(key)]


def _stamp(record):
    if record is None or isinstance(record, str):
        return str(record)
    updated = getattr(record, "updated_at", None)
    stamp = updated.isoformat() if updated else ""
    return f"{record._meta.label_lower}.{record.pk}.{stamp}"


def stamps(items):
    """One short text for what a fragment of several records shows: each record's
    model, pk and `updated_at` (other items as they are)."""
    text = "|".join(
        # json, not str(): a lazy translation's repr names its address, not its text.
        _stamp(item) if hasattr(item, "_meta") else json.dumps(item, default=str)
        for item in items
    )
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def key_for(name, record, vary, current):
    """The cache key of a fragment; `current` maps generation keys to their values."""
    parts = [name, get_language() or "", _stamp(record), *map(str, vary)]
    parts += [str(current[key]) for key in dependencies(record)]
    digest = hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()
    return f"{PREFIX}:{release.digest()}:{name}:{digest}"


def _generations(records):
    """{generation key: value} for every record, or None when the cache cannot keep them."""
    keys = sorted({key for record in records for key in dependencies(record)})
    if not keys:
        return {}
    values = invalidation.generations(keys)
    return None if values is None else dict(zip(keys, values, strict=True))


def _read_many(keys):
    """{key: value} of the `keys` found: in this process's memory, else the shared cache."""
    return memory.read_through(keys, cache, lambda value: invalidation.lifetime())


def _read(key):
    return _read_many([key]).get(key)


def _write(key, value):
    memory.write_through(key, value, cache, invalidation.lifetime())


def storable(html):
    return not any(mark in html for mark in PER_REQUEST_MARKS)


def _store(key, html):
    if not storable(html):
        logger.warning("Fragment %s holds a per-request value: not cached", key)
        return
    _write(key, html)


def _primed(record, name, vary):
    return getattr(record, PRIMED, {}).get((name, tuple(map(str, vary))))


def prime(name, records, *vary):
    """Read the fragments of `records` in one go; the records whose fragment missed."""
    records = list(records)
    current = None if _bypassed.get() else _generations(records)
    if current is None:
        return records
    keys = {key_for(name, record, vary, current): record for record in records}
    found = _read_many(list(keys))
    missing = []
    for key, record in keys.items():
        if key in found:
            primed = record.__dict__.setdefault(PRIMED, {})
            primed[(name, tuple(map(str, vary)))] = found[key]
        else:
            missing.append(record)
    return missing


def cached(name, record, render, *vary):
    """The fragment `name` of `record` (None: a fragment of no record), from the cache,
    or `render()` stored for the next time."""
    if record is not None and not isinstance(record, str):
        html = _primed(record, name, vary)
        if html is not None:
            return mark_safe(html)
    current = None if _bypassed.get() else _generations([record])
    if current is None:
        return render()
    key = key_for(name, record, vary, current)
    html = _read(key)
    if html is None:
        html = render()
        _store(key, str(html))
    return mark_safe(html)


def lookup(name, compute, depends=(page_groups.OTHERS,)):
    """A per-page lookup (filter options...) kept until a generation in `depends` ends
    (by default: until a write to a table of no public type, such as sectors)."""
    values = None if _bypassed.get() else invalidation.generations(sorted(depends))
    if values is None:
        return compute()
    parts = [name, get_language() or "", *map(str, values)]
    key = (
        f"{PREFIX}:{release.digest()}:lookup:{name}:"
        + hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()
    )
    found = _read(key)
    if found is None:
        found = compute()
        _write(key, found)
    return found


def count(type_key, filters, compute):
    """What a list of a type's records shows with `filters` (how many, which keys on a
    page), kept until the type's pages (or every page: a due publication, a sector's
    edit) go stale."""
    name = "count:" + type_key + ":" + stamps(sorted(filters.items()))
    return lookup(name, compute, of_type(type_key))


def record(model, slug, read):
    """The record of a detail page, as `read()` finds it, kept as its fragments are: until
    it or a record it shows changes. A copy: the page primes and prefetches on it."""
    name = f"record:{model._meta.label_lower}:{slug}"
    return copy.copy(lookup(name, read, record_dependencies(model, slug)))
