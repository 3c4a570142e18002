"""The demo tells the seeds' story: every company they name, every press release, the
bilateral figures on the country pages in both languages."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from projects.models import Sector
from stories.models import GuideStep, NewsItem, Story

pytestmark = pytest.mark.django_db

# Each company the seed documents name, as the story about it.
SEED_COMPANIES = {
    "krups-transmission-centre": ("Krups", "DE", "sino-german-eco-park"),
    "bwt-first-china-plant": ("BWT", "AT", "sino-german-eco-park"),
    "lg-electronics-manufacturing": ("LG Electronics", "KR", None),
    "korean-bank-branches": ("Eight Korean banks", "KR", None),
    "first-korean-bank-rmb-loans": ("Korean banks", "KR", None),
    "hisense-innovation-centre-israel": ("Hisense", "IL", None),
    "haier-innovation-centre-israel": ("Haier", "IL", None),
    "wintec-innovation-centre-israel": ("Wintec", "IL", None),
    "poly-commercial-shandong-headquarters": ("Poly", "CN", None),
    "financial-projects-2019": ("Financial", "CN", None),
}
# Each press release and article of the seeds, and the plan summary, as a news item.
SEED_NEWS = [
    "pivot-city-of-international-portal",
    "opening-up-harbour-city-east-china",
    "making-a-city-alive",
    "international-gateway-hub-plan-2022-2026",
    "qingdao-seeks-cooperation-israel-germany",
    "qingdao-week-south-korea-new-mode",
    "qingdao-a-magnet-for-investment-2019",
    "qingdao-business-week-japan-2019",
]
COUNTRY_FIGURES = {
    ("de", "en"): ["356", "US$2.6 billion", "US$2.37 billion", "largest European investor"],
    ("de", "zh-hans"): ["356", "26亿美元", "23.7亿美元", "在青投资最多的欧洲国家"],
    ("kr", "en"): ["12,930", "US$30.46 billion", "US$19.71 billion"],
    ("kr", "zh-hans"): ["12,930", "304.62亿美元", "197.13亿美元"],
}
GUIDE_STEPS = [
    "company-registration",
    "foreign-investment-information-report",
    "construction-approval-3540",
    "real-estate-registration",
    "customs-registration",
    "tax-registration",
    "work-permits",
    "residence-permits",
    "bank-account",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def test_every_seed_company_is_a_published_story(demo):
    assert Story.objects.published().count() >= 10
    for slug, (name, country, park) in SEED_COMPANIES.items():
        story = Story.objects.published().get(slug=slug)
        assert name in story.name_en, slug
        assert story.country == country, slug
        assert (story.park.slug if story.park else None) == park, slug


def test_every_seed_press_release_is_news(demo):
    assert NewsItem.objects.published().count() >= 8
    for slug in SEED_NEWS:
        assert NewsItem.objects.published().filter(slug=slug).exists(), slug


@pytest.mark.parametrize(("code", "language"), list(COUNTRY_FIGURES))
def test_bilateral_figures_appear_on_the_country_pages(demo, client, code, language):
    response = client.get(f"/{language}/countries/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in COUNTRY_FIGURES[(code, language)]:
        assert text in html, text


def test_every_served_country_has_a_page(demo, client):
    from stories import selectors

    served = selectors.served_countries(selectors.centres())
    assert {"DE", "KR", "JP", "IL", "US", "SG", "GB", "RU"} <= set(served)
    for code in served:
        assert client.get(f"/en/countries/{code.lower()}/").status_code == 200, code


def test_countries_without_seed_figures_show_none(demo, client):
    html = client.get("/en/countries/sg/").content.decode()
    assert "Bilateral figures" not in html


def test_every_sector_has_a_profile_in_both_languages(demo):
    for sector in Sector.objects.all():
        assert sector.profile_en.strip() and sector.profile_zh_hans.strip(), sector.slug


def test_the_guide_has_the_steps_the_issue_names(demo, client):
    slugs = list(GuideStep.objects.published().values_list("slug", flat=True))
    assert slugs == GUIDE_STEPS
    step = GuideStep.objects.get(slug="construction-approval-3540")
    assert step.working_days == 40
    assert GuideStep.objects.get(slug="company-registration").working_days == 3
    html = client.get("/zh-hans/how-to-invest/").content.decode()
    assert "个工作日" in html


def test_every_demo_story_has_a_photo_described_in_both_languages(demo):
    for story in Story.objects.published():
        photo = story.images.order_by("position").first()
        assert photo is not None, story.slug
        assert photo.alt_en.strip() and photo.alt_zh_hans.strip(), story.slug
        assert photo.width > 0 and photo.height > 0


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_story_page_shows_its_photo_with_the_pages_alt_text(demo, client, language):
    html = client.get(f"/{language}/stories/hisense-innovation-centre-israel/").content.decode()
    alt = "blue circuit board" if language == "en" else "蓝色电路板"
    assert alt in html and "<img" in html
