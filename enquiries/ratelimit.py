"""A per-client counter in Django's cache: so many actions per window, then 429.

The counters live in the "ratelimit" cache: Redis when configured, falling back
to the embedded database cache while Redis is down or full, so the limits keep
holding across workers. Should that fail too, the action is allowed and a
warning logged: refusing would turn a cache fault into a lost enquiry.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.shortcuts import render

from web.cache import CacheUnavailable
from web.security import client_ip

logger = logging.getLogger(__name__)

# (actions, seconds) per client address.
LIMITS = {
    "enquiry": (settings.ENQUIRY_RATE_LIMIT, 600),
    "lookup": (10, 600),
}


def _key(request, bucket):
    return f"enquiries:rate:{bucket}:{client_ip(request)}"


def counters():
    return caches["ratelimit"]


def exceeded(request, bucket):
    limit, _window = LIMITS[bucket]
    return counters().get(_key(request, bucket), 0) >= limit


def record(request, bucket):
    _limit, window = LIMITS[bucket]
    key = _key(request, bucket)
    cache = counters()
    if cache.add(key, 1, window):
        return
    try:
        cache.incr(key)
        return
    except ValueError:  # expired between add() and incr(), or the cache answers nothing
        if cache.add(key, 1, window):
            return
    except CacheUnavailable:
        pass
    logger.warning("Rate limit %s not counted: no cache answers", bucket)


def too_many_requests(request):
    _limit, window = LIMITS["enquiry"]
    response = render(request, "enquiries/rate_limited.html", status=429)
    response["Retry-After"] = str(window)
    return response
