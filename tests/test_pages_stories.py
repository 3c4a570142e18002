"""The stories pages in both languages: status, language, constant queries, bad input."""

import pytest

from projects.models import Park

from .factories import make_centre, make_district, make_event, make_park, make_policy, make_sector
from .pages import get_page, switch_link, twin, warm_up
from .search_index import found
from .search_index import url as address
from .siting_helpers import make_site
from .story_factories import make_figure, make_news, make_step, make_story

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "zh-hans"]


def korea_centre():
    return make_centre(slug="seoul", country="KR", countries_served=["KR"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_story_list_and_detail_in_each_language(client, language):
    story = make_story(name_en="LG Electronics", name_zh_hans="LG电子", investment_usd=2600000000)
    response = get_page(client, f"/{language}/stories/", language)
    assert switch_link(response) == twin(f"/{language}/stories/", language)
    assert story.title in response.content.decode()
    url = f"/{language}/stories/{story.slug}/"
    html = get_page(client, url, language).content.decode()
    assert ("US$2.6 billion" if language == "en" else "26亿美元") in html
    assert f"/{language}/enquiry/?country=KR" in html


@pytest.mark.parametrize("query", ["?country=KR", "?country=XX", "?sector=nope", "?park=x" * 3])
def test_story_filters_ignore_unknown_values(client, query):
    make_story(name_en="Still listed", country="KR")
    response = client.get("/en/stories/" + query)
    assert response.status_code == 200
    assert "Headline" in response.content.decode()


def test_story_filter_by_country_leaves_others_out(client):
    make_story(title_en="From Korea", country="KR")
    make_story(title_en="From Germany", country="DE")
    html = client.get("/en/stories/?country=DE").content.decode()
    assert "From Germany" in html and "From Korea" not in html


def test_draft_and_unknown_stories_are_not_found(client):
    make_story(slug="draft", status="draft")
    assert client.get("/en/stories/draft/").status_code == 404
    assert client.get("/en/stories/no-such/").status_code == 404
    assert client.get("/en/news/no-such/").status_code == 404


@pytest.mark.parametrize("size", [1, 10])
def test_story_pages_queries_stay_constant(client, django_assert_num_queries, size):
    park = make_park()
    stories = [make_story(park=park) for _ in range(size)]
    warm_up(client, "/en/stories/")
    # the filters' countries, sectors and parks, count, page
    with django_assert_num_queries(5):
        get_page(client, "/zh-hans/stories/", "zh-hans")
    url = f"/en/stories/{stories[0].slug}/"
    warm_up(client, url)
    # story with sector and park, its images
    with django_assert_num_queries(2):
        get_page(client, url, "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_by_year_and_feed(client, language):
    import datetime

    make_news(
        name_en="Eco-Park signs nine",
        name_zh_hans="生态园签约九个项目",
        date=datetime.date(2019, 6, 1),
    )
    make_news(
        name_en="Plan for the hub", name_zh_hans="枢纽城市规划", date=datetime.date(2022, 7, 1)
    )
    html = get_page(client, f"/{language}/news/?year=2019", language).content.decode()
    first, second = (
        ("Eco-Park signs nine", "Plan for the hub")
        if language == "en"
        else ("生态园签约九个项目", "枢纽城市规划")
    )
    assert first in html and second not in html
    assert ("2022" if language == "en" else "2022年") in html
    feed = client.get(f"/{language}/news/feed/")
    assert feed.status_code == 200
    assert second in feed.content.decode()
    assert f"/{language}/news/" in feed.content.decode()


@pytest.mark.parametrize("query", ["?year=abc", "?year=1800", "?year=2019&page=99", "?year="])
def test_news_bad_year_is_ignored(client, query):
    make_news(name_en="Always shown")
    response = client.get("/en/news/" + query)
    assert response.status_code == 200
    assert "Always shown" in response.content.decode()


@pytest.mark.parametrize("size", [1, 10])
def test_news_queries_stay_constant(client, django_assert_num_queries, size):
    park = make_park()
    items = [make_news() for _ in range(size)]
    for item in items:
        item.parks.add(park)
    warm_up(client, "/en/news/")
    # years, count, page
    with django_assert_num_queries(3):
        get_page(client, "/en/news/", "en")
    url = f"/zh-hans/news/{items[0].slug}/"
    warm_up(client, url)
    # item, sectors, parks, policies, events
    with django_assert_num_queries(5):
        get_page(client, url, "zh-hans")


@pytest.mark.parametrize("language", LANGUAGES)
def test_sector_page_gathers_what_the_industry_needs(client, language):
    sector = make_sector(
        slug="logistics", profile_en="Port and rail.", profile_zh_hans="港口与铁路。"
    )
    park = make_park(name_en="Free trade zone", name_zh_hans="自贸区")
    park.sectors.add(sector)
    make_story(sector=sector, title_en="A logistics story", title_zh_hans="物流故事")
    make_site(park=park, name_en="Bonded warehouse", name_zh_hans="保税仓库")
    make_site(name_en="Elsewhere", name_zh_hans="别处")
    url = f"/{language}/sectors/logistics/"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    html = response.content.decode()
    for text in (
        ["Port and rail.", "Free trade zone", "A logistics story", "Bonded warehouse"]
        if language == "en"
        else ["港口与铁路。", "自贸区", "物流故事", "保税仓库"]
    ):
        assert text in html
    assert "Elsewhere" not in html and "别处" not in html
    assert f'href="/{language}/sites/?sector=logistics"' in html
    assert "/enquiry/?sector=logistics" in html
    assert "subscribe/?topic=sector&amp;key=logistics" in html


def test_a_sector_page_shows_a_bounded_number_of_parks_and_links_to_all(client):
    sector = make_sector(slug="logistics")
    for _ in range(14):
        make_park().sectors.add(sector)
    html = client.get("/en/sectors/logistics/").content.decode()
    parks = html[
        html.index('id="parks-title"') : html.index("</section>", html.index('id="parks-title"'))
    ]
    assert parks.count('<h3 class="card-title">') == 12
    assert 'href="/en/parks/?sector=logistics"' in parks


def test_unknown_sector_is_not_found(client):
    assert client.get("/en/sectors/no-such/").status_code == 404


@pytest.mark.parametrize("size", [1, 10])
def test_sector_page_queries_stay_constant(client, django_assert_num_queries, size):
    sector = make_sector()
    for _ in range(size):
        make_park(district=make_district()).sectors.add(sector)
        make_policy().sectors.add(sector)
        make_event().sectors.add(sector)
        make_news().sectors.add(sector)
        make_story(sector=sector)
        make_site().sectors.add(sector)
        make_site(park=Park.objects.last())
    url = f"/en/sectors/{sector.slug}/"
    warm_up(client, url)
    # sector, its figures, parks, their images, sites, policies, stories, events, news
    with django_assert_num_queries(9):
        get_page(client, url, "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_country_page_shows_figures_centre_parks_and_stories(client, language):
    korea_centre()
    make_figure(value=12930)
    make_figure(unit="usd", value=30462000000, label_en="signed", label_zh_hans="合同外资")
    make_park(name_en="Sino-Korean park", name_zh_hans="中韩园", countries=["KR"])
    make_park(name_en="Sino-German park", name_zh_hans="中德园", countries=["DE"])
    make_story(title_en="Korean banks", title_zh_hans="韩资银行", country="KR")
    url = f"/{language}/countries/kr/"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    html = response.content.decode()
    expected = (
        ["12,930", "US$30.46 billion", "Sino-Korean park", "Korean banks", "<svg", "<table"]
        if language == "en"
        else ["12,930", "304.62亿美元", "中韩园", "韩资银行", "<svg", "<table"]
    )
    for text in expected:
        assert text in html
    assert ("Sino-German park" if language == "en" else "中德园") not in html
    assert f"/{language}/enquiry/?country=KR" in html


@pytest.mark.parametrize("code", ["fr", "zz", "KR", "k1", "kor"])
def test_countries_no_centre_serves_are_not_found(client, code):
    korea_centre()
    assert client.get(f"/en/countries/{code}/").status_code == 404


def test_centre_page_links_to_its_country_pages(client):
    korea_centre()
    assert '/zh-hans/countries/kr/"' in client.get("/zh-hans/centres/seoul/").content.decode()


@pytest.mark.parametrize("size", [1, 10])
def test_country_page_queries_stay_constant(client, django_assert_num_queries, size):
    korea_centre()
    for _ in range(size):
        make_figure(unit="usd", value=1000000)
        make_park(countries=["KR"], district=make_district())
        make_policy(countries=["KR"])
        make_event(country="KR")
        make_story(country="KR")
        make_news(countries=["KR"])
    url = "/zh-hans/countries/kr/"
    warm_up(client, url)
    # centres, profile, figures, parks, their images, policies, events, stories, news
    with django_assert_num_queries(9):
        get_page(client, url, "zh-hans")


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_overview_adds_up_the_time(client, language):
    make_step(position=1, working_days=3, name_en="Register", name_zh_hans="企业登记")
    make_step(position=2, working_days=40, name_en="Build", name_zh_hans="工程审批")
    make_step(position=3, working_days=None, name_en="Report", name_zh_hans="信息报告")
    response = get_page(client, f"/{language}/how-to-invest/", language)
    html = response.content.decode()
    assert ("43 working days" if language == "en" else "43个工作日") in html
    assert html.index("Register" if language == "en" else "企业登记") < html.index(
        "Build" if language == "en" else "工程审批"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_step_page_names_office_and_legal_basis(client, language):
    first = make_step(position=1)
    step = make_step(
        position=2,
        legal_basis_en="Foreign Investment Law",
        legal_basis_zh_hans="外商投资法",
        fee_en="None",
        fee_zh_hans="不收费",
    )
    url = f"/{language}/how-to-invest/{step.slug}/"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    html = response.content.decode()
    assert ("Foreign Investment Law" if language == "en" else "外商投资法") in html
    assert first.get_absolute_url() in html
    assert client.get(f"/{language}/how-to-invest/no-such/").status_code == 404


@pytest.mark.parametrize("size", [1, 10])
def test_guide_queries_stay_constant(client, django_assert_num_queries, size):
    steps = [make_step(position=i) for i in range(size)]
    warm_up(client, "/en/how-to-invest/")
    with django_assert_num_queries(1):
        get_page(client, "/en/how-to-invest/", "en")
    url = f"/en/how-to-invest/{steps[-1].slug}/"
    warm_up(client, url)
    # the step, the list for its number and neighbours
    with django_assert_num_queries(2):
        get_page(client, url, "en")


def test_drafts_stay_out_of_every_list(client):
    korea_centre()
    make_story(title_en="Draft story", status="draft", country="KR")
    make_news(name_en="Draft news", status="draft")
    make_step(name_en="Draft step", status="draft")
    for url in ["/en/stories/", "/en/news/", "/en/how-to-invest/", "/en/countries/kr/", "/en/"]:
        assert "Draft" not in client.get(url).content.decode(), url


def test_search_finds_stories_and_news(client):
    story = make_story(name_en="Krups Foerder Systeme")
    news = make_news(name_en="Krups signs in the eco-park")
    assert sorted(found("Krups")) == sorted([address(story), address(news)])


def test_sitemap_lists_the_new_pages(client):
    korea_centre()
    story = make_story()
    step = make_step()
    make_sector(slug="logistics")
    xml = client.get("/sitemap.xml").content.decode()
    for path in [
        story.get_absolute_url(),
        step.get_absolute_url(),
        "/en/countries/kr/",
        "/en/sectors/logistics/",
        "/en/news/",
        "/zh-hans/how-to-invest/",
    ]:
        assert f"http://testserver{path}" in xml or path in xml, path


def test_home_leads_with_why_qingdao_and_next_steps(client):
    make_figure(compare_projects=True, value=12930)
    make_figure(compare_projects=True, value=356, country="DE")
    make_story(title_en="Korean banks arrive")
    html = client.get("/en/").content.decode()
    assert html.index("Why Qingdao") < html.index("Featured parks")
    assert "/en/how-to-invest/" in html and "/en/enquiry/" in html
    assert "Korean banks arrive" in html
    assert html.count("<rect ") == 2 and "<table" in html


def test_park_stays_unlinked_when_unpublished(client):
    park = make_park(status=Park.Status.DRAFT, name_en="Hidden park")
    story = make_story(park=park)
    assert "Hidden park" not in client.get(story.get_absolute_url()).content.decode()


def test_the_acknowledgement_links_the_country_page(client, worker):
    from django.core import mail

    from .enquiry_helpers import enquiry_data

    make_centre(country="KR", countries_served=["KR"])
    client.post("/zh-hans/enquiry/", enquiry_data(country="KR"))
    worker.run()
    acknowledgement = next(m for m in mail.outbox if "/countries/" in m.body)
    assert "/zh-hans/countries/kr/" in acknowledgement.body


@pytest.mark.parametrize("language", LANGUAGES)
def test_park_page_shows_its_stories_and_a_subscription(client, language):
    park = make_park()
    make_story(park=park, title_en="Krups builds", title_zh_hans="Krups建设")
    html = get_page(client, f"/{language}/parks/{park.slug}/", language).content.decode()
    assert ("Krups builds" if language == "en" else "Krups建设") in html
    assert f"subscribe/?topic=park&amp;key={park.slug}" in html


@pytest.mark.urls("portal.urls")
def test_a_story_edit_clears_the_page_cache_and_a_subscription_does_not(
    client, django_capture_on_commit_callbacks
):
    from stories.models import Subscription

    story = make_story(title_en="First headline")
    assert "First headline" in client.get("/en/stories/").content.decode()
    assert client.get("/en/stories/")["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        Subscription.objects.create(email="a@example.com", topic="sector", key="x", language="en")
    assert client.get("/en/stories/")["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        story.title_en = "Second headline"
        story.save()
    assert "Second headline" in client.get("/en/stories/").content.decode()
    assert "X-Cache" not in client.get("/en/news/?year=2019")
    assert client.get("/en/news/?year=2019")["X-Cache"] == "hit"


def test_a_story_prefills_the_enquiry_and_country_adds_to_a_topic():
    from enquiries.prefill import prefill

    park = make_park()
    story = make_story(park=park)
    initial, source = prefill({"story": story.slug})
    assert source == f"story:{story.slug}"
    assert initial == {"park": park, "sector": story.sector, "country": "KR"}
    # An explicit ?country= (from a country page) wins; a bad one is ignored.
    assert prefill({"story": story.slug, "country": "de"})[0]["country"] == "DE"
    assert prefill({"park": park.slug, "country": "xx"}) == ({"park": park}, f"park:{park.slug}")
    assert prefill({"country": "kr"}) == ({"country": "KR"}, "country:kr")
