"""What every list page shares: a guard on the query string and pagination."""

from functools import wraps

from django.core.exceptions import BadRequest
from django.core.paginator import Paginator

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


def paginate(request, items, per_page, counted=None):
    """The requested page; a malformed number gives the first, too high the last.

    `counted`: (content type key, filters) to keep the number of results in the cache
    until that type's pages go stale, instead of counting on every request."""
    paginator = Paginator(items, per_page)
    if counted is not None:
        paginator.count = fragments.count(*counted, items.count)
    return paginator.get_page(request.GET.get("page"))
