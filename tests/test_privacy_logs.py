"""No personal data in logs: none logged by the code, email addresses masked as a safety net."""

import json
import logging
import runpy
import smtplib
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from enquiries.models import Enquiry
from web.logs import JSONFormatter, MaskEmailAddresses, logged_username

from .enquiry_helpers import enquiry_data

pytestmark = pytest.mark.django_db

INVESTOR = {
    "name": "Zoltan Quixote",
    "company": "Quixote Windmills Kft",
    "email": "zoltan.q@private-mail.example",
    "phone": "+36 1 555 0199",
    "message": "Our confidential expansion plan for a windmill plant.",
}
REFUSING_BACKEND = "tests.test_privacy_logs.RefusingBackend"


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses the recipient and quotes the address in its error."""

    def send_messages(self, email_messages):
        refused = {
            address: (550, b"mailbox unavailable")
            for message in email_messages
            for address in message.recipients()
        }
        raise smtplib.SMTPRecipientsRefused(refused)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def submit(client, language="en"):
    return client.post(f"/{language}/enquiry/", enquiry_data(**INVESTOR))


def everything_logged(caplog):
    """The log text and every argument and extra of every record, as one string."""
    parts = [caplog.text]
    for record in caplog.records:
        parts += [str(record.msg), repr(record.args), repr(vars(record))]
    return "\n".join(parts)


def personal_values_in(text):
    return [value for value in INVESTOR.values() if value in text]


@pytest.fixture
def verbose_worker(monkeypatch):
    """The background worker with its own logging at DEBUG, so that its lines are checked too."""
    # Inside the test's transaction the worker would close PostgreSQL's connection.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=3)

    yield run
    for name in ("django_tasks", "django_tasks_db"):  # set by the command: start clean
        logging.getLogger(name).setLevel(logging.NOTSET)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_enquiry_leaves_no_personal_data_in_logs_or_task_rows(
    client, verbose_worker, caplog, django_capture_on_commit_callbacks, language
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(client, language).status_code == 302
    verbose_worker()
    enquiry = Enquiry.objects.get()
    assert enquiry.notifications.pending().count() == 0  # both emails went out
    assert "path=enquiries.notifications.send_email" in caplog.text
    assert personal_values_in(everything_logged(caplog)) == []
    rows = DBTaskResult.objects.all()
    assert rows.count() == 2
    for row in rows:
        stored = json.dumps([row.args_kwargs, row.return_value, row.traceback], default=str)
        assert personal_values_in(stored) == []


def test_a_mail_servers_error_quoting_the_address_is_masked(
    client, verbose_worker, caplog, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING_BACKEND
    caplog.handler.addFilter(MaskEmailAddresses())  # as on the configured handlers
    caplog.set_level(logging.INFO)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)
    verbose_worker()
    assert "not sent" in caplog.text
    assert INVESTOR["email"] not in caplog.text
    assert "[email address]" in caplog.text


def record_with_addresses():
    try:
        raise ValueError("bad recipient anna@nordsee.example")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "enquiries", logging.WARNING, __file__, 1, "sent to %s", ("kim@hanbit.example",), exc_info
    )
    record.recipient = "lee@hanbit.example"
    return record


@pytest.mark.parametrize("formatter", [JSONFormatter(), logging.Formatter("%(message)s")])
def test_filter_masks_addresses_in_message_arguments_extras_and_traceback(formatter):
    record = record_with_addresses()
    assert MaskEmailAddresses().filter(record) is True
    line = formatter.format(record)
    for address in ("anna@nordsee.example", "kim@hanbit.example", "lee@hanbit.example"):
        assert address not in line
    assert "sent to [email address]" in line
    assert "ValueError: bad recipient [email address]" in line


def test_filter_leaves_other_lines_alone():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "Email %s sent", (42,), None)
    MaskEmailAddresses().filter(record)
    assert record.getMessage() == "Email 42 sent"


def test_every_configured_handler_masks_addresses(settings):
    for name, handler in settings.LOGGING["handlers"].items():
        assert "personal_data" in handler["filters"], name
    root = logging.getLogger()
    assert any(
        isinstance(f, MaskEmailAddresses) for handler in root.handlers for f in handler.filters
    )
    gunicorn = runpy.run_path(str(Path(__file__).parents[1] / "portal/gunicorn.conf.py"))
    for name, handler in gunicorn["logconfig_dict"]["handlers"].items():
        assert "personal_data" in handler["filters"], name


def fail_login(client, username):
    return client.post(
        reverse("admin:login"), {"username": username, "password": "not-the-password"}
    )


def test_failed_logins_log_a_hash_unless_the_name_is_a_staff_account(client, caplog):
    from django.contrib.auth.models import User

    User.objects.create_user("officer-lena", password="a-long-officer-password", is_staff=True)
    caplog.set_level(logging.DEBUG)
    typed = INVESTOR["email"]
    fail_login(client, typed)
    fail_login(client, typed)
    fail_login(client, "officer-lena")
    text = everything_logged(caplog)
    assert typed not in text and "zoltan" not in text.lower()
    hashed = logged_username(typed)
    assert hashed.startswith("#") and text.count(hashed) >= 2  # the same name, seen again
    assert "user=officer-lena" in text


def test_logged_username_of_nothing():
    assert logged_username("") == "-"


def test_an_officers_search_in_the_access_log_is_masked():
    """gunicorn logs the request line, percent-encoded, with its atoms as a mapping."""
    atoms = {"h": "203.0.113.9", "r": "GET /admin/enquiries/enquiry/?q=anna%40nordsee.example"}
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, '%(h)s "%(r)s"', (atoms,), None
    )
    MaskEmailAddresses().filter(record)
    assert record.getMessage() == '203.0.113.9 "GET /admin/enquiries/enquiry/?q=[email address]"'


def test_chinese_text_around_an_address_stays_readable():
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "邮箱：%s。", ("wang@qd.example",), None
    )
    MaskEmailAddresses().filter(record)
    assert record.getMessage() == "邮箱：[email address]。"


def test_error_reports_never_show_what_the_investor_typed(rf, settings):
    from django.views.debug import ExceptionReporter

    request = rf.post("/en/enquiry/", {**INVESTOR, "stage": "ready"})
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        report = ExceptionReporter(request, *sys.exc_info()).get_traceback_text()
    assert personal_values_in(report) == []
    assert "stage" in report and "ready" in report
