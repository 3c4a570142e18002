"""Whole-page cache for anonymous visitors, cleared whenever content changes.

Every public page lives under a language prefix (/en/, /zh-hans/). A GET from a
visitor without a session cookie is answered from the cache when possible; a
rendered page is stored only if it is a plain 200 that set no cookie and did
not vary on one, so pages that use the session or CSRF (the enquiry form, the
admin) are never stored. The pages carry no cookie and no `Vary: Cookie`, so a
CDN may keep them for PUBLIC_PAGE_MAX_AGE seconds too.

Entries are keyed by the content generations of the page's group (a type's pages,
a record's page, or the shared pages; web/page_groups.py): a committed write ends
those it can change (web/invalidation.py), and their old entries are never read again.
Keys hold the release too (web/release.py): a deploy renders its own pages. An entry
lives PUBLIC_PAGE_CACHE_SECONDS at most, and never past the next scheduled publication.
"""

import hashlib
import math

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date, urlencode

from . import release
from .fragment_memory import memory
from .invalidation import generations, lifetime
from .page_groups import page_generations

# Paths under a language prefix that are never cached (forms, previews).
EXCLUDED_SEGMENTS = ("/enquiry/", "/enquiries/", "/subscribe/", "/preview/")
# Response headers worth replaying; the rest are added fresh by the middleware around us.
# The ETag is stored so ConditionalGetMiddleware does not hash the page on every hit.
STORED_HEADERS = ("Content-Type", "Content-Language", "Link", "X-Frame-Options", "ETag")
# The query parameters public pages read (paging, filters, search); any other
# parameter makes the request bypass the cache, so it cannot add entries.
QUERY_PARAMETERS = {
    "page",
    "q",
    "type",  # the search page's content type
    "sector",
    "district",
    "kind",
    "category",
    "park",
    "status",
    "when",
    "country",
    "year",
    # The site list's filters and sorting (siting/forms.py SiteFilterForm).
    "area_min",
    "area_max",
    "power_min",
    "available_by",
    "node",
    "within_km",
    "sort",
    # The operating-cost estimate on a site page and the costs page (EstimateForm).
    "entry",
    "skilled",
    "engineer",
    "manager",
    "power_kwh",
    "floor_m2",
    # The comparison's shortlist (decide app).
    "parks",
    "sites",
}
MAX_QUERY_LENGTH = 200


def language_prefixes():
    return tuple(f"/{code}/" for code, _label in settings.LANGUAGES)


def is_cacheable_request(request):
    path = request.path_info
    return (
        request.method in {"GET", "HEAD"}
        and path.startswith(language_prefixes())
        and not any(segment in path for segment in EXCLUDED_SEGMENTS)
        # Signed-in staff may see drafts and carry a session: never serve them a copy.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def reads_query(view):
    """Mark a view whose page depends on its query string (filters, paging, search).

    Only such pages are cached with a query string: on any other page (a detail page
    with `?page=2`) the parameters change nothing, and storing them would only add entries.
    """
    view.reads_query = True
    return view


def query_is_read(request):
    match = getattr(request, "resolver_match", None)
    return not request.GET or getattr(match and match.func, "reads_query", False)


def is_cacheable_response(request, response):
    return (
        query_is_read(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Vary")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        # A page that used a CSP nonce must not be replayed with another header.
        and getattr(request, "_csp_nonce", None) is None
    )


def canonical_address(request):
    """scheme://host/path?query with the host lower-cased and the query sorted, or None
    when the request should not share or fill an entry: a Host port other than the one
    we listen on (the page's absolute links would carry it), a query parameter no public
    page reads, or an over-long query. So no Host or query variant multiplies entries."""
    host, port = split_domain_port(request.get_host())
    if port and port != request.get_port():
        return None
    query = sorted(request.GET.lists())
    if any(name not in QUERY_PARAMETERS for name, _values in query):
        return None
    encoded = urlencode([(name, value) for name, values in query for value in values])
    if len(encoded) > MAX_QUERY_LENGTH:
        return None
    default_port = {"http": "80", "https": "443"}[request.scheme]
    netloc = f"{host}:{port}" if port and port != default_port else host
    return f"{request.scheme}://{netloc}{request.path}" + (f"?{encoded}" if encoded else "")


def cache_key(request):
    address = canonical_address(request)
    if address is None:
        return None
    current = generations(page_generations(request.path_info))
    if current is None:
        return None
    digest = hashlib.sha256(address.encode()).hexdigest()
    # A deploy's pages are its own: a page the old release rendered is never replayed.
    return f"public-page:{release.digest()}:{'.'.join(map(str, current))}:{digest}"


def seconds_left(stored):
    """How long a stored page may still be served."""
    return stored["expires"] - timezone.now().timestamp()


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PUBLIC_PAGE_CACHE or not is_cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        stored = self.stored(key)
        if stored is not None:
            return self.replay(stored)
        response = self.get_response(request)
        # HEAD responses may have lost their body on the way: store only GETs.
        if request.method == "GET" and is_cacheable_response(request, response):
            seconds = lifetime()
            response["Last-Modified"] = http_date()
            set_response_etag(response)
            self.mark_public(response, seconds)
            frozen = self.freeze(response, timezone.now().timestamp() + seconds)
            memory.write_through(key, frozen, cache, seconds)
        return response

    @staticmethod
    def stored(key):
        """The page stored under `key`: in this process's memory (a key's page never
        changes: web/fragment_memory.py), else in the shared cache."""
        return memory.read_through([key], cache, seconds_left).get(key)

    @staticmethod
    def mark_public(response, seconds):
        # Browsers and CDNs must not keep a page past the next scheduled publication either.
        max_age = max(0, min(settings.PUBLIC_PAGE_MAX_AGE, math.ceil(seconds)))
        patch_cache_control(response, public=True, max_age=max_age)

    @staticmethod
    def freeze(response, expires):
        headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
        return {
            "content": response.content,
            "headers": headers,
            "last_modified": response["Last-Modified"],
            "expires": expires,
        }

    def replay(self, stored):
        response = HttpResponse(stored["content"])
        for name, value in stored["headers"].items():
            response[name] = value
        response["Last-Modified"] = stored["last_modified"]
        response["X-Cache"] = "hit"
        self.mark_public(response, seconds_left(stored))
        return response
