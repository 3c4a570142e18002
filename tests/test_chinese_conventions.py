"""Every Chinese page of the demo, read as a Chinese reader reads it.

The pages come from the sitemap, from every filter choice of the list pages and
from the forms (empty, wrong and right); a new page type joins the crawl by
being in the sitemap or in EXTRA_PAGES below.
"""

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.utils import translation

from enquiries.models import Enquiry
from enquiries.replies.links import thread_path

from .chinese_reading import CENTRE_VARIANTS, names_the_centres, problems, visible_text
from .enquiry_helpers import enquiry_data
from .pages import forget_kept

LANGUAGE = "zh-hans"
PREFIX = f"/{LANGUAGE}/"
# Pages the sitemap does not list: searches, error pages, form answers.
EXTRA_PAGES = [
    f"{PREFIX}search/?q=青岛",
    f"{PREFIX}search/?q=没有这个词",
    f"{PREFIX}search/?q=" + "x" * 101,
    f"{PREFIX}events/?when=past",
    f"{PREFIX}enquiry/",
    f"{PREFIX}enquiry/?park=sino-german-eco-park",
    f"{PREFIX}enquiry/?event=qingdao-week-south-korea-2019",
    f"{PREFIX}enquiry/thanks/",
    f"{PREFIX}enquiry/status/",
    f"{PREFIX}no-such-page/",
    f"{PREFIX}parks/no-such-park/",
    f"{PREFIX}parks/?sector=" + "x" * 2100,
    f"{PREFIX}sites/?kind=factory&power_min=2000&node=qianwan-port-area&within_km=30",
    f"{PREFIX}sites/?area_min=-5&area_max=abc&park=no-such-park&within_km=3",
    f"{PREFIX}sites/?sort=rent",
    f"{PREFIX}sites/?sort=sale&kind=land",
    f"{PREFIX}enquiry/?site=sge-factory-1",
    f"{PREFIX}sites/sge-factory-1/?entry=20&skilled=40&engineer=6&manager=3"
    "&power_kwh=500000&floor_m2=5000",
    f"{PREFIX}costs/?entry=10&engineer=2&power_kwh=100000&floor_m2=1000",
    f"{PREFIX}news/?year=2019",
    f"{PREFIX}subscribe/?topic=country&key=kr",
    f"{PREFIX}subscribe/?topic=sector&key=no-such",
    f"{PREFIX}subscribe/confirm/forged/",
    f"{PREFIX}subscribe/unsubscribe/forged/",
    f"{PREFIX}countries/fr/",
    f"{PREFIX}compare/",
    f"{PREFIX}compare/?parks=sino-german-eco-park,oriental-film-and-television-park,"
    "qingdao-free-trade-zone-area,china-sco-demonstration-zone,no-such-park,sino-german-eco-park",
    f"{PREFIX}compare/?sites=sge-factory-1,sge-factory-1,no-such-site",
    f"{PREFIX}parks/?compare=sino-german-eco-park",
    f"{PREFIX}incentives/finder/?sector=finance-venture-capital&company_type=sme&talent=top"
    "&park=sino-german-eco-park&investment=50&headcount=abc",
    # No sheet printed yet (the worker does not run here): the page asking to wait.
    f"{PREFIX}parks/sino-german-eco-park/factsheet.pdf",
]
# The forms posted wrong (errors shown) and, for the status page, not found.
POSTS = [
    (f"{PREFIX}enquiry/", {}),
    (f"{PREFIX}enquiry/", {"email": "not-an-address", "phone": "abc", "consent": "on"}),
    (f"{PREFIX}enquiry/status/", {}),
    (f"{PREFIX}enquiry/status/", {"reference": "IQ-2026-9999", "email": "a@b.example"}),
    (f"{PREFIX}enquiry/status/", {"reference": "IQ-1", "email": "wrong"}),
    (f"{PREFIX}subscribe/", {"topic": "country", "key": "kr", "email": "wrong"}),
]
LIST_PAGES = [
    "",
    "incentives/finder/",
    "parks/",
    "policies/",
    "events/",
    "events/?when=past",
    "centres/",
    "sites/",
    "stories/",
]
pytestmark = pytest.mark.django_db
GLOSSARY = Path(settings.BASE_DIR) / "docs" / "glossary.md"
SELECT = re.compile(r'<select name="(\w+)"[^>]*>(.*?)</select>', re.S)
OPTION = re.compile(r'<option value="([^"]+)"')


