"""Cache failure is not site failure: a stopped or full real Redis, the shared embedded cache."""

import os
import subprocess
import sys
from unittest import mock

import pytest
import redis
from django.core.cache import caches
from django.core.management import call_command
from django.db import DatabaseError, connections
from django.test import RequestFactory, override_settings
from django.urls import reverse

from enquiries import ratelimit
from enquiries.models import Enquiry
from portal import settings as portal_settings

from .enquiry_helpers import enquiry_data
from .factories import make_centre, make_event, make_park, make_policy
from .production import BASE_DIR
from .quality import public_pages
from .redis_server import RedisServer
from .siting_helpers import make_site

pytestmark = [
    pytest.mark.django_db(databases=["default", "cache"]),
    pytest.mark.urls("portal.urls"),
]


@pytest.fixture
def pages():
    slugs = {
        "park": make_park(name_en="Blue Silicon Valley").slug,
        "policy": make_policy().slug,
        "event": make_event().slug,
        "centre": make_centre().slug,
        "site": make_site().slug,
    }
    return [url for _label, url in public_pages(slugs) if "/enquiry/" not in url]


def use_caches(config):
    """Switch to `config` and create the embedded cache's table (in the test database)."""
    override = override_settings(CACHES=config)
    override.enable()
    call_command("createcachetable", database="cache", verbosity=0)
    return override


@pytest.fixture
def redis_server():
    servers = []

    def start(*options):
        servers.append(RedisServer(*options))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def redis_caches(redis_server):
    overrides = []

    def configure(*options):
        server = redis_server(*options)
        overrides.append(use_caches(server.caches()))
        return server

    yield configure
    for override in overrides:
        override.disable()


def post_enquiry(client, **fields):
    return client.post(reverse("enquiries:form"), enquiry_data(**fields))


def test_redis_down_pages_render_enquiries_are_stored_health_says_degraded(
    client, pages, redis_caches
):
    server = redis_caches()
    assert client.get(pages[0]).status_code == 200
    assert client.get(pages[0])["X-Cache"] == "hit"  # Redis really was in use
    assert b"\ncache: ok\n" in client.get("/healthz").content

    server.stop()
    responses = [client.get(url) for url in pages * 3]
    assert [r.status_code for r in responses] == [200] * len(responses)
    assert not any(r.has_header("X-Cache") for r in responses)

    response = post_enquiry(client)
    assert response.status_code == 302
    assert Enquiry.objects.count() == 1

    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.content.startswith(b"degraded\n")
    assert b"\ncache: DEGRADED: cache unavailable" in health.content


def test_redis_down_rate_limits_fall_back_to_the_embedded_cache(client, redis_caches):
    server = redis_caches()
    server.stop()
    limit, _window = ratelimit.LIMITS["enquiry"]
    statuses = [post_enquiry(client).status_code for _post in range(limit + 1)]
    assert statuses == [302] * limit + [429]
    assert Enquiry.objects.count() == limit
    # The counter is in the embedded (database) cache, which every worker shares.
    assert caches["embedded"].get("enquiries:rate:enquiry:127.0.0.1") == limit


def test_redis_full_pages_still_render_and_edits_show(
    client, pages, redis_caches, django_capture_on_commit_callbacks
):
    server = redis_caches("--maxmemory", "1mb", "--maxmemory-policy", "noeviction")
    park_page = next(url for url in pages if url.startswith("/en/parks/") and url != "/en/parks/")
    client.get(park_page)
    fill(server)
    responses = [client.get(url) for url in pages * 3]
    assert [r.status_code for r in responses] == [200] * len(responses)
    assert post_enquiry(client).status_code == 302
    assert Enquiry.objects.count() == 1

    # An edit made while Redis refuses writes is still visible at once.
    from projects.models import Park

    park = Park.objects.get(name_en="Blue Silicon Valley")
    park.name_en = "Blue Silicon Valley Phase II"
    with django_capture_on_commit_callbacks(execute=True):  # cleared once committed
        park.save()
    assert b"Phase II" in client.get(park_page).content

    health = client.get("/healthz")
    assert health.status_code == 200
    assert b"cache: DEGRADED" in health.content and b"maxmemory" in health.content


