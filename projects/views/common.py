"""What every list page shares: a guard on the query string and pagination."""

from functools import wraps

from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode

from projects import selectors
from web import fragments
from web.caching import reads_query

# Longer query strings are not links a person followed: answer 400.
MAX_QUERY_STRING = 2000


def bounded_query(view):
    @reads_query  # the page cache keeps one entry per (known) query
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
            raise BadRequest("Query string too long.")
        return view(request, *args, **kwargs)

    return wrapper


def lazy_items(read, keys):
    """{key: the value of read()[key], read once and only when one is used}."""
    whole = SimpleLazyObject(read)
    return {key: SimpleLazyObject(lambda key=key: whole[key]) for key in keys}


def listed(request, read, keys=("page",)):
    """A list page's results (count, cards, map, pages), read only if their cached
    fragment misses: `results_key` keys that fragment by the query string (the filters,
    the page, the shortlist the cards' links carry: its pages' links repeat all of it)."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    return {"results_key": query, **lazy_items(read, keys)}


def paginate(request, items, per_page, counted=None):
    """The requested page; a malformed number gives the first, too high the last.

    `counted`: (content type key, filters) to keep the number of results in the cache
    until that type's pages go stale, instead of counting on every request."""
    paginator = Paginator(items, per_page)
    if counted is None:
        return paginator.get_page(request.GET.get("page"))
    key, filters = counted
    paginator.count = fragments.count(key, filters, items.count)
    page = paginator.get_page(request.GET.get("page"))
    # The page's records by their keys: sorting and filtering thousands of rows (upcoming
    # events by date) is done once, not on every request.
    read = {}

    def first_read():
        read["records"] = list(page.object_list)
        return [record.pk for record in read["records"]]

    ids = fragments.count(key, {**filters, "page": page.number, "per_page": per_page}, first_read)
    if "records" in read:
        page.object_list = read["records"]
    else:
        found = {record.pk: record for record in by_keys(items, ids)}
        page.object_list = [found[pk] for pk in ids if pk in found]
    return page


def by_keys(items, ids):
    """The records `ids` of the queryset `items`, read by primary key alone (with its
    joins and prefetches): the keys were chosen by its filters, which are not run again."""
    found = items.model._default_manager.filter(pk__in=ids)
    found.query.select_related = items.query.select_related
    return found.prefetch_related(*items._prefetch_related_lookups)


def related(selector, record):
    """The first RELATED_SHOWN of `selector(record)`, built and read only if the page
    uses them: not when its cached body answers."""
    return SimpleLazyObject(lambda: list(selector(record)[: selectors.RELATED_SHOWN]))


def detail_record(model, slug, selector, fragment):
    """The record `slug` of `selector(slug)` (404 if none) for a page whose body is the
    cached `fragment`. Kept with the fragments; the selector's prefetches are read only
    when that fragment misses."""

    def read():
        return get_object_or_404(selector(slug).prefetch_related(None))

    record = fragments.record(model, slug, read)
    if fragments.prime(fragment, [record]):
        prefetch_related_objects([record], *selector(slug)._prefetch_related_lookups)
    return record
