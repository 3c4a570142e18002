"""The pages about the site (contact, accessibility, site map, style guide), the
footer's filings, the brand files, sharing metadata and the demo's event editions."""

import json
import re
from datetime import datetime
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from PIL import Image

from about import brand
from projects import inventory
from projects.models import Event

from .factories import make_park
from .pages import LANGUAGES, budget, get_page, switch_link, twin, warm_up
from .quality import make_sample_content

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
SITE_PAGES = [
    ("contact page", "about:contact"),
    ("accessibility statement", "about:accessibility"),
    ("site map", "about:site_map"),
]


def url_of(name, language):
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("label", "name"), SITE_PAGES)
def test_site_pages_answer_in_each_language_within_budget(
    client, django_assert_num_queries, language, label, name
):
    url = url_of(name, language)
    warm_up(client, url)
    with django_assert_num_queries(budget(label)):
        response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)


def test_contact_page_gives_address_phone_and_hours_in_each_language(client):
    english = client.get(url_of("about:contact", "en")).content.decode()
    chinese = client.get(url_of("about:contact", "zh-hans")).content.decode()
    assert "7 Xianggang Middle Road" in english and "香港中路7号" in chinese
    phone = settings.BUREAU_CONTACT["phone"]
    assert f'href="tel:{phone.replace(" ", "")}"' in english
    assert "13:30–17:30" in english and "法定节假日除外" in chinese


def test_site_map_lists_published_records_only_with_one_query_per_type(
    client, django_assert_max_num_queries
):
    make_park(name_en="Sino-German Eco-Park", slug="eco-park")
    make_park(name_en="Secret Park", slug="secret-park", status="draft")
    url = url_of("about:site_map", "en")
    warm_up(client, url)
    with django_assert_max_num_queries(budget("site map")):
        html = client.get(url).content.decode()
    assert 'href="/en/parks/eco-park/"' in html
    assert "secret-park" not in html


def test_site_pages_are_in_the_sitemap_and_the_style_guide_is_not(client):
    xml = client.get("/sitemap.xml").content.decode()
    for _label, name in SITE_PAGES:
        assert url_of(name, "en") in xml
    assert "/styleguide/" not in xml


def test_style_guide_is_for_staff_and_never_indexed(client):
    url = url_of("about:styleguide", "en")
    assert client.get(url).status_code == 302
    client.force_login(User.objects.create_user("visitor"))
    assert client.get(url).status_code == 302
    client.force_login(User.objects.create_user("staff", is_staff=True))
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert client.post(url).status_code == 405


# The footer


def test_footer_links_the_site_pages_and_hides_filings_that_are_not_set(client):
    html = client.get("/en/").content.decode()
    for _label, name in [*SITE_PAGES, ("privacy", "privacy")]:
        assert f'href="{url_of(name, "en")}"' in html
    assert "footer-filings" not in html


def test_footer_shows_each_filing_that_is_set(client, settings):
    settings.ICP_FILING_NUMBER = "鲁ICP备12345678号"
    settings.PUBLIC_SECURITY_FILING_NUMBER = "鲁公网安备 37020202000123号"
    settings.GOVERNMENT_SITE_ID = "3702000001"
    html = client.get("/zh-hans/").content.decode()
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">鲁ICP备12345678号</a>' in html
    assert "recordcode=37020202000123" in html
    assert "政府网站标识码" in html and "3702000001" in html


def test_footer_shows_only_the_filings_that_are_set(client, settings):
    settings.ICP_FILING_NUMBER = "鲁ICP备12345678号"
    html = client.get("/zh-hans/").content.decode()
    assert "鲁ICP备12345678号" in html
    assert "beian.gov.cn" not in html and "政府网站标识码" not in html


# The wordmark, icons and sharing metadata


@pytest.mark.parametrize(
    ("language", "name", "twin_name"),
    [("en", "Invest Qingdao", "投资青岛"), ("zh-hans", "投资青岛", "Invest Qingdao")],
)
def test_wordmark_names_the_portal_in_the_page_language_and_its_twin(
    client, language, name, twin_name
):
    html = client.get(f"/{language}/").content.decode()
    brand_html = re.search(r'<a class="brand".*?</a>', html, re.S).group(0)
    assert f'<span class="brand-name">{name}</span>' in brand_html
    assert f">{twin_name}</span>" in brand_html


def test_brand_files_are_drawn_from_the_mark_and_up_to_date(tmp_path):
    written = brand.write_all(tmp_path)
    for name in ("favicon.svg", "wordmark-en.svg", "wordmark-zh-hans.svg"):
        committed = (ROOT / "static" / "img" / name).read_text(encoding="utf-8")
        assert committed == (tmp_path / name).read_text(encoding="utf-8"), name
    sizes = {"favicon-32.png": 32, "apple-touch-icon.png": 180, "favicon-512.png": 512}
    for name, pixels in sizes.items():
        assert Image.open(ROOT / "static" / "img" / name).size == (pixels, pixels)
    assert Image.open(ROOT / "static" / "img" / "og-default.png").size == (1200, 630)
    assert "og-default.png" in written


def test_every_page_type_has_a_description_and_a_sharing_image(client):
    report = []
    for label, url in inventory.public_pages(make_sample_content()):
        html = client.get(url).content.decode()
        description = re.search(r'<meta name="description" content="([^"]*)"', html)
        image = re.search(r'<meta property="og:image" content="(https?://[^"]+)"', html)
        if not (description and description.group(1).strip()) or not image:
            report.append(label)
    assert report == []


def test_a_page_without_a_photo_shares_the_default_image(client):
    park = make_park(slug="no-photo")
    html = client.get(park.get_absolute_url()).content.decode()
    assert re.search(r'<meta property="og:image" content="http[^"]+/og-default\.png"', html)
    assert '<meta property="og:image:width" content="1200">' in html


# The demo's events: the 2026 and 2027 editions of each recurring event


RECURRING = [
    "global-qingdao-venture-investment-conference",
    "sco-forum-local-economic-trade-cooperation",
    "qingdao-week-south-korea",
    "qingdao-business-week-japan",
    "qingdao-week-germany",
    "qingdao-international-beer-festival",
    "japan-korea-import-expo",
]
EVENT_FIXTURES = [
    "010_sectors",
    "020_districts",
    "040_centres",
    "050_parks",
    "080_events",
    "085_event_editions",
]
# The demo is dated as of this day: 2026 editions are past, 2027 ones upcoming.
DEMO_NOW = datetime.fromisoformat("2026-12-02T10:00:00+08:00")


def test_each_recurring_event_has_its_2026_and_2027_editions():
    slugs = {
        record["fields"]["slug"]
        for name in ("080_events", "085_event_editions")
        for record in json.loads((ROOT / "fixtures" / f"{name}.json").read_text(encoding="utf-8"))
    }
    missing = [
        f"{event}-{year}"
        for event in RECURRING
        for year in (2026, 2027)
        if f"{event}-{year}" not in slugs
    ]
    assert missing == []


def test_on_the_demo_day_2026_editions_are_past_and_2027_ones_upcoming():
    call_command("loaddata", *EVENT_FIXTURES, verbosity=0)
    with mock.patch("django.utils.timezone.now", lambda: DEMO_NOW):
        upcoming = set(Event.objects.published().upcoming().values_list("slug", flat=True))
    for event in RECURRING:
        assert f"{event}-2027" in upcoming
        assert f"{event}-2026" not in upcoming
