"""In-process measurements: SQL queries and server time per page (Django test client)."""

import statistics
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import QueryDict
from django.templatetags.static import static
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from projects.inventory import PEER_RPS, public_pages
from projects.models import Park
from web import page_groups

TIME_CAP = 2
MIN_REQUESTS = 5


def pages(counts):
    """Every page type, on a record in the middle of the data set (neither first nor last)."""
    middle = {kind: (counts[kind] + 1) // 2 for kind in counts}
    return public_pages(
        {
            "park": f"park-{middle['park']:05d}",
            "policy": f"policy-{middle['policy']:05d}",
            "event": f"event-{middle['event']:05d}",
            "centre": f"centre-{middle['centre']:03d}",
            "site": f"site-{middle['site']:05d}",
        }
    )


def all_pages(slugs):
    """Every page type in every language, on the records `slugs` names (Lighthouse)."""
    return public_pages(slugs)


def static_css():
    return ("static CSS", static("css/site.css"))


def compared_pages(slugs):
    """The pages the peer's figures compare with, in every language, and the stylesheet."""
    compared = [(label, url) for label, url in public_pages(slugs) if base(label) in PEER_RPS]
    return [*compared, static_css()]


def load_pages(measured):
    """Under load at benchmark size: every page type in the first language, the stylesheet."""
    first = f"[{settings.LANGUAGES[0][0]}]"
    return [*((label, url) for label, url in measured if label.endswith(first)), static_css()]


def base(label):
    return label.split(" [")[0]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def edited_type(url):
    """The content type whose pages `url` belongs to (its list or a detail), else parks."""
    from projects.content_types import public_type

    match = resolve(url.split("?")[0])
    key, _kwarg = page_groups.types_by_url_name().get(match.view_name, ("park", None))
    return public_type(key).model, match.kwargs.get("slug")


def shown_parks(url):
    """The slugs of the parks a comparison at `url` shows: compared, or of compared sites."""
    from siting.models import AvailableSite

    query = QueryDict(url.partition("?")[2])
    parks = set(",".join(query.getlist("parks")).split(","))
    sites = ",".join(query.getlist("sites")).split(",")
    parks |= set(AvailableSite.objects.filter(slug__in=sites).values_list("park__slug", flat=True))
    return parks - {""}


def edit_another(url):
    """What an editor does meanwhile: save another record of the page's type (one the
    page does not show); the worker then renders the home page and that type's lists
    again (web/warming.py)."""
    from web.warming import changed_types, warm_pages

    model, slug = edited_type(url)
    shown = {slug, *shown_parks(url)} if model is Park else {slug}
    record = model.objects.published().exclude(slug__in=shown).order_by("pk").first()
    if record is None:  # the type's only record (the benchmark writes no stories)
        model, record = Park, Park.objects.order_by("pk").first()
    with transaction.atomic():  # as the admin saves: the pages of this record go
        record.save()
    warm_pages.call(changed_types(page_groups.for_records(model, [record.pk])))


def measure_one(client, url, requests):
    # The first request also fills process-wide caches (content types, translations)
    # that a running server has already filled. Then: the first visit after another
    # record of the page's type was edited (and the worker warmed the home page and
    # the lists); the first with every cache emptied (SQL cold); then fragments warm.
    # The whole-page cache is off (PUBLIC_PAGE_CACHE).
    client.get(url)
    client.get(url)
    edit_another(url)
    started = time.perf_counter()
    client.get(url)
    after_edit_ms = (time.perf_counter() - started) * 1000
    cache.clear()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(url)
    cold_ms = (time.perf_counter() - started) * 1000
    # Counted now: the next request clears the connection's query log.
    cold_queries = len(cold)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    warm_queries = len(warm)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered HTTP {response.status_code}: nothing to measure")
    durations, cpu = [], []
    # At most TIME_CAP seconds per URL (but MIN_REQUESTS), so a slow page cannot stall the run.
    deadline = time.perf_counter() + TIME_CAP
    for _request in range(requests):
        if len(durations) >= MIN_REQUESTS and time.perf_counter() > deadline:
            break
        started, started_cpu = time.perf_counter(), time.thread_time()
        client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return {
        "status": response.status_code,
        "queries": cold_queries,
        "warm_queries": warm_queries,
        "cold_ms": cold_ms,
        "after_edit_ms": after_edit_ms,
        "html_kb": len(response.content) / 1024,
        "requests": len(durations),
        "p50": statistics.median(durations),
        "p95": percentile(durations, 0.95),
        "cpu_p50": statistics.median(cpu),
    }


def measure(all_pages, requests):
    """{label: figures} for every page; a fresh client each time, like a new visitor."""
    results = {}
    for label, url in all_pages:
        # A host the production settings allow, rather than the test client's "testserver".
        client = Client(SERVER_NAME="127.0.0.1")
        results[label] = {"url": url, **measure_one(client, url, requests)}
        print(f"{label:28} {results[label]}", flush=True)
    return results
