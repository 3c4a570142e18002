"""axe-core finds no WCAG 2 A/AA or best-practice violation on the portal's pages."""

import pytest

from .factories import make_park
from .quality import (
    ADMIN_AXE_CONTEXT,
    EDITOR_PASSWORD,
    admin_pages,
    axe_failures,
    error_pages,
    make_editor,
    make_sample_content,
    public_pages,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fail_on(report):
    if report:
        pytest.fail("axe-core violations:\n" + "\n".join(report), pytrace=False)


def test_every_public_page_type_in_both_languages_has_no_violations(page):
    pages = public_pages(make_sample_content()) + error_pages()
    fail_on(axe_failures(page, pages))


def test_admin_login_and_park_forms_have_no_violations(page):
    make_editor()
    park = make_park()
    report = axe_failures(page, [("admin login", "/admin/login/")], ADMIN_AXE_CONTEXT)
    page.fill("#id_username", "editor")
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    report += axe_failures(page, admin_pages(park), ADMIN_AXE_CONTEXT)
    fail_on(report)
