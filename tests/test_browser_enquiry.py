"""A Chinese-speaking investor sends an enquiry from a park page; an officer finds it."""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from playwright.sync_api import expect

from enquiries.models import Enquiry

from .browser import log_in
from .enquiry_helpers import default_desk, make_officer
from .factories import make_park
from .quality import describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def migrated_data():
    """The officer group and default desk, which an earlier transactional test may have flushed."""
    migration = importlib.import_module("enquiries.migrations.0002_officer_permissions")
    migration.grant(django_apps, schema_editor=None)
    cache.clear()


def assert_accessible(page):
    violations = run_axe(page)
    assert not violations, f"{page.url}:\n{describe_violations(violations)}"


def test_investor_sends_an_enquiry_and_an_officer_finds_it(page):
    park = make_park(slug="sino-german-eco-park", name_zh_hans="中德生态园")
    make_officer("lena", default_desk())

    page.goto("/zh-hans/parks/sino-german-eco-park/")
    page.get_by_role("link", name="发送咨询").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/enquiry/\?park=sino-german-eco-park$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("发送咨询")
    # The park is pre-filled by its name in the page's language (no list of every park).
    expect(page.get_by_label("园区（选填）")).to_have_value(park.name_zh_hans)

    # Sending too early shows the errors in Chinese, accessibly.
    page.get_by_role("button", name="提交咨询").click()
    expect(page.get_by_role("alert")).to_contain_text("请修改")
    assert_accessible(page)

    page.get_by_label("您的姓名").fill("王伟")
    page.get_by_label("公司").fill("青岛海洋科技有限公司")
    page.get_by_label("国家").select_option("SG")
    page.get_by_label("电子邮箱").fill("wang.wei@example.com")
    page.get_by_label("投资阶段").select_option("ready")
    page.get_by_label("留言").fill("我们计划在园区设立研发中心，想了解用地政策。")
    page.get_by_label("我同意").check()
    page.get_by_role("button", name="提交咨询").click()

    reference = page.locator(".enquiry-reference")
    expect(reference).to_have_text(re.compile(r"^IQ-\d{4}-\d{4}$"))
    assert_accessible(page)
    enquiry = Enquiry.objects.get()
    assert reference.inner_text() == enquiry.reference
    assert (enquiry.language, enquiry.park, enquiry.source) == (
        "zh-hans",
        park,
        "park:sino-german-eco-park",
    )

    page.get_by_role("link", name="查询咨询进度").click()
    page.get_by_label("咨询编号").fill(enquiry.reference)
    page.get_by_label("提交咨询时使用的电子邮箱").fill("wang.wei@example.com")
    page.get_by_role("button", name="查询进度").click()
    expect(page.locator(".enquiry-status")).to_contain_text("已分派")
    assert_accessible(page)

    page.context.clear_cookies()
    log_in(page, "lena", "a-long-officer-password")
    page.goto("/admin/enquiries/enquiry/")
    page.fill("#searchbar", enquiry.reference)
    page.press("#searchbar", "Enter")
    page.get_by_role("link", name=enquiry.reference).click()
    expect(page.locator("#id_company")).to_have_value("青岛海洋科技有限公司")
