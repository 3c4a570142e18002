"""Production configuration: deployment checks, gunicorn, health check, logs."""

import json
import logging
import os
import runpy
import subprocess
import sys
from unittest import mock

import pytest
from django.db import DatabaseError

from web.logs import JSONFormatter

from . import production


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=production.BASE_DIR,
        env=production.production_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_hsts_is_switched_off():
    """The check above can fail: weakening a setting makes it fail."""
    result = manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert "security.W004" in result.stderr


@pytest.mark.parametrize("key", ["", "too-short-secret"])
def test_production_refuses_a_missing_or_weak_secret_key(key):
    result = manage("check", DJANGO_SECRET_KEY=key)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_values():
    values = production.load()
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert values["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert values["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert values["STORAGES"]["staticfiles"]["BACKEND"].endswith(
        "CompressedManifestStaticFilesStorage"
    )
    assert values["WHITENOISE_MAX_AGE"] >= 365 * 24 * 3600
    assert values["LOGGING"]["handlers"]["console"]["formatter"] == "json"
    assert values["DATABASES"]["default"]["CONN_HEALTH_CHECKS"] is True
    # The embedded cache is read by every page: its connection is kept too.
    assert (
        values["DATABASES"]["cache"]["CONN_MAX_AGE"]
        == values["DATABASES"]["default"]["CONN_MAX_AGE"]
        > 0
    )
    # Uploads come from object storage or the proxy, not from the application.
    assert values["SERVE_MEDIA"] is False


def test_redis_cache_when_configured():
    values = production.load(REDIS_URL="redis://127.0.0.1:6379/1")
    default = values["CACHES"]["default"]
    assert default["BACKEND"] == "web.cache.DegradingRedisCache"
    assert default["LOCATION"] == "redis://127.0.0.1:6379/1"
    assert values["CACHES"]["ratelimit"]["FALLBACK"] == "embedded"
    embedded = production.load()["CACHES"]["default"]
    assert embedded["BACKEND"] == "web.cache.DegradingDatabaseCache"
    assert embedded["OPTIONS"]["MAX_ENTRIES"] == 5000


def test_brotli_is_available_to_whitenoise():
    from whitenoise.compress import Compressor

    assert Compressor(quiet=True).use_brotli


def test_gunicorn_config():
    with mock.patch.dict(os.environ, {"PORT": "8123"}):
        config = runpy.run_path(str(production.BASE_DIR / "portal" / "gunicorn.conf.py"))
    assert config["bind"] == "127.0.0.1:8123"
    assert config["workers"] == 2
    assert config["accesslog"] == "-"


@pytest.mark.django_db
def test_healthz_answers_ok_without_cookies(client, settings):
    production.apply_security(settings)
    # Probes come by address over plain HTTP: no host check, no HTTPS redirect.
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert response.content.startswith(b"degraded\ndatabase: ok")  # no worker in tests
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_reports_an_unreachable_database(client, caplog):
    with mock.patch("web.health.connection.cursor", side_effect=DatabaseError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert "database unreachable" in caplog.text


def test_healthz_is_not_under_a_language_prefix(client):
    assert client.get("/en/healthz").status_code == 404


def test_json_log_lines():
    record = logging.makeLogRecord(
        {"name": "portal", "levelname": "WARNING", "msg": "hello %s", "args": ("世界",)}
    )
    record.user = "editor"
    line = json.loads(JSONFormatter().format(record))
    assert line["message"] == "hello 世界"
    assert line["level"] == "WARNING"
    assert line["user"] == "editor"
    assert line["time"].endswith("+00:00")
