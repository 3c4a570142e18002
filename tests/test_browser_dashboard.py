"""An editor's week: the dashboard from the admin's front page, a record reviewed, gone."""

import pytest

from .browser import log_in
from .factories import make_park
from .quality import EDITOR_PASSWORD, make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_reviews_a_record_from_the_dashboard_in_chinese(chromium, live_server):
    make_editor()
    park = make_park(name={"en": "Eco-Park", "zh-hans": "生态园"})
    context = chromium.new_context(base_url=live_server.url, locale="zh-CN")
    page = context.new_page()
    try:
        log_in(page, "editor", EDITOR_PASSWORD)
        page.click("#editors-dashboard-link a")
        review = page.locator("#attention-review")
        assert "12 个月内未审核的已发布记录（1）" in review.locator("h2").inner_text()
        review.get_by_role("link", name="生态园").click()
        page.get_by_label("保存时标记为已审核").check()
        page.click("input[name=_save]")
        page.wait_for_load_state()
        park.refresh_from_db()
        assert park.reviewed_at and park.reviewed_by.username == "editor"
        assert "最近审核" in page.locator("#result_list").inner_text()
        page.goto("/admin/dashboard/")
        assert "（0）" in page.locator("#attention-review h2").inner_text()
    finally:
        context.close()
