import pytest

pytest_plugins = ["tests.browser"]


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    for item in items:
        # Every browser test is slow: CI runs the slow tests once, not once per database.
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL"))


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whatever the one before activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# Packages of this repository: their memoised functions are reset between tests.
OWN_PACKAGES = ("projects", "images", "enquiries", "localisation", "background", "web")


def own_memoised_functions():
    import sys

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in OWN_PACKAGES:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and hasattr(value, "__wrapped__"):
                    yield value


@pytest.fixture(autouse=True)
def fresh_globals():
    """Nothing global carries over from the test before: whatever order the tests run in
    (pytest-randomly shuffles them; its seed is printed), each starts from the same state.

    The time zone, the memoised functions of our apps (some are keyed by language), the
    registry of periodic jobs, and the page cache's table list and pending generation.
    """
    from django.db import connections
    from django.utils import timezone

    from background.schedule import JOBS
    from web import invalidation

    jobs = dict(JOBS)

    def reset():
        timezone.deactivate()
        for function in own_memoised_functions():
            function.cache_clear()
        JOBS.clear()
        JOBS.update(jobs)
        invalidation.forget_tables()
        for connection in connections.all(initialized_only=True):
            connection.__dict__.pop("public_pages_pending", None)
            connection.__dict__.pop("public_pages_explained", None)

    reset()
    yield
    reset()


@pytest.fixture(autouse=True)
def no_page_warming(settings):
    """Edits warm no pages in the worker, but in the tests of the warming (web/warming.py)."""
    settings.PUBLIC_PAGE_WARMING = False


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files in tests go to a temporary folder, never the real media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True, scope="session")
def local_memory_cache():
    """Tests share one in-process cache; tests of the embedded or Redis cache ask for it."""
    from django.test import override_settings

    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
    # One release for every test (web/release.py): the digest of the files is not read.
    with override_settings(CACHES={"default": local, "ratelimit": local}, RELEASE="tests"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached pages must not leak from one test's (rolled-back) data into the next."""
    from .pages import forget_kept

    forget_kept()


@pytest.fixture
def no_page_cache(settings):
    """What a visitor meets after an edit: every page rendered, its fragments kept."""
    settings.PUBLIC_PAGE_CACHE = False


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run an edit's commit callbacks (the generations it ends) as its commit would;
    returns what the edit returns."""

    def commit(edit):
        with django_capture_on_commit_callbacks(execute=True):
            return edit()

    return commit


@pytest.fixture
def cache_reads(monkeypatch):
    """Call to start counting: the list of the shared cache's reads from then on."""
    from django.core.cache import cache

    def start():
        reads, depth = [], []

        def counted(real):
            def read(*args, **kwargs):  # the local cache's get_many calls get: count one
                if not depth:
                    reads.append(args)
                depth.append(1)
                try:
                    return real(*args, **kwargs)
                finally:
                    depth.pop()

            return read

        for name in ("get", "get_many"):
            monkeypatch.setattr(cache, name, counted(getattr(cache, name)))
        return reads

    return start


@pytest.fixture
def editor(client, db):
    """A member of the Editor group, logged in on the test client."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("editor", password="a-long-editor-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client.force_login(user)
    return user


@pytest.fixture
def worker(db):
    """The background worker: `worker.run()` runs what the code under test handed to it.

    Work is enqueued after commit; a test runs inside one transaction that never commits,
    so the commit callbacks registered since the test began run first, then the queue is
    worked through once, as `manage.py db_worker --batch` does.
    """
    from unittest import mock

    from django.core.management import call_command
    from django.db import connection

    start = len(connection.run_on_commit)

    class Worker:
        def run(self):
            while len(connection.run_on_commit) > start:
                _savepoints, callback, _robust = connection.run_on_commit.pop(start)
                callback()
            # The worker drops connections between tasks, as a request does; here that
            # would close the test's own transaction on PostgreSQL.
            with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
                call_command(
                    "db_worker", batch=True, startup_delay=False, reload=False, verbosity=0
                )

    return Worker()
