"""An investor reads a park in both languages, filters policies and saves an event."""

import pytest
from playwright.sync_api import expect

from projects.models import Policy

from .factories import make_event, make_park, make_policy, make_sector

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_investor_switches_language_filters_policies_and_saves_an_event(page):
    park = make_park(slug="eco-park", name_en="Sino-German Eco-Park", name_zh_hans="中德生态园")
    make_policy(name_en="Talent housing subsidy", category=Policy.Category.TALENT).parks.add(park)
    make_policy(name_en="Export tax rebate", category=Policy.Category.TAX)
    make_event(slug="beer-festival", name_en="Qingdao International Beer Festival")

    page.goto("/en/parks/eco-park/")
    expect(page.locator("h1")).to_have_text("Sino-German Eco-Park")
    page.locator(".language-switcher").get_by_role("link", name="简体中文").click()
    expect(page).to_have_url("/zh-hans/parks/eco-park/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("h1")).to_have_text("中德生态园")

    page.goto("/en/policies/")
    page.get_by_label("Category").select_option("talent")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url("/en/policies/?category=talent&sector=&park=&status=")
    expect(page.locator(".result-count")).to_have_text("1 result")
    expect(page.get_by_role("link", name="Talent housing subsidy")).to_be_visible()
    expect(page.get_by_role("link", name="Export tax rebate")).to_have_count(0)

    page.goto("/en/events/beer-festival/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar").click()
    download = download_info.value
    assert download.suggested_filename == "beer-festival.ics"
    text = download.path().read_text(encoding="utf-8")
    assert "SUMMARY:Qingdao International Beer Festival" in text


def test_pages_fit_a_phone_screen(page):
    park = make_park(slug="eco-park", latitude=36.0, longitude=120.06, is_featured=True)
    park.sectors.add(make_sector(name_en="High-end manufacturing and artificial intelligence"))
    make_policy(name_en="Venture investment measures").parks.add(park)
    make_event(name_en="Global (Qingdao) Venture Investment Conference")
    page.set_viewport_size({"width": 360, "height": 740})
    for url in ("/zh-hans/", "/en/parks/", "/en/parks/eco-park/", "/en/policies/", "/en/events/"):
        page.goto(url)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 360, f"{url} scrolls sideways on a phone"
