"""An investor writes in Chinese, an officer replies in the admin, the investor reads and books."""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from enquiries.models import Booking, CallSlot, Enquiry

from .browser import log_in
from .enquiry_helpers import default_desk, make_officer, send_queued_emails
from .quality import describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def migrated_data():
    """Officer permissions and the default desk, which an earlier transactional test flushed."""
    for name in ("0002_officer_permissions", "0006_reply_permissions"):
        importlib.import_module(f"enquiries.migrations.{name}").grant(django_apps, None)
    cache.clear()


@pytest.fixture
def investor_page(chromium, live_server):
    """A Chinese-speaking investor whose browser is in Berlin."""
    context = chromium.new_context(
        base_url=live_server.url, locale="zh-CN", timezone_id="Europe/Berlin"
    )
    yield context.new_page()
    context.close()


def assert_accessible(page):
    violations = run_axe(page)
    assert not violations, f"{page.url}:\n{describe_violations(violations)}"


def the_email(subject_part):
    return next(message for message in mail.outbox if subject_part in message.subject)


def test_investor_reads_the_officers_reply_rates_it_and_books_a_call(
    investor_page, page, live_server, settings
):
    settings.SITE_URL = live_server.url
    desk = default_desk()
    for weekday in range(7):  # a free slot whatever day the test runs
        CallSlot.objects.create(desk=desk, weekday=weekday, start_time="15:00")
    officer = make_officer("lena", desk)
    officer.first_name, officer.last_name = "Lena", "Hoffmann"
    officer.save()

    investor = investor_page
    investor.goto("/zh-hans/enquiry/")
    investor.get_by_label("您的姓名").fill("王伟")
    investor.get_by_label("公司").fill("青岛海洋科技有限公司")
    investor.get_by_label("国家").select_option("DE")
    investor.get_by_label("电子邮箱").fill("wang.wei@example.com")
    investor.get_by_label("投资阶段").select_option("ready")
    investor.get_by_label("留言").fill("我们计划在园区设立研发中心，想了解用地政策。")
    investor.get_by_label("我同意").check()
    investor.get_by_role("button", name="提交咨询").click()
    expect(investor.locator(".enquiry-reference")).to_have_text(re.compile(r"^IQ-\d{4}-\d{4}$"))
    enquiry = Enquiry.objects.get()
    assert enquiry.language == "zh-hans"

    # The officer answers on the enquiry's admin page.
    log_in(page, "lena", "a-long-officer-password")
    page.goto(f"/admin/enquiries/enquiry/{enquiry.pk}/change/")
    page.get_by_label("Your reply to the investor").fill(
        "Dear Mr Wang,\n\nPlot B-7 in the Sino-German Eco-Park is free from May."
    )
    page.get_by_role("button", name="Send reply").click()
    expect(page.locator(".messagelist")).to_contain_text("wang.wei@example.com")
    expect(page.locator("#replies")).to_contain_text("Plot B-7")

    send_queued_emails()
    reply_email = the_email("答复")
    assert reply_email.to == ["wang.wei@example.com"]
    link = re.search(r"(http://\S+/zh-hans/enquiry/thread/\S+)", reply_email.body).group(1)

    # The investor opens the link from the email: the page follows the browser's time zone.
    investor.goto(link)
    expect(investor.get_by_role("heading", level=1)).to_have_text(f"您的咨询 {enquiry.reference}")
    expect(investor).to_have_url(re.compile(r"\?tz=Europe%2FBerlin"))
    expect(investor.locator(".enquiry-thread")).to_contain_text("Plot B-7")
    expect(investor.locator(".enquiry-status")).to_contain_text("答复于")
    expect(investor.get_by_label("您的时区")).to_have_value("Europe/Berlin")
    assert_accessible(investor)

    investor.get_by_role("button", name="4 分（满分 5 分）").click()
    expect(investor.locator("#rating")).to_contain_text("评了 4 分")

    first_slot = investor.locator("input[name=slot]").first
    first_slot.check()
    label = investor.locator(f"label[for={first_slot.get_attribute('id')}]").inner_text()
    investor.get_by_role("button", name="预约此时段").click()
    expect(investor.locator(".enquiry-booked")).to_contain_text(label)
    expect(investor.locator(".enquiry-booked")).to_contain_text("（柏林时间 UTC+")
    assert_accessible(investor)

    booking = Booking.objects.get()
    assert (booking.enquiry_id, booking.time_zone) == (enquiry.pk, "Europe/Berlin")
    enquiry.refresh_from_db()
    assert (enquiry.rating, enquiry.status) == (4, Enquiry.Status.ANSWERED)

    send_queued_emails()
    confirmation = the_email("通话")
    assert confirmation.attachments[0][0] == "invest-qingdao-call.ics"

    # The officer sees the call on the enquiry's page.
    page.goto(f"/admin/enquiries/enquiry/{enquiry.pk}/change/")
    expect(page.locator("#bookings")).to_contain_text("Europe/Berlin")
