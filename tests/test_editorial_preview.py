"""Staff previews of drafts and draft changes as the public page."""

import pytest
from django.contrib.auth.models import User

from editorial import drafts
from editorial.preview import preview_url
from projects.models import Park

from .factories import make_district, make_park

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans"]


@pytest.fixture
def draft_park():
    return make_park(
        status=Park.Status.DRAFT,
        district=make_district(),
        name_en="Draft Eco-Park",
        name_zh_hans="草稿生态园",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_preview_a_draft_as_the_public_page(client, editor, draft_park, language):
    response = client.get(preview_url(draft_park, language))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    html = response.content.decode()
    name = {"en": "Draft Eco-Park", "zh-hans": "草稿生态园"}[language]
    assert f"<h1>{name}</h1>" in html or name in html.split("<main")[1]
    assert 'class="preview-banner"' in html
    assert {"en": "Preview", "zh-hans": "预览"}[language] in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]
    # Nothing of the preview is kept: the record is still a draft, the public page 404.
    draft_park.refresh_from_db()
    assert draft_park.status == Park.Status.DRAFT
    assert client.get(draft_park.get_absolute_url()).status_code == 404


def test_preview_shows_draft_changes_the_public_page_does_not(client, editor):
    park = make_park(summary_en="The live summary.")
    drafts.keep(
        record=Park(**{**vars_of(park), "summary_en": "The drafted summary."}),
        m2m={},
        author=editor,
    )
    preview = client.get(preview_url(park, "en")).content.decode()
    assert "The drafted summary." in preview and "The live summary." not in preview
    client.logout()
    public = client.get(park.get_absolute_url()).content.decode()
    assert "The live summary." in public and "The drafted summary." not in public
    park.refresh_from_db()
    assert park.summary_en == "The live summary."


def vars_of(record):
    return {
        field.attname: getattr(record, field.attname)
        for field in type(record)._meta.concrete_fields
    }


def test_preview_is_never_stored_by_the_page_cache(client, editor, draft_park, settings):
    url = preview_url(draft_park, "en")
    client.get(url)
    second = client.get(url)
    assert "X-Cache" not in second.headers


def test_visitors_are_sent_to_sign_in(client, draft_park):
    response = client.get(preview_url(draft_park, "en"))
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_staff_without_view_permission_are_refused(client, draft_park):
    user = User.objects.create_user("clerk", password="a-long-clerk-password", is_staff=True)
    client.force_login(user)
    assert client.get(preview_url(draft_park, "en")).status_code == 403


@pytest.mark.parametrize(
    "path",
    ["/en/preview/projects.park/999999/", "/en/preview/auth.user/1/", "/en/preview/nothing/1/"],
)
def test_bad_preview_addresses_are_404(client, editor, path):
    assert client.get(path).status_code == 404


def test_change_form_links_a_preview_per_language(client, editor, draft_park):
    html = client.get(f"/admin/projects/park/{draft_park.pk}/change/").content.decode()
    for language in LANGUAGES:
        assert preview_url(draft_park, language) in html
    assert "Preview in Simplified Chinese" in html
