"""The Nu HTML Checker finds no error in the portal's pages (one Java run for all)."""

import pytest

from .factories import make_park
from .quality import (
    admin_pages,
    describe_html_errors,
    error_pages,
    make_editor,
    make_sample_content,
    public_pages,
    validate_html,
)

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

# Django's autocomplete widget renders an empty placeholder <option> for select2.
DJANGO_ADMIN_KNOWN = "Element “option” without attribute “label” must not be empty."


def fetch(client, pages):
    documents = {}
    for label, url, *status in pages:
        response = client.get(url)
        expected = status[0] if status else 200
        assert response.status_code == expected, f"{label} {url}: HTTP {response.status_code}"
        documents[f"{label} {url}"] = response.content.decode()
    return documents


def test_public_pages_and_admin_forms_are_valid_html(client, tmp_path):
    documents = fetch(client, public_pages(make_sample_content()) + error_pages())
    documents |= fetch(client, [("admin login", "/admin/login/")])
    client.force_login(make_editor())
    documents |= fetch(client, admin_pages(make_park()))
    results = validate_html(documents, tmp_path)
    for label, found in results.items():
        if label.startswith("admin"):
            found["errors"] = [line for line in found["errors"] if DJANGO_ADMIN_KNOWN not in line]
    errors = describe_html_errors(results)
    if errors:
        pytest.fail("Nu HTML Checker errors:\n" + errors, pytrace=False)
