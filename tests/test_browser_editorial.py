"""An editor's journey in the Chinese admin: draft, preview, publish, draft changes,
compare and restore."""

import re

import pytest
from playwright.sync_api import expect

from editorial.models import DraftChanges
from projects.models import Park

from .browser import log_in

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-editor-password"


@pytest.fixture
def chinese_page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="zh-CN")
    page = context.new_page()
    page.problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.problems.append(message.text),
    )
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def editor_signs_in(page):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("bianji", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    log_in(page, "bianji", PASSWORD)


def in_language(page, field, code, value):
    """Fill a translated field: its languages stand side by side on the form."""
    column = f"id_{field}_{code.replace('-', '_')}"
    page.fill(f"#{column}", value)


def write_description(page, code, text):
    column = f"id_body_{code.replace('-', '_')}"
    editor = page.locator(f".prose-editor:has(#{column}) [contenteditable=true]")
    editor.click()
    editor.press("Control+a")
    editor.type(text)


def save_and_continue(page):
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    expect(page.locator(".errornote")).to_have_count(0)


def test_editor_drafts_previews_publishes_and_restores_in_chinese(chinese_page):
    page = chinese_page
    editor_signs_in(page)

    # A park started in Chinese only, saved as a draft.
    page.goto("/admin/projects/park/add/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    in_language(page, "name", "zh-hans", "中德生态园")
    in_language(page, "summary", "zh-hans", "面向德国及欧洲企业的低碳园区。")
    write_description(page, "zh-hans", "园区规划面积11.6平方公里。")
    page.select_option("#id_kind", Park.Kind.INDUSTRIAL_PARK)
    page.fill("#id_slug", "sino-german-eco-park")
    save_and_continue(page)
    park = Park.objects.get(slug="sino-german-eco-park")
    assert park.status == Park.Status.DRAFT
    assert park.body_zh_hans == "<p>园区规划面积11.6平方公里。</p>"
    expect(page.locator(".editorial-state")).to_contain_text("草稿")
    expect(page.locator(".completeness .missing")).to_contain_text("名称")

    # The preview shows the draft as its public Chinese page, marked as a preview.
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="预览简体中文版").click()
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview.locator(".preview-banner")).to_contain_text("预览")
    expect(preview.locator("main h1")).to_contain_text("中德生态园")
    preview.close()

    # The English is added and the park published.
    in_language(page, "name", "en", "Sino-German Eco-Park")
    in_language(page, "summary", "en", "A low-carbon park for German and European companies.")
    write_description(page, "en", "The park covers 11.6 km².")
    page.select_option("#id_status", Park.Status.PUBLISHED)
    save_and_continue(page)
    park.refresh_from_db()
    assert park.status == Park.Status.PUBLISHED and park.name_en == "Sino-German Eco-Park"
    expect(page.locator(".editorial-state")).to_contain_text("已上线")
    # Every counted text is there in both languages: the form says so, nothing missing.
    expect(page.locator(".completeness .missing")).to_have_count(0)
    expect(page.locator(".completeness")).to_contain_text("完整")

    # Edited again: the change is kept as draft changes, the public page unchanged.
    in_language(page, "summary", "zh-hans", "中德生态园是中德两国政府合作的园区。")
    page.click("input[name=_save_draft]")
    page.wait_for_load_state()
    expect(page.locator(".messagelist")).to_contain_text("草稿修改已保存")
    expect(page.locator(".editorial-state")).to_contain_text("已上线（另有草稿修改）")
    park.refresh_from_db()
    assert park.summary_zh_hans == "面向德国及欧洲企业的低碳园区。"
    assert DraftChanges.objects.count() == 1

    # History: compare the newest two versions, then restore the published one.
    page.goto(f"/admin/projects/park/{park.pk}/history/")
    page.get_by_role("button", name="比较所选的两个版本").click()
    changes = page.locator(".editorial-compare tbody")
    expect(changes).to_contain_text("简介（简体中文）")
    expect(changes.locator("ins")).to_contain_text("中德两国政府合作")
    page.get_by_role("link", name="恢复较早的版本……").click()
    expect(page.locator("#content-main")).to_contain_text("恢复后")
    page.get_by_role("button", name="是，恢复此版本").click()
    expect(page.locator(".messagelist")).to_contain_text("已恢复较早的版本")
    park.refresh_from_db()
    assert park.summary_zh_hans == "面向德国及欧洲企业的低碳园区。"
    assert park.summary_en == "A low-carbon park for German and European companies."
    assert not DraftChanges.objects.exists()

    # Nothing was refused by the Content-Security-Policy or failed in a script.
    assert not [p for p in page.problems if re.search("Content Security Policy|Error", p)]


PASTE = """
(args) => {
  const [selector, html] = args;
  const target = document.querySelector(selector);
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", "");
  target.focus();
  target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
}
"""


@pytest.mark.parametrize(
    "pasted, kept",
    [("WORD", "<strong>11.6 km²</strong>"), ("WECHAT", "<strong>中德生态园</strong>位于")],
)
def test_pasted_word_and_wechat_html_keeps_our_tags_only(chinese_page, pasted, kept):
    from projects.richtext import ALLOWED_TAGS

    from . import test_editorial_richtext as samples
    from .factories import make_park

    page = chinese_page
    # Published in both languages: the pasted Chinese completes the description.
    park = make_park(slug="pasted", body={"en": "<p>The park covers 11.6 km².</p>"})
    editor_signs_in(page)
    page.goto(f"/admin/projects/park/{park.pk}/change/")
    editable = ".prose-editor:has(#id_body_zh_hans) [contenteditable=true]"
    page.evaluate(PASTE, [editable, getattr(samples, pasted)])
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    park.refresh_from_db()
    body = park.body_zh_hans
    assert body, "nothing was pasted"
    assert set(re.findall(r"</?([a-z0-9:-]+)", body)) <= ALLOWED_TAGS
    assert "style" not in body and "mso" not in body
    assert kept in body
