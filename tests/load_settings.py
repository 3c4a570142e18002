"""Production settings for a server started by a test, without collected static files.

Everything else (DEBUG off, cookies, security middleware) is as in production;
the database comes from DATABASE_URL.
"""

from portal.settings import *  # noqa: F403
from portal.settings import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
