import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django_application = get_wsgi_application()

# Imported once Django is set up: /static/ is answered before any middleware runs.
from web.static_files import StaticFilesFirst  # noqa: E402

application = StaticFilesFirst(django_application)
