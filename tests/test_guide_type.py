"""The set-up guide's steps are a declared content type, at the guide's own addresses."""

import pytest
from django.urls import resolve, reverse
from django.utils import translation

from projects import completeness
from projects.content_types import public_type
from stories.models import GuideStep

from .search_index import found, url
from .story_factories import make_step

pytestmark = pytest.mark.django_db


def test_the_step_type_keeps_the_guides_addresses():
    declared = public_type("step")
    assert declared.model is GuideStep
    with translation.override("zh-hans"):
        assert reverse(declared.list_url_name) == "/zh-hans/how-to-invest/"
        assert reverse(declared.detail_url_name, kwargs={"slug": "tax"}) == (
            "/zh-hans/how-to-invest/tax/"
        )
        # The names templates used before resolve to the same pages.
        assert reverse("stories:guide") == "/zh-hans/how-to-invest/"
    assert resolve("/en/how-to-invest/").view_name == "stories:step_list"
    assert resolve("/en/how-to-invest/tax/").view_name == "stories:step_detail"


@pytest.mark.parametrize(
    ("language", "query"), [("en", "Customs office"), ("zh-hans", "海关"), ("en", "bring")]
)
def test_search_finds_a_step_by_name_office_or_tip(language, query):
    step = make_step(
        name_en="Customs registration",
        name_zh_hans="海关登记",
        office_en="Customs office",
        office_zh_hans="青岛海关",
        tips_en="Bring the business licence.",
        tips_zh_hans="带上营业执照。",
    )
    make_step(status=GuideStep.Status.DRAFT, name_en="Customs draft", name_zh_hans="海关草稿")
    assert found(query, language) == [url(step, language)]


def test_the_sitemap_lists_the_guide_and_each_step_once(client):
    step = make_step()
    xml = client.get("/sitemap.xml").content.decode()
    assert xml.count("<loc>http://testserver/en/how-to-invest/</loc>") == 1
    assert xml.count(f"<loc>http://testserver/en/how-to-invest/{step.slug}/</loc>") == 1


def test_a_step_counts_its_office_among_the_translations_to_complete():
    step = make_step(office_zh_hans="")
    assert "office" in completeness.missing_fields(step, "zh-hans")
    assert step.missing_translations
