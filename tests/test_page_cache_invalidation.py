"""The page cache under concurrency: after-commit invalidation, one path, due publications."""

import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import path
from django.utils import timezone

from projects.models import Event, Park
from web import invalidation
from web.caching import PublicPageCacheMiddleware
from web.jobs import publish_due_pages

from .factories import make_event, make_park, make_sector


def park_list(request):
    names = ", ".join(p.name for p in Park.objects.published().order_by("slug"))
    return HttpResponse(f"<!doctype html><title>Parks</title><p>{names}</p>")


def event_list(request):
    names = ", ".join(e.name for e in Event.objects.published().order_by("slug"))
    return HttpResponse(f"<!doctype html><title>Events</title><p>{names}</p>")


urlpatterns = i18n_patterns(path("parks/", park_list), path("events/", event_list))
pytestmark = pytest.mark.urls(__name__)


def visit(page, render):
    """A visitor's GET of `page` through the page cache, the view answering `render()`."""
    request = RequestFactory().get(page)
    return PublicPageCacheMiddleware(lambda request: HttpResponse(render()))(request)


# The stale-page race --------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_visitor_during_the_editors_transaction_does_not_keep_the_old_page():
    """The visitor reads committed rows (the old name) while the editor's save is open."""
    park = make_park(name_en="Old name")
    with transaction.atomic():
        park.name_en = "New name"
        park.save()
        # Another connection sees the old row and stores the old page now.
        stored = visit("/en/parks/", lambda: "Old name")
        assert stored.content == b"Old name"
    # Committed: the next visitor gets the new page, not the old one for 300 s.
    assert b"New name" in Client().get("/en/parks/").content


@pytest.mark.django_db(transaction=True)
def test_nothing_changes_for_visitors_while_the_edit_is_uncommitted():
    park = make_park(name_en="Old name")
    before = invalidation.generation()
    with transaction.atomic():
        park.name_en = "New name"
        park.save()
        assert invalidation.generation() == before
    assert invalidation.generation() != before


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_edit_leaves_the_cache_alone():
    park = make_park(name_en="Old name")
    before = invalidation.generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        park.name_en = "New name"
        park.save()
        raise RuntimeError("editor's request failed")
    assert invalidation.generation() == before


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_race_with_two_connections():
    """An editor's save and a visitor's request on two real connections, interleaved."""
    park = make_park(name_en="Old name")
    saved, visited = threading.Event(), threading.Event()

    def editor():
        try:
            with transaction.atomic():
                park.name_en = "New name"
                park.save()
                saved.set()
                visited.wait(10)
        finally:
            connection.close()

    def visitor():
        try:
            saved.wait(10)
            assert b"Old name" in Client().get("/en/parks/").content  # not committed yet
            visited.set()
        finally:
            connection.close()

    threads = [threading.Thread(target=editor), threading.Thread(target=visitor)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert visited.is_set()
    assert b"New name" in Client().get("/en/parks/").content


# One path for every change ------------------------------------------------------------


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the writes inside hand over at commit, as a real commit does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def changes_generation(change, committed):
    before = invalidation.generation()
    with committed():
        change()
    return invalidation.generation() != before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda park: park.save(), id="save"),
        pytest.param(lambda park: park.delete(), id="delete"),
        pytest.param(lambda park: park.sectors.add(make_sector()), id="m2m"),
        pytest.param(
            lambda park: Park.objects.filter(pk=park.pk).update(status="draft"), id="update"
        ),
        pytest.param(lambda park: Park.objects.filter(pk=park.pk).delete(), id="queryset-delete"),
        pytest.param(lambda park: Park.objects.bulk_update([park], ["status"]), id="bulk-update"),
    ],
)
def test_every_kind_of_write_starts_a_new_generation(change, committed):
    park = make_park()
    assert changes_generation(lambda: change(park), committed)


@pytest.mark.django_db
def test_raw_sql_on_a_content_table_counts_too(committed):
    park = make_park()

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Park._meta.db_table} SET status = 'draft' WHERE id = %s", [park.pk]
            )

    assert changes_generation(raw, committed)


@pytest.mark.django_db
def test_writes_elsewhere_keep_the_cache(committed):
    from django.contrib.auth.models import User

    assert not changes_generation(lambda: User.objects.create_user("visitor"), committed)


@pytest.mark.django_db
def test_a_bulk_load_starts_one_new_generation(committed):
    with mock.patch.object(invalidation, "new_generation") as new_generation, committed():
        for number in range(5):
            make_park(slug=f"park-{number}")
    assert new_generation.call_count == 1


# Scheduled publication ----------------------------------------------------------------

NOW = timezone.now().replace(microsecond=0)


@pytest.fixture
def clock():
    """A fixed clock for the publication rules and the cache's lifetimes."""

    class Clock:
        now = NOW

        def advance(self, seconds):
            self.now += timedelta(seconds=seconds)

    fixed = Clock()
    with mock.patch("django.utils.timezone.now", lambda: fixed.now):
        yield fixed


def stored_lifetime(page):
    """Seconds the page cache will keep the entry stored for `page`."""
    from web.caching import cache_key

    key = cache.make_and_validate_key(cache_key(RequestFactory().get(page)))
    return cache._expire_info[key] - time.time()


@pytest.mark.django_db
def test_a_scheduled_publication_appears_at_its_time(client, clock, committed, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    with committed():
        make_event(name_en="Qingdao Expo", publish_at=NOW + timedelta(seconds=90))
    assert b"Qingdao Expo" not in client.get("/en/events/").content
    # The entry lives until the publication is due, not 300 s.
    assert 85 < stored_lifetime("/en/events/") <= 90
    assert client.get("/en/events/")["Cache-Control"] == "public, max-age=60"
    clock.advance(60)
    hit = client.get("/en/events/")
    assert hit["X-Cache"] == "hit"
    assert hit["Cache-Control"] == "public, max-age=30"  # nor do browsers keep it longer
    clock.advance(31)
    # Due: the scheduler's job starts a new generation, so no copy outlives the due time.
    assert publish_due_pages.call() is True
    page = client.get("/en/events/")
    assert "X-Cache" not in page
    assert b"Qingdao Expo" in page.content


@pytest.mark.django_db
def test_the_job_leaves_the_cache_alone_when_nothing_became_due(client, clock, committed):
    with committed():
        make_event(publish_at=NOW + timedelta(hours=2))
    client.get("/en/events/")
    clock.advance(60)
    assert publish_due_pages.call() is False
    assert client.get("/en/events/")["X-Cache"] == "hit"


@pytest.mark.django_db
def test_without_a_schedule_entries_live_one_check_at_most(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.delete(invalidation.SCHEDULE_KEY)  # a cold cache: the job fills it in
    client.get("/en/parks/")
    assert stored_lifetime("/en/parks/") <= invalidation.CHECK_SECONDS
    assert publish_due_pages.call() is True  # the first run cannot know what became due
    assert cache.get(invalidation.SCHEDULE_KEY) is not None


@pytest.mark.django_db
def test_without_scheduled_records_entries_live_the_full_time(client, committed, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    with committed():
        make_park()
    client.get("/en/parks/")
    assert 295 < stored_lifetime("/en/parks/") <= 300


def test_the_job_is_registered():
    from background.schedule import JOBS

    assert JOBS[publish_due_pages.module_path].every == timedelta(seconds=60)
