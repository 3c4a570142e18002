"""Twenty investors at once, a slow mail server: every enquiry stored, every email once.

A real gunicorn (2 sync workers) on a file SQLite database (and on PostgreSQL in CI),
two db_worker processes, and a mail backend that takes a second per message and notes
which process called it. The web processes must never call it.
"""

import json
import re
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest

from bench.site import Site

from .enquiry_helpers import enquiry_data
from .production import production_env

SUBMISSIONS = 20
MAIL_SECONDS = 1
EMAILS = 2 * SUBMISSIONS  # the investor's acknowledgement and the desk's copy

STATE = """
import json
from enquiries.models import Enquiry, Notification
print(json.dumps({
    "emails": list(Enquiry.objects.values_list("email", flat=True)),
    "references": list(Enquiry.objects.values_list("reference", flat=True)),
    "notifications": Notification.objects.count(),
    "pending": Notification.objects.pending().count(),
    "attempts": sorted(set(Notification.objects.values_list("attempts", flat=True))),
}))
"""


def site_env(database_url, folder):
    return production_env(
        DJANGO_SETTINGS_MODULE="tests.load_settings",
        DATABASE_URL=database_url,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_BEHIND_PROXY="0",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_EMAIL_BACKEND="bench.slow_mail.SlowMailBackend",
        SLOW_MAIL_SECONDS=str(MAIL_SECONDS),
        SLOW_MAIL_LOG=str(folder / "mail.jsonl"),
        # Every submission comes from 127.0.0.1: the per-address limit must not apply.
        DJANGO_ENQUIRY_RATE_LIMIT="1000",
    )


def sent_mail(folder):
    path = folder / "mail.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines()]


def wait_for_mail(folder, count, seconds):
    deadline = time.monotonic() + seconds
    while len(sent_mail(folder)) < count and time.monotonic() < deadline:
        time.sleep(0.5)
    # Long enough for a duplicate, if there were one, to arrive too.
    time.sleep(2 * MAIL_SECONDS)
    return sent_mail(folder)


def investor(number):
    return enquiry_data(name=f"Investor {number}", email=f"investor{number}@load.example")


def run_load(database_url, folder):
    site = Site(folder, site_env(database_url, folder))
    try:
        site.manage("migrate", "--no-input")
        site.start_web()
        site.start_workers(2)
        worker_pids = {process.pid for process in site.workers}
        started = time.perf_counter()
        with ThreadPoolExecutor(SUBMISSIONS) as pool:
            submissions = list(pool.map(lambda n: site.submit(investor(n)), range(SUBMISSIONS)))
        submitted = time.perf_counter() - started
        web_pids = site.web_pids()
        # Two workers sharing the emails need about EMAILS / 2 mail-server seconds.
        mail = wait_for_mail(folder, EMAILS, EMAILS * MAIL_SECONDS + 60)
        drained = time.perf_counter() - started
        site.stop_workers()
        state = site.query(STATE)
        access_log = site.log("gunicorn")
    finally:
        site.close()
    figures = {
        "submissions": SUBMISSIONS,
        "submitted_in_s": round(submitted, 2),
        "max_thank_you_s": round(max(s.seconds for s in submissions), 2),
        "emails_sent": len(mail),
        "all_sent_after_s": round(drained, 1),
    }
    print(f"Load test on {database_url.split(':')[0]}: {figures}")
    return submissions, mail, state, access_log, worker_pids, web_pids


def check(database_url, folder):
    submissions, mail, state, access_log, worker_pids, web_pids = run_load(database_url, folder)

    # Every investor got the form, a redirect and a thank-you page with a reference.
    assert {(s.form_status, s.post_status, s.thanks_status) for s in submissions} == {
        (200, 302, 200)
    }
    assert not re.search(r'" 5\d\d ', access_log), "a request answered 5xx"
    assert sorted(state["references"]) == sorted(s.reference for s in submissions)

    # Each enquiry stored exactly once.
    assert sorted(state["emails"]) == sorted(investor(n)["email"] for n in range(SUBMISSIONS))

    # Only the background workers spoke to the mail server, and both of them did.
    callers = {line["pid"] for line in mail}
    assert {line["role"] for line in mail} == {"worker"}
    assert callers == worker_pids and not callers & web_pids

    # Every email sent exactly once, none left pending, none claimed twice.
    sent = Counter((tuple(line["to"]), line["subject"]) for line in mail)
    assert len(mail) == EMAILS and set(sent.values()) == {1}
    acknowledged = {line["to"][0] for line in mail if line["subject"].startswith("Your enquiry")}
    assert acknowledged == set(state["emails"])
    assert state["notifications"] == EMAILS and state["pending"] == 0
    assert state["attempts"] == [1]


@pytest.mark.slow
def test_load_on_a_file_sqlite_database(tmp_path):
    check(f"sqlite:///{tmp_path / 'load.sqlite3'}", tmp_path)


@pytest.fixture
def postgres_database():
    """A database of its own on the PostgreSQL server the suite runs on."""
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    name = f"portal_load_{int(time.time())}"
    server = {
        "host": db["HOST"],
        "port": db["PORT"],
        "user": db["USER"],
        "password": db["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield (
                f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'])}"
                f"@{db['HOST']}:{db['PORT']}/{name}"
            )
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_load_on_postgresql(postgres_database, tmp_path):
    check(postgres_database, tmp_path)
