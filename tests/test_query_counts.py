"""Every public page runs the same number of SQL queries with ten times the content,
within its budget (projects/inventory.py), in every language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects import inventory

from .pages import warm_up
from .quality import make_sample_content

pytestmark = pytest.mark.django_db
COPIES = 10


def query_counts(client, pages):
    """{label: (cold, warm)}: fragments cold (cache just emptied), then warm."""
    counts = {}
    for label, url in pages:
        warm_up(client, url)
        with CaptureQueriesContext(connection) as cold:
            assert client.get(url).status_code == 200, label
        with CaptureQueriesContext(connection) as warm:
            assert client.get(url).status_code == 200, label
        counts[label] = (len(cold), len(warm))
    return counts


def test_query_counts_do_not_grow_with_ten_times_the_content(client, no_page_cache):
    # The whole-page cache off: every request renders (fragment caches stay on).
    pages = inventory.public_pages(make_sample_content())
    once = query_counts(client, pages)
    for _copy in range(COPIES - 1):
        make_sample_content(again=True)
    tenfold = query_counts(client, pages)
    grown = {
        label: (once[label], tenfold[label]) for label in once if once[label] != tenfold[label]
    }
    assert grown == {}, "(cold, warm) queries at 1× and 10×"
    over = {
        label: (cold, inventory.page(label).queries)
        for label, (cold, _warm) in tenfold.items()
        if cold > inventory.page(label).queries
    }
    assert over == {}, "(cold queries, budget)"
