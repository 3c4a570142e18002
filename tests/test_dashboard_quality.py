"""axe-core and the Nu HTML Checker on the editors' dashboard and the review controls,
in both languages, with an item of every kind on the page."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from dashboard.models import ExternalLink, LinkSource
from projects.models import Park, ParkFigure

from .factories import make_event, make_park, make_policy
from .quality import (
    ADMIN_AXE_CONTEXT,
    EDITOR_PASSWORD,
    LANGUAGES,
    axe_failures,
    describe_html_errors,
    make_editor,
    validate_html,
)

DASHBOARD = "/admin/dashboard/"


def make_attention():
    """One item of each kind."""
    now = timezone.now()
    park = make_park(summary_zh_hans="")
    # On another park: Django's tabular inline rows have known axe findings of their own.
    ParkFigure.objects.create(park=make_park(), label="Companies", value=200, year=2001)
    make_policy(expiry_date=timezone.localdate() + datetime.timedelta(days=7))
    make_event(starts_at=now - datetime.timedelta(days=3), ends_at=now - datetime.timedelta(days=2))
    link = ExternalLink.objects.create(url="https://gone.example/", failures=1, status_code=404)
    LinkSource.objects.create(
        link=link,
        content_type=ContentType.objects.get_for_model(Park),
        object_id=park.pk,
        field="website",
    )
    return park


def pages(park):
    change = reverse("admin:projects_park_change", args=[park.pk])
    listing = reverse("admin:projects_park_changelist")
    return [("dashboard", DASHBOARD), ("park list", listing), ("park change", change)]


BROWSER_LOCALES = {"en": "en-GB", "zh-hans": "zh-CN"}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_dashboard_and_review_controls_have_no_axe_violations(chromium, live_server):
    make_editor()
    park = make_attention()
    report = []
    for language in LANGUAGES:
        context = chromium.new_context(
            base_url=live_server.url, locale=BROWSER_LOCALES.get(language, language)
        )
        page = context.new_page()
        try:
            page.goto("/admin/login/")
            page.fill("#id_username", "editor")
            page.fill("#id_password", EDITOR_PASSWORD)
            page.click("input[type=submit]")
            dashboard, listing, change = pages(park)
            report += axe_failures(page, [dashboard, change], ADMIN_AXE_CONTEXT)
            # The list's own column; Django's filter sidebar is the admin layout's concern.
            report += axe_failures(page, [listing], {"include": [["#result_list"]]})
            assert page.locator("html").get_attribute("lang") == language
        finally:
            context.close()
    if report:
        pytest.fail("axe-core violations:\n" + "\n".join(report), pytrace=False)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_dashboard_and_review_controls_are_valid_html(client, tmp_path):
    client.force_login(make_editor())
    park = make_attention()
    documents = {}
    for language in LANGUAGES:
        for label, url in pages(park):
            response = client.get(url, headers={"accept-language": language})
            assert response.status_code == 200
            documents[f"{label} {language}"] = response.content.decode()
    results = validate_html(documents, tmp_path)
    # Django's autocomplete widget renders an empty placeholder <option> for select2.
    known = "Element “option” without attribute “label” must not be empty."
    for found in results.values():
        found["errors"] = [line for line in found["errors"] if known not in line]
    errors = describe_html_errors(results)
    if errors:
        pytest.fail("Nu HTML Checker errors:\n" + errors, pytrace=False)
