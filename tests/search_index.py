"""Tests run in one transaction that never commits: run the commit callbacks by hand, so
the search index takes in the records a test wrote (search.signals)."""

from django.db import connection


def commit():
    """Run the callbacks registered for after the commit, as a real commit would."""
    while connection.run_on_commit:
        _savepoints, callback, _robust = connection.run_on_commit.pop(0)
        callback()


def found(query, language="en", key=None):
    """The URLs of every hit of `query`, best first, as the search page in `language` ranks them."""
    from django.utils import translation

    from projects import selectors

    commit()
    with translation.override(language):
        results = selectors.search(query, key).results
        return [hit.url for hit in results[0 : results.count()]]


def url(record, language="en"):
    from django.utils import translation

    with translation.override(language):
        return record.get_absolute_url()
