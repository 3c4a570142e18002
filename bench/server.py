"""In-process measurements: SQL queries and server time per page (Django test client)."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from projects.inventory import public_pages

TIME_CAP = 3
MIN_REQUESTS = 5
# Pages Lighthouse visits: home, a list and a detail page, in both languages.
LIGHTHOUSE_PAGES = ("home", "park list", "park detail")


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


def lighthouse_pages(all_pages):
    return [(label, url) for label, url in all_pages if label.split(" [")[0] in LIGHTHOUSE_PAGES]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure_one(client, url, requests):
    # Counted on the second request: the first also fills process-wide caches
    # (content types, translations) that a running server has already filled.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Counted now: the next request clears the connection's query log.
    query_count = len(queries)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered HTTP {response.status_code}: nothing to measure")
    client.get(url)
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
        "queries": query_count,
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
