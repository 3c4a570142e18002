"""A site selector sorts by rent, opens the cheapest site and asks about it; the park's desk
gets the enquiry."""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from playwright.sync_api import expect

from enquiries.models import Enquiry, RoutingRule

from .enquiry_helpers import make_desk
from .factories import make_park
from .siting_helpers import make_site

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def migrated_data():
    """The default desk, which an earlier transactional test may have flushed."""
    migration = importlib.import_module("enquiries.migrations.0002_officer_permissions")
    migration.grant(django_apps, schema_editor=None)
    cache.clear()


def test_selector_sorts_by_rent_and_asks_about_the_cheapest_site(page):
    park = make_park(slug="eco-park", name_en="Sino-German Eco-Park")
    desk = make_desk("Eco-Park")
    RoutingRule.objects.create(kind=RoutingRule.Kind.PARK, park=park, desk=desk)
    make_site(name_en="Monthly rent hall", price="20", price_basis="rent_m2_month", park=park)
    cheapest = make_site(
        name_en="Daily rent hall", price="0.5", price_basis="rent_m2_day", park=park
    )
    make_site(name_en="Plot for sale", price="380000", price_basis="land_mu", kind="land")

    page.goto("/en/sites/")
    page.get_by_label("Sort by").select_option(label="Rent per m² a month, lowest first")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".sort-basis")).to_contain_text("365 ÷ 12")
    cards = page.locator(".cards .card-title")
    expect(cards.first).to_have_text("Daily rent hall")
    expect(cards.last).to_have_text("Plot for sale")
    expect(page.locator(".cards .compared").first).to_contain_text("about RMB 15.2")

    cards.first.get_by_role("link").click()
    page.get_by_role("link", name="Send an enquiry").click()
    expect(page).to_have_url(re.compile(rf"/en/enquiry/\?site={cheapest.slug}$"))
    expect(page.locator(".enquiry-about")).to_contain_text("Daily rent hall")

    page.get_by_label("Your name").fill("Anna Berger")
    page.get_by_label("Company").fill("Berger Logistik GmbH")
    page.get_by_label("Country or region").select_option("DE")
    page.get_by_label("Email").fill("anna@example.com")
    page.get_by_label("Stage").select_option("ready")
    page.get_by_label("Message").fill("Is the hall free from March?")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Send enquiry").click()

    expect(page.locator(".enquiry-reference")).to_have_text(re.compile(r"^IQ-\d{4}-\d{4}$"))
    enquiry = Enquiry.objects.get()
    assert (enquiry.site, enquiry.park, enquiry.desk) == (cheapest, park, desk)
    assert enquiry.source == f"site:{cheapest.slug}"
