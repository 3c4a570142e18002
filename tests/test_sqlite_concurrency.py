"""A SQLite file: two writers that each read then write wait for each other, none fails."""

import threading
import time

import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler

from tests import production


def writers_collide(path, options):
    """Two transactions that read, pause, then write; returns the errors they met."""
    handler = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": options}}
    )
    setup = handler.create_connection("default")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS counter (n INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    setup.close()
    errors = []
    barrier = threading.Barrier(2)

    def writer():
        connection = handler.create_connection("default")
        try:
            barrier.wait()
            # What transaction.atomic() does: BEGIN in the configured mode.
            connection.ensure_connection()
            connection._start_transaction_under_autocommit()
            with connection.cursor() as cursor:
                cursor.execute("SELECT n FROM counter")
                time.sleep(1)
                cursor.execute("UPDATE counter SET n = n + 1")
                connection.commit()
        except OperationalError as error:
            errors.append(str(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=writer) for _number in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_file_databases_get_wal_immediate_and_a_timeout():
    options = production.load(DATABASE_URL="sqlite:////tmp/portal.sqlite3")["DATABASES"]["default"][
        "OPTIONS"
    ]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"] and options["timeout"] >= 5


def test_in_memory_databases_are_left_alone():
    settings = production.load(DATABASE_URL="sqlite://:memory:")
    assert "OPTIONS" not in settings["DATABASES"]["default"]


@pytest.mark.parametrize("mode", ["DEFERRED", "IMMEDIATE"])
def test_concurrent_read_then_write(tmp_path, mode, django_db_blocker):
    settings = production.load(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    options = {**settings["SQLITE_OPTIONS"], "transaction_mode": mode}
    with django_db_blocker.unblock():
        errors = writers_collide(str(tmp_path / "db.sqlite3"), options)
    if mode == "IMMEDIATE":
        assert errors == []
    else:  # what the portal avoids: the second writer cannot upgrade its read lock
        assert errors and "locked" in errors[0]
