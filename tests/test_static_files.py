"""/static/ is answered at the WSGI level (portal/wsgi.py), before any middleware,
with the headers the middleware would have given it."""

import json
from wsgiref.util import setup_testing_defaults

import pytest

from web.static_files import StaticFilesFirst

HASHED = "css/site.0123456789ab.css"


@pytest.fixture
def static_root(settings, tmp_path):
    """A collected static folder with one hashed stylesheet, under production storage."""
    (tmp_path / "css").mkdir()
    (tmp_path / HASHED).write_text("body { margin: 0 }", encoding="utf-8")
    manifest = {"paths": {"css/site.css": HASHED}, "version": "1.1", "hash": "x"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest), encoding="utf-8")
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path
    settings.WHITENOISE_MAX_AGE = 31536000
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    return tmp_path


def call(application, path):
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET"}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    body = application(environ, start_response)
    answer["body"] = b"".join(body)
    getattr(body, "close", lambda: None)()
    return answer


def django_stand_in(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"from Django"]


def test_a_hashed_stylesheet_is_served_before_django(static_root):
    answer = call(StaticFilesFirst(django_stand_in), "/static/" + HASHED)
    assert answer["status"].startswith("200")
    assert answer["body"] == b"body { margin: 0 }"
    headers = answer["headers"]
    assert headers["Content-Type"].startswith("text/css")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "immutable" in headers["Cache-Control"]
    # As before: fonts and styles may be read from another origin (WhiteNoise's default).
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_an_unhashed_name_is_not_immutable(static_root):
    (static_root / "css" / "site.css").write_text("body { margin: 0 }", encoding="utf-8")
    answer = call(StaticFilesFirst(django_stand_in), "/static/css/site.css")
    assert answer["status"].startswith("200")
    assert "immutable" not in answer["headers"]["Cache-Control"]
    assert answer["headers"]["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/en/", "/static/css/missing.css", "/static/../manage.py"])
def test_anything_else_goes_to_django(static_root, path):
    assert call(StaticFilesFirst(django_stand_in), path)["body"] == b"from Django"


def test_the_wsgi_application_serves_static_files_first():
    from portal import wsgi

    assert isinstance(wsgi.application, StaticFilesFirst)
    assert wsgi.application.application is wsgi.django_application
