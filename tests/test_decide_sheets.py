"""The comparison and the finder's pre-assessment as PDFs: text, fonts, size, cache."""

import time

import pytest

from decide import sheets
from projects.models import Park

from .factories import make_park, make_policy
from .pdf_helpers import fonts, text

pytestmark = pytest.mark.django_db
MAX_BYTES = 400_000


@pytest.fixture
def parks():
    return [
        make_park(slug=slug, name={"en": en, "zh-hans": zh}, area_km2="11.6")
        for slug, en, zh in (
            ("eco", "Sino-German Eco-Park", "中德生态园"),
            ("film", "Oriental Film Park", "东方影都"),
        )
    ]


def pdf(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def test_the_comparison_prints_in_both_languages_with_the_font_embedded(client, parks):
    data = pdf(client, "/en/compare/comparison.pdf?parks=eco,film")
    printed = text(data)
    assert "Sino-German Eco-Park" in printed and "中德生态园" in printed
    assert "11.6 km²" in printed and "11.6平方公里" in printed
    assert "园区对比" in printed and "Compare parks" in printed
    assert fonts(data) and all(file is not None for file in fonts(data).values())
    assert len(data) < MAX_BYTES


def test_one_language_only(client, parks):
    printed = text(pdf(client, "/zh-hans/compare/comparison.pdf?parks=eco,film&lang=zh-hans"))
    assert "中德生态园" in printed and "Sino-German Eco-Park" not in printed


@pytest.mark.parametrize(
    "query", ["parks=nope", "parks=", "", "parks=eco&lang=fr", "parks=eco&lang=" + "x" * 50]
)
def test_nothing_to_print_or_an_unknown_language_is_404(client, parks, query):
    assert client.get(f"/en/compare/comparison.pdf?{query}").status_code == 404


def test_a_draft_park_is_not_printed(client, parks):
    parks[1].status = Park.Status.DRAFT
    parks[1].save()
    printed = text(pdf(client, "/en/compare/comparison.pdf?parks=eco,film&lang=en"))
    assert "Sino-German Eco-Park" in printed and "Oriental Film Park" not in printed


def test_a_printed_sheet_is_served_from_the_cache_until_content_changes(
    client, parks, monkeypatch, django_capture_on_commit_callbacks
):
    printed = []
    real = sheets.pdf_bytes
    monkeypatch.setattr(sheets, "pdf_bytes", lambda *a, **k: printed.append(1) or real(*a, **k))
    url = "/en/compare/comparison.pdf?parks=eco,film&lang=en"
    first = pdf(client, url)
    started = time.perf_counter()
    assert pdf(client, url) == first
    assert time.perf_counter() - started < 1
    assert len(printed) == 1
    parks[0].name_en = "Eco-Park renamed"
    with django_capture_on_commit_callbacks(execute=True):  # a new content generation
        parks[0].save()
    assert "Eco-Park renamed" in text(pdf(client, url))
    assert len(printed) == 2


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_pre_assessment_names_the_policies_it_relied_on(client, language):
    policy = make_policy(
        slug="jobs-award",
        name={"en": "Jobs award", "zh-hans": "就业奖励"},
        authority={"en": "Bureau of Commerce", "zh-hans": "市商务局"},
        document_number="青商发〔2024〕3号",
        min_headcount=50,
    )
    make_policy(slug="reform", name={"en": "Approval reform", "zh-hans": "审批改革"})
    url = f"/{language}/incentives/finder/pre-assessment.pdf?headcount=12&lang={language}"
    printed = text(pdf(client, url))
    assert "青商发〔2024〕3号" in printed
    if language == "en":
        assert "Indicative only" in printed and "Jobs award" in printed
        assert "needs ≥ 50 employees" in printed and "Approval reform" in printed
        assert f"Last changed {policy.updated_at.day}" in printed
    else:
        assert "仅供参考" in printed and "就业奖励" in printed
        assert "员工须不少于50人" in printed and "审批改革" in printed
        assert "最后修改于" in printed


def test_the_pages_link_to_their_pdfs(client, parks):
    html = client.get("/en/compare/?parks=eco,film").content.decode()
    assert 'href="/en/compare/comparison.pdf?parks=eco,film&amp;lang=all"' in html
    assert 'href="/en/compare/comparison.pdf?parks=eco,film&amp;lang=en"' in html
    finder = client.get("/zh-hans/incentives/finder/?headcount=5").content.decode()
    assert 'href="/zh-hans/incentives/finder/pre-assessment.pdf?headcount=5&amp;lang=zh-hans"' in (
        finder
    )