def fill(server):
    """Write until Redis answers with its out-of-memory error."""
    client = redis.Redis.from_url(server.url)
    with pytest.raises(redis.exceptions.ResponseError, match="maxmemory"):
        for number in range(10_000):
            client.set(f"filler:{number}", b"x" * 10_000)
    client.close()


def test_healthz_is_503_only_for_the_database(client, redis_caches):
    redis_caches().stop()
    with mock.patch("web.health.connection.cursor", side_effect=DatabaseError("gone")):
        assert client.get("/healthz").status_code == 503


# The embedded cache -------------------------------------------------------------------


@pytest.fixture
def embedded():
    override = use_caches(
        {"default": portal_settings.EMBEDDED_CACHE, "ratelimit": portal_settings.EMBEDDED_CACHE}
    )
    yield caches["default"]
    override.disable()


def test_two_cache_connections_see_the_same_entries(embedded):
    first = caches["default"]
    second = caches["ratelimit"]
    assert first is not second
    first.set("shared", "seen by every worker")
    assert second.get("shared") == "seen by every worker"
    with connections["cache"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM portal_cache")
        assert cursor.fetchone() == (1,)


def test_the_embedded_cache_is_bounded(embedded):
    bounded = {**portal_settings.EMBEDDED_CACHE, "OPTIONS": {"MAX_ENTRIES": 10}}
    with override_settings(CACHES={"default": bounded}):
        cache = caches["default"]
        for number in range(40):
            cache.set(f"page:{number}", "x" * 100)
        with connections["cache"].cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM portal_cache")
            (count,) = cursor.fetchone()
    assert count <= 10


def test_pages_are_cached_in_the_embedded_cache(client, pages, embedded):
    client.get(pages[0])
    assert client.get(pages[0])["X-Cache"] == "hit"


def test_the_embedded_cache_missing_its_table_is_a_miss_not_an_error(client, pages, embedded):
    with connections["cache"].cursor() as cursor:
        cursor.execute("DROP TABLE portal_cache")
    assert [client.get(url).status_code for url in pages] == [200] * len(pages)
    assert post_enquiry(client).status_code == 302
    assert b"cache: DEGRADED" in client.get("/healthz").content


# Two processes, as two gunicorn workers: one real SQLite cache file -------------------

WORKER_A = """
from django.test import RequestFactory
from enquiries import ratelimit
from web.invalidation import content_changed, generation
request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
for _ in range(ratelimit.LIMITS["enquiry"][0]):
    ratelimit.record(request, "enquiry")
content_changed()
print(generation())
"""
WORKER_B = """
from django.test import RequestFactory
from enquiries import ratelimit
from web.invalidation import generation
request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
print(ratelimit.exceeded(request, "enquiry"), generation())
"""


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


@pytest.mark.django_db(databases=[])
def test_two_worker_processes_share_limits_and_invalidation(tmp_path):
    env = {**os.environ, "DJANGO_CACHE_DATABASE": str(tmp_path / "cache.sqlite3")}
    env.pop("REDIS_URL", None)
    manage(env, "createcachetable", "--database", "cache")
    generation_a = manage(env, "shell", "-c", WORKER_A)
    exceeded_b, generation_b = manage(env, "shell", "-c", WORKER_B).split()
    assert exceeded_b == "True"
    assert generation_b == generation_a


def test_rate_limit_allows_and_logs_when_no_cache_answers(embedded, caplog):
    with connections["cache"].cursor() as cursor:
        cursor.execute("DROP TABLE portal_cache")
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    ratelimit.record(request, "enquiry")
    assert not ratelimit.exceeded(request, "enquiry")
    assert "not counted" in caplog.text


def test_a_cache_fault_is_logged_once_not_per_request(client, pages, embedded, caplog):
    with connections["cache"].cursor() as cursor:
        cursor.execute("DROP TABLE portal_cache")
    # A still clock: every request falls within one RETRY_SECONDS however slow the machine.
    with mock.patch("web.cache.time.monotonic", return_value=1000.0):
        for url in pages * 3:
            client.get(url)
    warnings = [r for r in caplog.records if r.name == "web.cache"]
    assert len(warnings) == 1
