"""Server errors: a database that does not answer is 503 (try again), not 500."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def server_error(request, template_name="500.html"):
    """handler500: called while the exception is being handled, so it can see it."""
    if isinstance(sys.exc_info()[1], UNAVAILABLE):
        # No request context: its processors could reach for the database again.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request, template_name)
