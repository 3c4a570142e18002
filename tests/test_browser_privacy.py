"""An investor reads the privacy notice from the consent and agrees to a transfer abroad."""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from playwright.sync_api import expect

from enquiries.models import Enquiry, RoutingRule

from .enquiry_helpers import make_desk
from .quality import describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def migrated_data():
    """The officer group and default desk, which an earlier transactional test may have flushed."""
    migration = importlib.import_module("enquiries.migrations.0002_officer_permissions")
    migration.grant(django_apps, schema_editor=None)
    cache.clear()


def test_investor_reads_the_notice_then_agrees_to_the_centre_abroad(page):
    germany = make_desk("Germany desk", abroad=True)
    RoutingRule.objects.create(kind=RoutingRule.Kind.COUNTRY, country="DE", desk=germany)

    page.goto("/zh-hans/enquiry/")
    page.locator(".consent").get_by_role("link", name="隐私声明").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/privacy/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("隐私声明")
    expect(page.locator("main")).to_contain_text("保存 3 年")
    violations = run_axe(page)
    assert not violations, describe_violations(violations)

    page.go_back()
    page.get_by_label("您的姓名").fill("Anna Schmidt")
    page.get_by_label("公司").fill("Nordsee Maschinenbau GmbH")
    page.get_by_label("国家").select_option("DE")
    page.get_by_label("电子邮箱").fill("anna@nordsee.example")
    page.get_by_label("投资阶段").select_option("ready")
    page.get_by_label("留言").fill("我们想了解港口附近的厂房。")
    page.get_by_label("我同意").check()
    transfer = page.get_by_label("我还同意")
    expect(transfer).not_to_be_checked()
    transfer.check()
    page.get_by_role("button", name="提交咨询").click()

    expect(page.locator(".enquiry-reference")).to_have_text(re.compile(r"^IQ-\d{4}-\d{4}$"))
    enquiry = Enquiry.objects.get()
    assert enquiry.cross_border_consent is True
    assert enquiry.desk == germany
