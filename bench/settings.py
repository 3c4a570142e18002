"""Production-like settings on a scratch database in BENCH_DIR (never the dev one).

Loopback is plain HTTP, so the HTTPS redirect and the CSP's upgrade of
sub-resources to HTTPS are turned off; everything else is as in production.
"""

import os
from pathlib import Path

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + "x" * 60)
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_BEHIND_PROXY", "0")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
# No proxy in front serves the uploads (the demo's photos): Django does, as `make serve`.
os.environ.setdefault("DJANGO_SERVE_MEDIA", "1")

from portal.settings import *  # noqa: E402, F403

BENCH_DIR = Path(os.environ["BENCH_DIR"])
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BENCH_DIR / "bench.sqlite3",
        "CONN_MAX_AGE": 600,
        "OPTIONS": SQLITE_OPTIONS,  # noqa: F405
    },
    # The embedded page cache's own file, in the scratch folder too.
    "cache": {**DATABASES["cache"], "NAME": BENCH_DIR / "cache.sqlite3"},  # noqa: F405
}
STATIC_ROOT = BENCH_DIR / "static"
MEDIA_ROOT = BENCH_DIR / "media"
SECURE_SSL_REDIRECT = False

_csp = globals().get("CONTENT_SECURITY_POLICY", {}).get("DIRECTIVES", {})
_csp.pop("upgrade-insecure-requests", None)

# BENCH_CACHE=0: the dummy cache (no page cache, no fragment cache), for the profiling
# helpers; the benchmark itself turns only the page cache off (DJANGO_PUBLIC_PAGE_CACHE=0).
if os.environ.get("BENCH_CACHE", "1") == "0":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
