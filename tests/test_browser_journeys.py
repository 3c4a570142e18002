"""What an investor does on the public site, in a real browser, in both languages.

The editor's admin journey is in test_browser_admin.py; the Chinese enquiry,
with its errors and status lookup, in test_browser_enquiry.py; the English
language switch, policy filter and calendar download in test_browser_site.py.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from enquiries.models import Enquiry
from projects.models import Policy

from .factories import make_event, make_park, make_policy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def heading(page):
    return page.get_by_role("heading", level=1)


def test_investor_browses_parks_and_switches_language_on_a_park(page):
    park = make_park(name_en="Sino-German Eco-Park", name_zh_hans="中德生态园")
    make_park(name_en="Oriental Film and Television Park", name_zh_hans="东方影都")

    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Parks").click()
    expect(heading(page)).to_have_text("Parks and zones")
    # The park is linked from its card and from the key beside the map.
    page.get_by_role("link", name="Sino-German Eco-Park").first.click()
    expect(heading(page)).to_have_text("Sino-German Eco-Park")

    page.get_by_role("navigation", name="Language").get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/zh-hans/parks/{park.slug}/$"))
    expect(heading(page)).to_have_text("中德生态园")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")

    page.get_by_role("navigation", name="语言").get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/en/parks/{park.slug}/$"))


def test_investor_filters_policies_by_category_in_chinese(page):
    make_policy(name_zh_hans="人才安居办法", category=Policy.Category.TALENT)
    make_policy(name_zh_hans="跨境电商二十条", category=Policy.Category.CUSTOMS_TRADE)

    page.goto("/zh-hans/policies/")
    expect(page.get_by_role("link", name="跨境电商二十条")).to_be_visible()
    page.get_by_label("类别").select_option("talent")
    page.get_by_role("button", name="筛选").click()

    expect(page).to_have_url(re.compile(r"/zh-hans/policies/\?.*category=talent"))
    expect(page.get_by_role("link", name="人才安居办法")).to_be_visible()
    expect(page.get_by_role("link", name="跨境电商二十条")).to_have_count(0)
    expect(page.get_by_label("类别")).to_have_value("talent")


def test_investor_finds_an_event_and_saves_it_to_a_calendar_in_chinese(page):
    event = make_event(name_en="Venture Investment Conference", name_zh_hans="全球创投大会")

    page.goto("/zh-hans/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="活动").click()
    page.get_by_role("link", name="全球创投大会").click()
    expect(heading(page)).to_have_text("全球创投大会")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="添加到日历").click()

    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"
    calendar = Path(download.path()).read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in calendar
    assert "SUMMARY:全球创投大会" in calendar


def test_investor_searches_in_chinese(page):
    make_park(name_en="Sino-German Eco-Park", name_zh_hans="中德生态园")
    make_policy(name_en="Eco-friendly factories", name_zh_hans="绿色工厂补贴")
    make_policy(name_zh_hans="人才安居办法")

    page.goto("/zh-hans/")
    page.get_by_role("searchbox", name="站内搜索").fill("生态")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/zh-hans/search/\?q="))
    expect(page.get_by_role("link", name="中德生态园")).to_be_visible()
    expect(page.get_by_role("link", name="人才安居办法")).to_have_count(0)


def test_investor_sends_an_enquiry_from_a_policy_page(page):
    policy = make_policy(name_en="Film industry subsidies", name_zh_hans="影视产业扶持")

    page.goto(f"/en/policies/{policy.slug}/")
    page.get_by_role("link", name="Send an enquiry").click()
    expect(heading(page)).to_have_text("Send an enquiry")

    page.get_by_label("Your name").fill("Anna Schmidt")
    page.get_by_label("Company").fill("Nordsee Film GmbH")
    page.get_by_label("Country").select_option("DE")
    page.get_by_label("Email").fill("anna@nordsee.example")
    page.get_by_label("Stage").select_option("shortlisting")
    page.get_by_label("Message").fill("We plan a post-production studio near the film park.")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Send enquiry").click()

    enquiry = Enquiry.objects.get()
    expect(page.get_by_text(enquiry.reference)).to_be_visible()
    assert (enquiry.language, enquiry.source) == ("en", f"policy:{policy.slug}")
