"""JSON-lines log records for production, one object per line on stdout."""

import hashlib
import hmac
import json
import logging
import re
from datetime import UTC, datetime

from django.views.debug import SafeExceptionReporterFilter

# Attributes every LogRecord has; anything else was passed with `extra=` and is kept.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JSONFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = request.method
            entry["path"] = request.path
        if hasattr(record, "status_code"):
            entry["status"] = record.status_code
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in {"request", "status_code"} | entry.keys():
                entry[key] = value
        if record.exc_info:
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class ClientErrorFilter(logging.Filter):
    """A 4xx answer is the client's mistake, not ours: one warning line, no traceback.

    Django logs a bad Host header or another SuspiciousOperation to
    `django.security.*` as an error with the full traceback, and a BadRequest
    also to `django.request`.
    """

    def filter(self, record):
        status = getattr(record, "status_code", None)
        client_error = status is not None and 400 <= status < 500
        if client_error or record.name.startswith("django.security."):
            record.exc_info = None
            record.exc_text = None
            if record.levelno > logging.WARNING:
                record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


# Good enough to catch an address in free text (an SMTP error, an exception message)
# or percent-encoded in a URL (an officer's admin search in the access log).
_ADDRESS_PART = r"[^\s@<>\"'(),;:/?&=：，。；（）“”‘’《》、]+"
EMAIL_ADDRESS = re.compile(rf"{_ADDRESS_PART}(?:@|%40){_ADDRESS_PART}\.{_ADDRESS_PART}")
MASK = "[email address]"


def mask_email_addresses(text):
    return EMAIL_ADDRESS.sub(MASK, text)


class MaskEmailAddresses(logging.Filter):
    """Safety net on every handler: no email address reaches a log line.

    The code logs references and primary keys, never personal data; this masks what
    slips through anyway, such as a mail server's error that quotes a recipient.
    """

    def filter(self, record):
        message = record.getMessage()
        masked = mask_email_addresses(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_email_addresses(record.exc_text)
        for key, value in vars(record).items():
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, mask_email_addresses(value))
        return True


def logged_username(username):
    """A user name as it may be logged: a staff account's name, else a keyed hash.

    Staff names are the bureau's own accounts, needed to see who is being attacked.
    Anything else typed into the login form (a mistyped name, somebody's email, a
    password in the wrong field) may be personal data: the log keeps a short hash,
    enough to see the same name tried again, never the name.
    """
    from django.conf import settings
    from django.contrib.auth import get_user_model

    if not username:
        return "-"
    users = get_user_model()
    if users.objects.filter(**{users.USERNAME_FIELD: username, "is_staff": True}).exists():
        return username
    digest = hmac.new(settings.SECRET_KEY.encode(), username.encode(), hashlib.sha256)
    return f"#{digest.hexdigest()[:12]}"


def axes_client_str(username, ip_address, user_agent, path_info, request):
    """How django-axes names a client in its log lines (AXES_CLIENT_STR_CALLABLE)."""
    if isinstance(path_info, list | tuple):
        path_info = path_info[0]
    return f"user={logged_username(username)} ip={ip_address} path={path_info}"


class PersonalDataReporterFilter(SafeExceptionReporterFilter):
    """Error reports (debug page, admin emails) never show what an investor typed."""

    personal_fields = {"name", "company", "email", "phone", "message"}

    def get_post_parameters(self, request):
        parameters = super().get_post_parameters(request)
        if request is None or not self.personal_fields & set(parameters):
            return parameters
        parameters = parameters.copy()
        for field in self.personal_fields & set(parameters):
            parameters[field] = self.cleansed_substitute
        return parameters
