"""A site selector's journey in a real browser: filter in Chinese, estimate, switch to English."""

import re

import pytest
from playwright.sync_api import expect

from .siting_helpers import AIRPORT, make_cost_indicators, make_node, make_site

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_selector_filters_factories_estimates_costs_and_switches_language(page):
    make_node(slug="qianwan", name_en="Qianwan port area", name_zh_hans="前湾港区")
    site = make_site(name_en="Bonded factory", name_zh_hans="保税加工厂房", power_kva=3150)
    make_site(name_en="Small factory", name_zh_hans="小型厂房", power_kva=630)
    make_site(name_en="Airport factory", name_zh_hans="机场厂房", power_kva=4000,
              latitude=AIRPORT[0], longitude=AIRPORT[1])  # fmt: skip
    make_site(name_en="Port office", name_zh_hans="港区写字楼", power_kva=4000, kind="office")
    make_cost_indicators()

    page.goto("/zh-hans/sites/")
    page.get_by_label("载体类型").select_option("factory")
    page.get_by_label("供电容量不低于").fill("2000")
    page.get_by_label("临近").select_option(label="前湾港区")
    page.get_by_label("距离不超过").fill("20")
    page.get_by_role("button", name="筛选").click()

    expect(page).to_have_url(re.compile(r"/zh-hans/sites/\?.*power_min=2000.*node=qianwan"))
    for other in ("小型厂房", "机场厂房", "港区写字楼"):
        expect(page.get_by_role("link", name=other, exact=True)).to_have_count(0)
    page.locator(".cards").get_by_role("link", name="保税加工厂房", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("保税加工厂房")

    page.get_by_label("初级员工").fill("10")
    page.get_by_label("年用电量").fill("100000")
    page.get_by_role("button", name="测算成本").click()
    expect(page).to_have_url(re.compile(rf"/zh-hans/sites/{site.slug}/\?.*entry=10"))
    expect(page.locator(".estimate-result")).to_contain_text("合计")
    expect(page.locator(".estimate-result")).to_contain_text("电费")

    page.get_by_role("navigation", name="语言").get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/en/sites/{site.slug}/\?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonded factory")
    for kept in ("kind=factory", "power_min=2000", "node=qianwan", "within_km=20", "entry=10"):
        assert kept in page.url
    expect(page.locator(".estimate-result")).to_contain_text("Total")
    page.get_by_role("link", name="Available sites, as filtered").click()
    expect(page).to_have_url(re.compile(r"/en/sites/\?kind=factory.*within_km=20"))
    cards = page.locator(".cards")
    expect(cards.get_by_role("link", name="Bonded factory", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Small factory", exact=True)).to_have_count(0)
