"""An editor edits a park in both language tabs in a real browser."""

import pytest
from playwright.sync_api import expect

from .browser import open_park_as_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_edits_a_park_in_both_language_tabs(page):
    park = open_park_as_editor(page)

    page.get_by_role("tab", name="zh-hans").first.click()
    page.fill("#id_name_zh_hans", "中德生态园（青岛）")
    page.get_by_role("tab", name="en").first.click()
    page.fill("#id_name_en", "Sino-German Ecopark Qingdao")
    page.click("input[name=_save]")

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    park.refresh_from_db()
    assert park.name_en == "Sino-German Ecopark Qingdao"
    assert park.name_zh_hans == "中德生态园（青岛）"
