"""An investor takes a park's fact sheet away: the page links to it, the browser opens it."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.factories import bilingual, make_park
from tests.pdf_helpers import text

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def test_the_park_page_downloads_its_sheet_once_the_worker_printed_it(page):
    park = make_park(
        slug="eco-park",
        latitude="36.0",
        longitude="120.1",
        **bilingual("name", "Sino-German Eco-Park", "中德生态园"),
    )

    page.goto("/en/parks/eco-park/")
    page.get_by_role("link", name="English + Simplified Chinese").click()
    # Not printed yet: the visitor is asked to come back, the worker is asked to print.
    expect(page.get_by_role("heading", level=1)).to_have_text("The fact sheet is being prepared")

    run_worker()
    page.goto(park.get_absolute_url())
    with page.expect_response(lambda response: "factsheet.pdf" in response.url) as answer:
        page.get_by_role("link", name="English + Simplified Chinese").click()
    opened = answer.value
    assert opened.status == 200 and opened.headers["content-type"] == "application/pdf"
    assert 'filename="eco-park-all.pdf"' in opened.headers["content-disposition"]
    # The PDF viewer reads the file in ranges: fetch it whole, as a download would.
    printed = text(page.request.get(opened.url).body())
    assert "Sino-German Eco-Park" in printed and "中德生态园" in printed
