"""Static files answered at the WSGI level, before Django builds a request.

A stylesheet needs none of the middleware (sessions, locale, CSP, the page cache):
serving it first keeps /static/ fast when no front proxy serves it. WhiteNoise's
Django integration is reused for its settings (max age, hashed names marked
immutable through the manifest, CORS); only the entry point differs.
"""

from django.conf import settings
from whitenoise.base import WhiteNoise
from whitenoise.middleware import WhiteNoiseMiddleware


class StaticFilesFirst(WhiteNoiseMiddleware):
    """WSGI application: a file under STATIC_URL from WhiteNoise, anything else `application`."""

    def __init__(self, application):
        super().__init__(get_response=None)
        self.application = application

    # The WSGI entry point and responder of plain WhiteNoise, not the middleware's.
    __call__ = WhiteNoise.__call__
    serve = staticmethod(WhiteNoise.serve)

    def add_cache_headers(self, headers, path, url):
        super().add_cache_headers(headers, path, url)
        # What SecurityMiddleware adds to every response; static files skip it now.
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
        headers["Cross-Origin-Opener-Policy"] = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
