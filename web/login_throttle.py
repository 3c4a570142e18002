"""A per-user-name brake on password guessing that a stranger cannot turn into a lock.

django-axes locks one user name *from one address* after AXES_FAILURE_LIMIT
failures, so guesses spread over many addresses are never stopped by it. Here,
once a user name has LOGIN_THROTTLE_FAILURES failures from any address within
the cool-off period, an address the account never signed in from must wait
before each new try: 30 s, then twice as long after each further failure, at
most the cool-off period. Addresses the account signed in from before are not
slowed (their own axes lock-out still applies), so the real user keeps working
and, from a new address, waits at most AXES_COOLOFF_TIME.
"""

import math

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

from .security import client_ip

FIRST_DELAY_SECONDS = 30


def wait_seconds(request, username, now=None):
    """How long this address must still wait before trying this user name (0: go ahead)."""
    if not username:
        return 0
    now = now or timezone.now()
    cooloff = settings.AXES_COOLOFF_TIME
    recent = AccessAttempt.objects.filter(username=username, attempt_time__gte=now - cooloff)
    totals = recent.aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    extra = (totals["failures"] or 0) - settings.LOGIN_THROTTLE_FAILURES
    if extra < 0:
        return 0
    if AccessLog.objects.filter(username=username, ip_address=client_ip(request)).exists():
        return 0
    delay = min(FIRST_DELAY_SECONDS * 2 ** min(extra, 20), cooloff.total_seconds())
    remaining = (totals["last"] - now).total_seconds() + delay
    return max(0, math.ceil(remaining))


class ThrottledAxesBackend(AxesStandaloneBackend):
    """axes' lock-out check, plus the per-user-name brake above.

    A braked try is refused like an axes lock-out (429, password not checked)
    and, with AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT off, not counted as
    a failure, so hammering does not lengthen the wait.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and wait_seconds(request, username):
            request.axes_locked_out = True
            request.axes_credentials = {"username": username}
            raise AxesBackendPermissionDenied("Too many failed logins for this user name")
        return super().authenticate(request, username=username, password=password, **kwargs)
