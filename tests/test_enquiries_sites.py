"""An enquiry about an available site: pre-filled from the site's page, routed by its park."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from enquiries.models import Enquiry, RoutingRule
from siting.models import AvailableSite

from .enquiry_helpers import default_desk, enquiry_data, make_desk
from .factories import make_park
from .pages import get_page
from .siting_helpers import make_site

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "zh-hans"]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def form_url(language="en", query=""):
    with translation.override(language):
        return reverse("enquiries:form") + query


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_page_links_to_the_form_about_the_site(client, language):
    site = make_site(slug="plot-a3", park=make_park(slug="eco-park"))
    html = get_page(client, f"/{language}/sites/plot-a3/", language).content.decode()
    assert f'href="/{language}/enquiry/?site=plot-a3"' in html
    # A site outside any park has its link too.
    make_site(slug="loose")
    html = get_page(client, f"/{language}/sites/loose/", language).content.decode()
    assert f'href="/{language}/enquiry/?site=loose"' in html
    assert site.park.slug == "eco-park"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_names_the_site_and_its_park(client, django_assert_num_queries, language):
    park = make_park(slug="eco-park")
    site = make_site(slug="plot-a3", park=park, name_en="Plot A-3", name_zh_hans="A-3地块")
    # parks, centres and sectors of the form; the site, its park
    with django_assert_num_queries(5):
        response = client.get(form_url(language, "?site=plot-a3"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial == {"site": site, "park": park}
    html = response.content.decode()
    assert f'<input type="hidden" name="site" value="{site.pk}"' in html
    about = "About the site:" if language == "en" else "关于载体："
    assert about in html and ("Plot A-3" if language == "en" else "A-3地块") in html


def test_the_enquiry_keeps_the_site_and_its_source(client):
    park = make_park()
    site = make_site(slug="plot-a3", park=park)
    response = client.post(
        form_url(query="?site=plot-a3"), enquiry_data(site=str(site.pk), park=str(park.pk))
    )
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.site == site and enquiry.source == "site:plot-a3"


@pytest.mark.parametrize("value", ["999999", "abc", "", "<b>"])
def test_a_bad_site_value_is_dropped_not_an_error(client, value):
    response = client.post(form_url(query="?site=nope"), enquiry_data(site=value))
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.site is None and enquiry.source == ""


@pytest.mark.parametrize("query", ["?site=unknown", "?site=", "?site=%00", "?site=" + "x" * 500])
def test_bad_site_links_prefill_nothing(client, query):
    response = client.get(form_url(query=query))
    assert response.status_code == 200
    assert response.context["form"].initial == {}


def test_a_draft_site_is_neither_prefilled_nor_accepted(client):
    draft = make_site(slug="secret", status=AvailableSite.Status.DRAFT)
    assert client.get(form_url(query="?site=secret")).context["form"].initial == {}
    client.post(form_url(), enquiry_data(site=str(draft.pk)))
    assert Enquiry.objects.get().site is None


def test_a_park_rule_routes_an_enquiry_about_one_of_its_sites(client):
    park, other = make_park(), make_park()
    desk = make_desk("Eco")
    RoutingRule.objects.create(kind=RoutingRule.Kind.PARK, park=park, desk=desk)
    in_park, elsewhere = make_site(park=park), make_site(park=other)
    # The visitor left the park field empty: the site's park still routes it.
    client.post(form_url(), enquiry_data(site=str(in_park.pk)))
    client.post(form_url(), enquiry_data(site=str(elsewhere.pk)))
    first, second = Enquiry.objects.order_by("pk")
    assert first.desk == desk
    assert second.desk == default_desk()


def test_the_desk_email_names_the_site(client, worker):
    site = make_site(slug="plot-a3", name_en="Plot A-3")
    client.post(form_url(), enquiry_data(site=str(site.pk)))
    worker.run()
    desk_mail = next(m for m in mail.outbox if "Plot A-3" in m.body)
    assert "/sites/plot-a3/" in desk_mail.body


def test_the_csv_export_names_the_site():
    from enquiries.export import enquiries_csv

    from .enquiry_helpers import make_enquiry

    site = make_site(name_en="Plot A-3")
    make_enquiry(site=site)
    text = enquiries_csv(Enquiry.objects.select_related("site")).content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert "available site" in header and "Plot A-3" in row
