"""An editor edits a park in both languages, side by side, in a real browser."""

import pytest
from playwright.sync_api import expect

from .browser import open_park_as_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_edits_a_park_in_both_languages(page):
    park = open_park_as_editor(page)

    page.get_by_label("Name (简体中文)").fill("中德生态园（青岛）")
    page.get_by_label("Name (English)").fill("Sino-German Ecopark Qingdao")
    page.click("input[name=_save]")

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    park.refresh_from_db()
    assert park.name_en == "Sino-German Ecopark Qingdao"
    assert park.name_zh_hans == "中德生态园（青岛）"
