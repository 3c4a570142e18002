"""The desk performance page and the adjusted working days list: valid HTML, no axe finding."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from enquiries.models import Enquiry
from tests.enquiry_helpers import make_desk, make_enquiry

from .quality import (
    ADMIN_AXE_CONTEXT,
    EDITOR_PASSWORD,
    axe_failures,
    describe_html_errors,
    make_editor,
    validate_html,
)

# Django's change-list filter sidebar: its links are 20 px high (target-size).
CHANGE_LIST_AXE_CONTEXT = {
    **ADMIN_AXE_CONTEXT,
    "exclude": [*ADMIN_AXE_CONTEXT["exclude"], ["#changelist-filter"]],
}


def pages():
    return [
        ("admin desk performance", reverse("admin:enquiries_deskperformance_changelist")),
        ("admin adjusted days", reverse("admin:enquiries_workingdayadjustment_changelist")),
    ]


def some_enquiries():
    """Answered, late and open enquiries over the last months, so the chart has bars."""
    # Not the migration's default desk: a transactional test before may have flushed it.
    desk = make_desk("Quality")
    now = timezone.now()
    for days in range(0, 150, 9):
        created = now - timedelta(days=days)
        record = make_enquiry(company=f"Company {days}")
        Enquiry.objects.filter(pk=record.pk).update(
            desk=desk,
            created_at=created,
            reply_due_at=created + timedelta(hours=56),
            first_replied_at=created + timedelta(hours=days % 80) if days % 4 else None,
            rating=days % 5 + 1 if days % 3 else None,
        )


@pytest.mark.slow
@pytest.mark.django_db
def test_pages_are_valid_html(client, tmp_path):
    some_enquiries()
    client.force_login(make_editor())
    documents = {}
    for language in ("en", "zh-hans"):
        for label, url in pages():
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200
            documents[f"{label} {language}"] = response.content.decode()
    errors = describe_html_errors(validate_html(documents, tmp_path))
    if errors:
        pytest.fail("Nu HTML Checker errors:\n" + errors, pytrace=False)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pages_have_no_axe_violations(page):
    some_enquiries()
    make_editor()
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    report = axe_failures(page, pages(), CHANGE_LIST_AXE_CONTEXT)
    if report:
        pytest.fail("axe-core violations:\n" + "\n".join(report), pytrace=False)
