import json
import re

import pytest

from projects.models import Event, Park

from .factories import make_centre, make_event, make_park, make_policy

pytestmark = pytest.mark.django_db


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "the page has a JSON-LD block"
    return match.group(1)


class TestSitemap:
    def test_every_published_page_in_both_languages_with_alternates(self, client):
        park = make_park(slug="eco-park")
        make_park(slug="draft-park", status=Park.Status.DRAFT)
        make_policy(slug="venture")
        make_event(slug="beer-festival")
        make_centre(slug="seoul")
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        xml = response.content.decode()
        for path in (
            "parks/eco-park/",
            "policies/venture/",
            "events/beer-festival/",
            "centres/seoul/",
        ):
            assert f"<loc>http://testserver/en/{path}</loc>" in xml
            assert f"<loc>http://testserver/zh-hans/{path}</loc>" in xml
        assert (
            '<xhtml:link rel="alternate" hreflang="zh-hans" '
            f'href="http://testserver/zh-hans/parks/{park.slug}/"/>'
        ) in xml
        assert 'hreflang="x-default"' in xml
        assert "draft-park" not in xml
        assert "<loc>http://testserver/en/parks/</loc>" in xml

    def test_sitemap_queries_stay_constant(self, client, django_assert_num_queries):
        for _ in range(10):
            make_park()
            make_event()
        # parks, policies, events, centres, available sites; stories, news, guide steps,
        # sectors, countries
        with django_assert_num_queries(10):
            client.get("/sitemap.xml")


def test_robots_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_root_favicon_leads_to_the_icon_file(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/img/favicon.ico")
    assert client.get("/favicon.ico/").status_code == 404


class TestFeeds:
    @pytest.mark.parametrize(("language", "name"), [("en", "Beer Festival"), ("zh-hans", "啤酒节")])
    def test_event_feed_is_in_the_language(self, client, language, name):
        make_event(name_en="Beer Festival", name_zh_hans="啤酒节", slug="beer")
        make_event(name_en="Hidden draft", status=Event.Status.DRAFT)
        response = client.get(f"/{language}/events/feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        xml = response.content.decode()
        assert f"<title>{name}</title>" in xml
        assert f"http://testserver/{language}/events/beer/" in xml
        assert "Hidden draft" not in xml

    def test_policy_feed(self, client):
        make_policy(name_en="Tariff guarantee insurance", slug="tariff")
        xml = client.get("/en/policies/feed/").content.decode()
        assert "<title>Tariff guarantee insurance</title>" in xml
        assert "http://testserver/en/policies/tariff/" in xml

    def test_feeds_are_announced_in_the_page_head(self, client):
        html = client.get("/zh-hans/events/").content.decode()
        assert 'type="application/rss+xml"' in html and 'href="/zh-hans/events/feed/"' in html


class TestHead:
    def test_canonical_alternates_and_opengraph(self, client):
        park = make_park(slug="eco-park", name_zh_hans="中德生态园")
        html = client.get(f"/zh-hans/parks/{park.slug}/?utm=x").content.decode()
        assert '<link rel="canonical" href="http://testserver/zh-hans/parks/eco-park/">' in html
        assert (
            '<link rel="alternate" hreflang="en" href="http://testserver/en/parks/eco-park/">'
        ) in html
        assert '<link rel="alternate" hreflang="zh-Hans"' in html
        assert (
            '<link rel="alternate" hreflang="x-default" href="http://testserver/parks/eco-park/">'
        ) in html
        assert '<meta property="og:title" content="中德生态园">' in html
        assert '<meta property="og:locale" content="zh_CN">' in html

    def test_x_default_redirects_by_language(self, client):
        park = make_park(slug="eco-park")
        response = client.get(f"/parks/{park.slug}/", headers={"accept-language": "en"})
        assert response["Location"] == "/en/parks/eco-park/"


class TestStructuredData:
    def test_event_json_ld_escapes_markup(self, client):
        event = make_event(name_en="</script><b>Expo & more</b>", venue_en="Hall A")
        html = client.get(f"/en/events/{event.slug}/").content.decode()
        block = json_ld(html)
        assert "</script><b>" not in block and "&" not in block
        data = json.loads(block)
        assert data["@type"] == "Event"
        assert data["name"] == "</script><b>Expo & more</b>"
        assert data["startDate"].endswith("+08:00")
        assert data["location"]["name"] == "Hall A"

    def test_home_names_the_organisation_in_the_language(self, client):
        data = json.loads(json_ld(client.get("/zh-hans/").content.decode()))
        assert data["@type"] == "GovernmentOrganization"
        assert data["name"] == "投资青岛"
        assert data["url"] == "http://testserver/zh-hans/"

    def test_park_is_a_place_with_coordinates(self, client):
        park = make_park(latitude="36.07", longitude="120.38")
        data = json.loads(json_ld(client.get(f"/en/parks/{park.slug}/").content.decode()))
        assert data["@type"] == "Place"
        assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 36.07, "longitude": 120.38}


def test_public_pages_set_no_cookie_and_vary_by_nothing_personal(client):
    park = make_park()
    for url in ("/en/", "/en/parks/", f"/en/parks/{park.slug}/", "/en/search/?q=a"):
        response = client.get(url)
        assert not response.cookies
        assert "Cookie" not in response.get("Vary", "")