def sitemap_pages(client):
    xml = client.get("/sitemap.xml").content.decode()
    return [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", xml) if PREFIX in url]


def filter_pages(client):
    """Each list page once per choice of each of its filters."""
    urls = []
    for page in LIST_PAGES:
        url = PREFIX + page
        html = client.get(url).content.decode()
        joiner = "&" if "?" in url else "?"
        for name, options in SELECT.findall(html):
            urls += [f"{url}{joiner}{name}={value}" for value in OPTION.findall(options)]
    return urls


def answered_enquiry(client):
    """An enquiry sent in Chinese: the thank-you page and its status page."""
    sent = client.post(
        f"{PREFIX}enquiry/",
        enquiry_data(name="王芳", company="海信", message="我们想租用厂房。"),
    )
    enquiry = Enquiry.objects.get(name="王芳")
    status = {"reference": enquiry.reference, "email": enquiry.email}
    return {
        "thanks with reference": client.get(sent.url),
        "status found": client.post(f"{PREFIX}enquiry/status/", status),
        "thread": client.get(thread_path(enquiry, LANGUAGE)),
    }


def rate_limited(client):
    """The page shown after too many status look-ups."""
    for _attempt in range(20):
        response = client.post(f"{PREFIX}enquiry/status/", {"reference": "IQ-1", "email": "a@b.c"})
        if response.status_code == 429:
            return {"rate limited": response}
    raise AssertionError("the status look-up is never rate-limited")


@pytest.fixture(scope="module")
def crawl(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every Chinese page of the demo: {url: html}."""
    media = tmp_path_factory.mktemp("media")
    # Set up before the function fixtures that empty the cache: nothing a test before
    # it rendered (with other settings) may answer its pages.
    forget_kept()
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        client = Client(headers={"accept-language": LANGUAGE})
        urls = dict.fromkeys(sitemap_pages(client) + EXTRA_PAGES + filter_pages(client))
        pages = {url: client.get(url) for url in urls}
        for url, data in POSTS:
            pages[f"POST {url} {sorted(data.items())}"] = client.post(url, data)
        pages.update(answered_enquiry(client))
        pages.update(rate_limited(client))
        with translation.override(LANGUAGE):
            pages["server error page"] = HttpResponse(render_to_string("500.html"))
        yield pages
        transaction.set_rollback(True)


def test_the_crawl_reaches_every_page_type(crawl):
    paths = " ".join(crawl)
    for part in (
        "/parks/",
        "/policies/",
        "/events/",
        "/centres/",
        "/enquiry/",
        "/search/",
        "/sites/",
        "/costs/",
        "/stories/",
        "/news/",
        "/sectors/",
        "/countries/",
        "/how-to-invest/",
        "/subscribe/",
        "/compare/",
        "/incentives/finder/",
    ):
        assert f"{PREFIX[:-1]}{part}" in paths, part
    assert len(crawl) > 100
    statuses = {response.status_code for response in crawl.values()}
    assert statuses <= {200, 202, 400, 404, 429}
    assert {200, 400, 404, 429} <= statuses
    assert "IQ-" in crawl["thanks with reference"].content.decode()
    assert "收到时间" in crawl["status found"].content.decode()


def test_every_chinese_page_reads_as_chinese(crawl):
    found = {}
    for url, response in crawl.items():
        html = response.content.decode()
        assert '<html lang="zh-Hans">' in html, url
        if offences := problems(html):
            found[url] = offences
    assert not found, "\n".join(f"{url}: {offences}" for url, offences in found.items())


def glossary_term(english):
    """The Chinese term the glossary gives for an English term."""
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) >= 2 and cells[0] == english:
            return cells[1]
    raise LookupError(english)


def test_pages_name_the_centres_with_the_glossary_term(crawl):
    term = glossary_term("overseas business centre")
    assert term in CENTRE_VARIANTS[0] or CENTRE_VARIANTS[0] in term
    checked = 0
    for url, response in crawl.items():
        html = response.content.decode()
        if not names_the_centres(html):
            continue
        checked += 1
        # A centre's own name (青岛驻德国工商中心) may stand; every other mention is the term.
        text = re.sub(r"青岛驻\w{1,8}?工商中心", "", visible_text(html))
        assert term in text, url
        text = text.replace(term, "")
        assert not [v for v in CENTRE_VARIANTS if v in text], (url, term)
    assert checked > 50


PAGE = '<html lang="zh-Hans"><head><title>{title}</title></head><body>{body}</body></html>'


@pytest.mark.parametrize(
    ("body", "offence"),
    [
        ("<p>当地时间（Asia/Shanghai）</p>", "time zone name"),
        ("<p>青岛国际会议中心, 青岛</p>", "ASCII punctuation"),
        ("<label>您的姓名:</label>", "ASCII punctuation"),
        ("<p><span>会议中心</span>(青岛)</p>", "ASCII punctuation"),
        ("<p>输入一个有效的 Email 地址。</p>", "English word 'Email'"),
        ("<p>总投资 ¥6.5B</p>", "Latin unit"),
        ("<select><option>---------</option></select>", "---------"),
        ('<img alt="Photo of the park" src="x.jpg">', "English word 'Photo'"),
    ],
)
def test_the_reader_notices_each_offence(body, offence):
    found = problems(PAGE.format(title="园区 · 投资青岛", body=body))
    assert any(offence in problem for problem in found), found


@pytest.mark.parametrize(
    "body",
    [
        '<p lang="en">Please wait a few minutes, then try again.</p>',
        "<p>北京时间 14:00，面积52平方公里，投资26亿美元（2019年）。</p>",
        "<p>与LG电子和CJ集团洽谈；网址 https://invest.qingdao.example/zh-hans/</p>",
        "<p>编号 IQ-2026-0042 · 12,930个项目</p>",
    ],
)
def test_the_reader_accepts_chinese_as_written(body):
    assert problems(PAGE.format(title="园区 · 投资青岛", body=body)) == []


@pytest.mark.parametrize("title", ["投资青岛 · 投资青岛", "园区 · 投资青岛 · 投资青岛", "园区"])
def test_the_site_is_named_once_in_the_title(title):
    assert any("title names the site" in p for p in problems(PAGE.format(title=title, body="")))
