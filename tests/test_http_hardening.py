"""HTTP methods, cached pages' headers, database outages, 4xx logging, upload messages."""

import io
import logging
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import InterfaceError, OperationalError
from django.test import Client
from PIL import Image as PILImage

from images.forms import ImageForm
from images.models import Image

from .factories import make_park

pytestmark = [pytest.mark.django_db, pytest.mark.urls("portal.urls")]


# Methods ---------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["/en/enquiry/", "/zh-hans/enquiry/status/"])
def test_head_on_the_enquiry_pages_answers_200(client, address):
    response = client.head(address)
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize("method", ["trace", "put", "delete", "patch"])
@pytest.mark.parametrize("address", ["/en/", "/en/enquiry/", "/admin/login/"])
def test_other_methods_get_405_and_no_page(client, method, address):
    response = client.generic(method.upper(), address)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST, OPTIONS"
    assert response.content == b""


@pytest.mark.parametrize("address", ["/en/", "/zh-hans/enquiry/"])
def test_options_gets_an_empty_answer(client, address):
    response = client.options(address)
    assert response.status_code == 200
    assert response["Allow"] == "GET, HEAD, POST, OPTIONS"
    assert response.content == b""


# Cached pages ----------------------------------------------------------------------


def test_a_cached_page_keeps_its_frame_protection(client):
    make_park()
    first = client.get("/en/parks/")
    second = client.get("/en/parks/")
    assert second["X-Cache"] == "hit"
    assert first["X-Frame-Options"] == second["X-Frame-Options"] == "DENY"


# Database down ---------------------------------------------------------------------


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_pages_answer_503_when_the_database_is_down(error, language):
    client = Client(raise_request_exception=False)
    broken = mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=error("gone"))
    with broken:
        response = client.get(f"/{language}/parks/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = response.content.decode()
    assert ("暂时无法访问" if language == "zh-hans" else "Temporarily unavailable") in text


def test_other_failures_are_still_500():
    client = Client(raise_request_exception=False)
    with mock.patch("projects.views.parks.render", side_effect=ValueError("bug")):
        response = client.get("/en/parks/")
    assert response.status_code == 500


# Logging ---------------------------------------------------------------------------


@pytest.fixture
def log_output():
    """What the configured console handler writes, filters included."""
    [console] = [h for h in logging.getLogger().handlers if h.name == "console"]
    buffer = io.StringIO()
    previous = console.setStream(buffer)
    yield buffer
    console.setStream(previous)


def test_a_bad_host_is_one_warning_without_traceback(client, log_output):
    response = client.get("/en/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    lines = log_output.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("WARNING django.security.DisallowedHost")
    assert "Traceback" not in log_output.getvalue()


def test_a_bad_request_is_one_warning_without_traceback(client, log_output):
    response = client.get("/en/search/", {"q": "x" * 3000})
    assert response.status_code == 400
    lines = log_output.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("WARNING django.request")
    assert "Traceback" not in log_output.getvalue()


def test_a_404_is_logged_once(client, log_output):
    assert client.get("/en/parks/no-such-park/").status_code == 404
    lines = log_output.getvalue().splitlines()
    assert lines == ["WARNING django.request: Not Found: /en/parks/no-such-park/"]


def test_server_errors_keep_their_traceback(log_output):
    client = Client(raise_request_exception=False)
    with mock.patch("projects.views.parks.render", side_effect=ValueError("bug")):
        client.get("/en/parks/")
    assert "Traceback" in log_output.getvalue()
    assert "ERROR django.request" in log_output.getvalue()


# Photo upload message --------------------------------------------------------------


def jpeg():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


def image_form(name, content):
    return ImageForm(
        data={"alt_en": "Port", "alt_zh_hans": "港口", "position": 0},
        files={"file": SimpleUploadedFile(name, content)},
        instance=Image(owner=make_park()),
    )


def test_a_photo_with_an_odd_name_is_judged_by_its_content():
    form = image_form("harbour.heic", jpeg())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["file"].name == "harbour.jpg"


def test_the_upload_error_names_only_the_accepted_formats():
    form = image_form("notes.txt", b"not a photo")
    assert not form.is_valid()
    [message] = form.errors["file"]
    assert "JPEG, PNG or WebP" in message
    assert "bmp" not in message and "tiff" not in message
