"""Tests run in one transaction that never commits: run the commit callbacks by hand, so
the search index takes in the records a test wrote (search.signals)."""

from django.db import connection


def commit():
    """Run the callbacks registered for after the commit, as a real commit would."""
    while connection.run_on_commit:
        _savepoints, callback, _robust = connection.run_on_commit.pop(0)
        callback()
