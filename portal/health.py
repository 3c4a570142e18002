"""/healthz for load balancers: is the database reachable?"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse

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


def health_response(request):
    ok = database_ok()
    body = "ok" if ok else "database unavailable"
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
