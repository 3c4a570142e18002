"""Render the most visited pages again after an edit, in the background worker, so the
first visitor after an edit meets a cached home page and list, not a cold one."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError
from django.db.models.signals import pre_migrate
from django.test import Client
from django.urls import reverse
from django.utils.translation import override
from django_tasks import task

from . import page_groups

logger = logging.getLogger(__name__)
# Set for the rest of a process that migrates (`migrate`, a test run's set-up): its
# post_migrate receivers write content too, and the web and worker processes never migrate.
migrating = False


def migration_started(**kwargs):
    global migrating
    migrating = True


pre_migrate.connect(migration_started, dispatch_uid="page-warming-migrate")


def changed_types(ends):
    """The keys of the types whose pages the generations `ends` held."""
    return sorted(
        key
        for key in page_groups.type_of_model().values()
        if page_groups.type_key(key) in ends or page_groups.lists_key(key) in ends
    )


def warm_later(ends):
    """Enqueue one warming of the home page and the changed types' lists (called at commit).

    The edit is committed by now: a queue that cannot take the task costs only the warming.
    Nothing is warmed while migrations run: no visitor is waiting, the queue may not exist.
    """
    if not settings.PUBLIC_PAGE_WARMING or migrating:
        return
    try:
        warm_pages.enqueue(changed_types(ends))
    except DatabaseError:
        logger.warning("Page warming not enqueued: the next visitors render the pages")


def showing():
    """Pages that show records of several types, with the types whose change they show
    (None: any)."""
    from decide.kept import FINDER_TYPES

    return {"about:site_map": None, "decide:finder": set(FINDER_TYPES)}


def pages(keys):
    """The fixed list warmed, in each language: the home page, the pages of `showing()`
    that show a changed type (the site map, the incentive finder), each changed type's list."""
    from projects.content_types import public_type

    several = [name for name, types in showing().items() if types is None or types & set(keys)]
    names = ["projects:home", *several, *(public_type(key).list_url_name for key in keys)]
    found = []
    for code, _label in settings.LANGUAGES:
        with override(code):
            found.extend(reverse(name) for name in names)
    return found


def visitor():
    """GET as an anonymous visitor does, at the site's public address, so the entries it
    fills are the ones visitors' requests look up (same host, port and scheme)."""
    address = urlsplit(settings.SITE_URL)
    secure = address.scheme == "https"
    # Per request: the client's defaults would give way to its own port and scheme.
    extra = {"SERVER_PORT": str(address.port or (443 if secure else 80))}
    if secure and getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        header, value = settings.SECURE_PROXY_SSL_HEADER
        extra[header] = value
    client = Client(HTTP_HOST=address.netloc)
    return lambda page: client.get(page, secure=secure, **extra)


@task()
def warm_pages(keys):
    """GET each page once; a page already cached is a hit, so running twice is harmless."""
    get = visitor()
    # Each page's request activates its language: the worker's own is kept for its next task.
    with override(None):
        return {page: get(page).status_code for page in pages(keys)}
