"""In-process measurements: SQL queries and server time per page (Django test client)."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.quality import public_pages

# A record in the middle of the data set, so nothing is first or last.
SLUGS = {"park": "park-02500", "policy": "policy-05000", "event": "event-05000"}
SLUGS["centre"] = "centre-015"
# Pages Lighthouse visits: home, a list and a detail page, in both languages.
LIGHTHOUSE_PAGES = ("home", "park list", "park detail")


def pages():
    return public_pages(SLUGS)


def lighthouse_pages(all_pages):
    return [(label, url) for label, url in all_pages if label.split(" [")[0] in LIGHTHOUSE_PAGES]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure_one(client, url, requests):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    for _warm_up in range(2):
        client.get(url)
    durations = []
    for _request in range(requests):
        started = time.perf_counter()
        client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
    return {
        "status": response.status_code,
        "queries": len(queries),
        "html_kb": len(response.content) / 1024,
        "p50": statistics.median(durations),
        "p95": percentile(durations, 0.95),
    }


def measure(all_pages, requests):
    """{label: figures} for every page; a fresh client each time, like a new visitor."""
    results = {}
    for label, url in all_pages:
        results[label] = {"url": url, **measure_one(Client(), url, requests)}
        print(f"{label:28} {results[label]}", flush=True)
    return results
