"""Every filter and ordering of the public lists reads an index, not the whole table."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects import selectors
from stories.models import NewsItem, Story

pytestmark = pytest.mark.django_db

LISTS = {
    "policies": lambda: selectors.policies(),
    "policies of a park": lambda: selectors.policies(park="eco-park"),
    "policies of a sector": lambda: selectors.policies(sector="marine"),
    "upcoming events": lambda: selectors.events(),
    "past events": lambda: selectors.events(when="past"),
    "events of a sector": lambda: selectors.events(sector="marine"),
    "parks": lambda: selectors.parks(),
    "parks of a sector": lambda: selectors.parks(sector="marine"),
    "stories": lambda: Story.objects.published(),
    "news": lambda: NewsItem.objects.published(),
}


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return [row[-1] for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
@pytest.mark.parametrize("name", LISTS)
def test_public_list_reads_an_index(name):
    steps = plan(LISTS[name]())
    # "SCAN table" without an index is a full read; "SEARCH ... USING INDEX" is not.
    assert not [step for step in steps if step.startswith("SCAN") and "INDEX" not in step], steps
    assert any("public" in step for step in steps), steps


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
def test_policy_list_is_read_in_its_order():
    # The index gives the list's order: no sort of every published policy.
    assert not [step for step in plan(selectors.policies()) if "ORDER BY" in step]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
def test_policy_filter_suggestions_read_the_policies_once():
    with CaptureQueriesContext(connection) as queries:
        selectors.park_suggestions(30, with_policies=True)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + queries.captured_queries[0]["sql"])
        steps = [row[-1] for row in cursor.fetchall()]
    # A correlated subquery reads the policies once per park: seconds at 5 000 parks.
    assert not [step for step in steps if "CORRELATED" in step], steps
