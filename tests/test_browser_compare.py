"""An investor's shortlist in a real browser: add three parks from the list, remove one,
switch to Chinese on the comparison page, download the PDF."""

import re

import pytest
from playwright.sync_api import expect

from .factories import make_park
from .pdf_helpers import text

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PARKS = {
    "Amber Park": "琥珀园",
    "Birch Park": "桦树园",
    "Cedar Park": "雪松园",
}


def add_from_the_list(page, name):
    page.get_by_role("link", name=f"Add to comparison: {name}").click()
    expect(page).to_have_url(re.compile(r"/en/compare/\?parks="))


def test_add_three_parks_remove_one_switch_to_chinese_and_download_the_pdf(page, tmp_path):
    for en, zh in PARKS.items():
        make_park(name={"en": en, "zh-hans": zh}, slug=en.split()[0].lower())

    page.goto("/en/parks/")
    add_from_the_list(page, "Amber Park")
    for name in ("Birch Park", "Cedar Park"):
        page.get_by_role("link", name="Add a park from the list").click()
        expect(page).to_have_url(re.compile(r"/en/parks/\?compare="))
        add_from_the_list(page, name)
    table = page.locator(".compare-table thead")
    for name in PARKS:
        expect(table.get_by_role("link", name=name, exact=True)).to_be_visible()

    page.get_by_role("link", name="Remove from comparison: Birch Park").click()
    expect(page).to_have_url(re.compile(r"/en/compare/\?parks=amber,cedar$"))
    expect(table.get_by_role("link", name="Birch Park")).to_have_count(0)

    page.get_by_role("navigation", name="Language").get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/compare/\?parks=amber(,|%2C)cedar$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("园区对比")
    for name in ("琥珀园", "雪松园"):
        expect(table.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(table.get_by_role("link", name="桦树园")).to_have_count(0)

    with page.expect_download() as download:
        page.get_by_role("link", name="仅简体中文").click()
    path = tmp_path / "comparison.pdf"
    download.value.save_as(path)
    printed = text(path.read_bytes())
    assert "琥珀园" in printed and "雪松园" in printed and "桦树园" not in printed
