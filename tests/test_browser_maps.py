"""The map component on a phone (390 px wide), in a real browser: every marker is a tap
target of at least 24 px, the key beside it lists the same places, nothing overflows."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": 390, "height": 844})
    return page


REACHED = """() => [...document.querySelectorAll('figure.map a.map-marker-link')].map(link => {
  link.scrollIntoView({block: 'center'});
  const box = link.getBoundingClientRect();
  const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  return [link.getAttribute('aria-label'), hit?.closest('a')?.getAttribute('aria-label')];
})"""


def marker_boxes(page):
    return [marker.bounding_box() for marker in page.locator("figure.map a.map-marker-link").all()]


@pytest.mark.parametrize(
    ("url", "markers"),
    [("/zh-hans/parks/", 10), ("/zh-hans/sites/", 20), ("/zh-hans/centres/", 12)],
)
def test_every_marker_is_a_tap_target_on_a_phone(phone, url, markers):
    phone.goto(url)
    expect(phone.locator("figure.map .map-stamp")).to_have_text("示意图")
    boxes = marker_boxes(phone)
    assert len(boxes) == markers
    assert min(min(box["width"], box["height"]) for box in boxes) >= 24
    # At each marker's centre, the marker itself is what a tap reaches.
    assert all(own == reached for own, reached in phone.evaluate(REACHED))
    assert phone.locator("ol.map-key a").count() >= markers
    overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow


def test_a_marker_tapped_opens_its_park(phone):
    phone.goto("/zh-hans/parks/")
    first = phone.locator("figure.map a.map-marker-link").first
    name = first.get_attribute("aria-label").split(". ", 1)[1]
    first.scroll_into_view_if_needed()
    first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(name)
