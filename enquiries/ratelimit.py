"""A per-client counter in Django's cache: so many actions per window, then 429."""

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from portal.security import client_ip

# (actions, seconds) per client address.
LIMITS = {
    "enquiry": (settings.ENQUIRY_RATE_LIMIT, 600),
    "lookup": (10, 600),
}


def _key(request, bucket):
    return f"enquiries:rate:{bucket}:{client_ip(request)}"


def exceeded(request, bucket):
    limit, _window = LIMITS[bucket]
    return cache.get(_key(request, bucket), 0) >= limit


def record(request, bucket):
    _limit, window = LIMITS[bucket]
    key = _key(request, bucket)
    if not cache.add(key, 1, window):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, window)


def too_many_requests(request):
    _limit, window = LIMITS["enquiry"]
    response = render(request, "enquiries/rate_limited.html", status=429)
    response["Retry-After"] = str(window)
    return response
