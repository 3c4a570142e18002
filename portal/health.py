"""/healthz for load balancers: is the database reachable, and what is degraded?

503 only when the database is down; a failed cache is reported in a 200's body,
as the site keeps serving without it.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse

from . import cache

logger = logging.getLogger(__name__)
PATH = "/healthz"


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        return False


def cache_status():
    """'' when the cache works; else a line saying what is degraded (the site still serves)."""
    problem = cache.probe()
    return f"degraded: {problem}; pages are served uncached" if problem else ""


def health_response(request):
    ok = database_ok()
    body = "ok" if ok else "database unavailable"
    if ok:
        body = cache_status() or body
    response = HttpResponse(
        "" if request.method == "HEAD" else body,
        status=200 if ok else 503,
        content_type="text/plain; charset=utf-8",
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers /healthz first: probes come by IP and plain HTTP, and need no session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in {"GET", "HEAD"}:
            return health_response(request)
        return self.get_response(request)
