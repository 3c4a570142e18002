"""/healthz for load balancers and operators: a short list of named checks.

200 while the database answers, with a body saying what is degraded (the worker not
seen lately, emails waiting); 503 only when the database is unreachable.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone

from . import cache

logger = logging.getLogger(__name__)
PATH = "/healthz"
# An email still unsent after this long means the worker or the mail server is stuck.
EMAIL_MAX_WAIT = timedelta(minutes=15)


@dataclass(frozen=True)
class Status:
    ok: bool
    detail: str


def minutes(age):
    return f"{age.total_seconds() / 60:.0f} min"


def database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            ok = cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        ok = False
    return Status(ok, "ok" if ok else "unavailable")


def worker():
    """The worker is alive if it finished the scheduler's one-minute heartbeat lately."""
    from background.jobs import heartbeat
    from background.models import JobRun

    seen = (
        JobRun.objects.filter(name=heartbeat.module_path)
        .values_list("last_finished_at", flat=True)
        .first()
    )
    if seen is None:
        return Status(False, "never seen (are db_worker and run_scheduler running?)")
    age = timezone.now() - seen
    if age > settings.WORKER_HEARTBEAT_MAX_AGE:
        return Status(False, f"not seen for {minutes(age)}")
    return Status(True, f"seen {age.total_seconds():.0f} s ago")


def email():
    from enquiries.models import Notification

    oldest = Notification.objects.pending().aggregate(oldest=Min("created_at"))["oldest"]
    if oldest is None:
        return Status(True, "none waiting")
    age = timezone.now() - oldest
    return Status(age <= EMAIL_MAX_WAIT, f"oldest unsent email waiting {minutes(age)}")


def cache_status():
    """The site still serves with a failed cache: pages are then rendered uncached."""
    problem = cache.probe()
    return Status(not problem, f"{problem}; pages are served uncached" if problem else "ok")


# Named checks, in the order shown; only a failed database makes the answer 503.
CHECKS = [
    ("database", database),
    ("worker", worker),
    ("email", email),
    ("cache", cache_status),
]
CRITICAL = {"database"}


def run_checks():
    results = {}
    for name, check in CHECKS:
        try:
            results[name] = check()
        except DatabaseError:
            results[name] = Status(False, "unknown: database unavailable")
    return results


def health_response(request):
    results = run_checks()
    critical = any(not results[name].ok for name in CRITICAL)
    degraded = any(not status.ok for status in results.values())
    summary = "database unavailable" if critical else "degraded" if degraded else "ok"
    lines = [summary] + [
        f"{name}: {'' if status.ok else 'DEGRADED: '}{status.detail}"
        for name, status in results.items()
    ]
    response = HttpResponse(
        "" if request.method == "HEAD" else "\n".join(lines) + "\n",
        status=503 if critical else 200,
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
