"""axe-core and the Nu HTML Checker on the editorial screens: history, compare,
restore and the preview banner, in both languages."""

import pytest
import reversion
from django.urls import reverse

from editorial.preview import preview_url
from projects.models import Park

from .browser import log_in
from .factories import make_district, make_park
from .quality import (
    ADMIN_AXE_CONTEXT,
    EDITOR_PASSWORD,
    axe_failures,
    describe_html_errors,
    make_editor,
    validate_html,
)

pytestmark = [pytest.mark.slow]


def park_with_versions(user):
    park = make_park(district=make_district(), status=Park.Status.DRAFT)
    for summary in ("A first summary.", "A second, longer summary."):
        with reversion.create_revision():
            park.summary_en = summary
            park.summary_zh_hans = f"{summary}（中文）"
            park.save()
            reversion.set_user(user)
            reversion.set_comment("Changed Summary.")
    return park


def editorial_pages(park):
    newer, older = reversion.models.Version.objects.get_for_object(park)
    admin = "admin:projects_park"
    pages = [
        ("history", reverse(f"{admin}_history", args=[park.pk])),
        (
            "compare",
            reverse(f"{admin}_compare", args=[park.pk]) + f"?from={older.pk}&to={newer.pk}",
        ),
        ("restore", reverse(f"{admin}_restore", args=[park.pk, older.pk])),
    ]
    return pages


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en-GB", "zh-CN"])
def test_editorial_screens_have_no_axe_violations(chromium, live_server, language):
    context = chromium.new_context(base_url=live_server.url, locale=language)
    page = context.new_page()
    park = park_with_versions(make_editor())
    log_in(page, "editor", EDITOR_PASSWORD)
    report = axe_failures(page, editorial_pages(park), ADMIN_AXE_CONTEXT)
    previews = [(f"preview {code}", preview_url(park, code)) for code in ("en", "zh-hans")]
    report += axe_failures(page, previews)
    context.close()
    if report:
        pytest.fail("axe-core violations:\n" + "\n".join(report), pytrace=False)


@pytest.mark.django_db
def test_editorial_screens_are_valid_html(client, tmp_path):
    editor = make_editor()
    client.force_login(editor)
    park = park_with_versions(editor)
    documents = {}
    for language in ("en", "zh-hans"):
        pages = editorial_pages(park) + [("preview", preview_url(park, language))]
        for label, url in pages:
            response = client.get(url, headers={"accept-language": language})
            assert response.status_code == 200, url
            documents[f"{label} {language} {url}"] = response.content.decode()
    errors = describe_html_errors(validate_html(documents, tmp_path))
    if errors:
        pytest.fail("Nu HTML Checker errors:\n" + errors, pytrace=False)
