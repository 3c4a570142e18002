"""The settings module as production loads it, for tests that check its values."""

import os
import runpy
from pathlib import Path
from unittest import mock

BASE_DIR = Path(__file__).resolve().parent.parent
ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "production-like-secret-key-for-tests-" + "x7Kq2" * 10,
    "DJANGO_ALLOWED_HOSTS": "invest.qingdao.example,testserver",
    # One TLS-terminating proxy in front, as the README's production set-up has.
    "DJANGO_PROXY_COUNT": "1",
}
# What the header tests apply on top of the test settings.
SECURITY_NAMES = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_NAME",
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
    "X_FRAME_OPTIONS",
]


def production_env(**extra):
    env = {**os.environ, **ENV, **extra}
    # The browser tests' allowance must not leak into a production-like process.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def load(**extra):
    """The module-level names of portal/settings.py under the production environment."""
    with mock.patch.dict(os.environ, {**ENV, **extra}):
        return runpy.run_path(str(BASE_DIR / "portal" / "settings.py"))


def apply_security(settings):
    """Switch pytest-django's `settings` fixture to production's security values."""
    values = load()
    for name in SECURITY_NAMES:
        setattr(settings, name, values[name])
    settings.ALLOWED_HOSTS = ["testserver"]
    return settings
