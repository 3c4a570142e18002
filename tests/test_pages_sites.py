"""The siting pages in both languages: sites list and map, a site, a park's sites, costs."""

import pytest

from projects.maps import CITY_WIDTH, hit_radius
from siting.models import AvailableSite

from .factories import make_district, make_park, make_sector
from .pages import get_page, switch_link, twin, warm_up
from .search_index import found
from .siting_helpers import AIRPORT, make_cost_indicators, make_node, make_site

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "zh-hans"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_site_list_links_to_its_twin_with_the_filters(client, language):
    make_site(name_en="Plot A-3", name_zh_hans="A-3地块", kind="land")
    url = f"/{language}/sites/?kind=land&area_min=100"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    assert ("Plot A-3" if language == "en" else "A-3地块") in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_site_detail_shows_facts_distances_and_its_twin(client, language):
    make_node(slug="port", name_en="Qianwan port area", name_zh_hans="前湾港区")
    site = make_site(kind="land", area_m2="66666.67", power_kva=10000, price="380000",
                     price_basis="land_mu")  # fmt: skip
    url = f"/{language}/sites/{site.slug}/?kind=land"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    html = response.content.decode()
    if language == "zh-hans":
        assert "100亩（6.67万平方米）" in html and "1万千伏安" in html
        assert "38万元/亩" in html and "前湾港区" in html and "公里" in html
    else:
        assert "66,666.67 m²" in html and "10,000 kVA" in html and " km<" in html
    # The way back to the list keeps the filters.
    assert f'href="/{language}/sites/?kind=land"' in html


def test_filters_combine_power_kind_and_distance(client):
    port = make_node(slug="port")
    make_site(name_en="Near strong factory", power_kva=3000)
    make_site(name_en="Near weak factory", power_kva=500)
    make_site(
        name_en="Far strong factory", power_kva=3000, latitude=AIRPORT[0], longitude=AIRPORT[1]
    )
    make_site(name_en="Near strong office", power_kva=3000, kind="office")
    html = client.get(
        f"/en/sites/?kind=factory&power_min=2000&node={port.slug}&within_km=10"
    ).content.decode()
    assert "Near strong factory" in html
    for other in ("Near weak factory", "Far strong factory", "Near strong office"):
        assert other not in html
    assert "1 result" in html


def test_park_district_sector_area_and_date_filters(client):
    sector, district = make_sector(slug="logistics"), make_district(slug="jiaozhou")
    park = make_park(slug="sco", district=district)
    wanted = make_site(name_en="Wanted", park=park, area_m2="900", available_from="2027-01-01")
    wanted.sectors.add(sector)
    make_site(name_en="Too large", park=park, area_m2="5000", available_from="2027-01-01")
    make_site(name_en="Too late", park=park, area_m2="900", available_from="2028-01-01")
    query = (
        "park=sco&district=jiaozhou&sector=logistics"
        "&area_min=500&area_max=1000&available_by=2027-06-30"
    )
    html = client.get(f"/en/sites/?{query}").content.decode()
    assert "Wanted" in html and "Too large" not in html and "Too late" not in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "query",
    [
        "area_min=-50",
        "area_min=5000&area_max=100",
        "area_min=abc",
        "power_min=lots",
        "park=no-such-park",
        "node=no-such-node&within_km=5",
        "within_km=5",
        "within_km=-1",
        "available_by=not-a-date",
        "sort=cheapest",
        "kind=castle",
        "page=abc",
        "area_min=" + "9" * 40,
    ],
)
def test_bad_filters_give_the_list_with_a_message(client, language, query):
    make_site(name_en="Still listed", name_zh_hans="仍然列出")
    response = client.get(f"/{language}/sites/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Still listed" if language == "en" else "仍然列出") in html
    if not query.startswith("page"):
        assert 'class="form-problems"' in html


def test_from_greater_than_to_names_the_problem(client):
    html = client.get("/zh-hans/sites/?area_min=5000&area_max=100").content.decode()
    assert "“面积上限”不能小于“面积下限”。" in html


def test_an_unknown_park_is_not_echoed(client):
    html = client.get("/en/sites/?park=%3Cb%3Eevil").content.decode()
    assert "<b>evil" not in html and "We found no park of that name." in html


def test_sorting_by_area(client):
    make_site(slug="b-small", area_m2="100")
    make_site(slug="a-large", area_m2="9000")
    html = client.get("/en/sites/?sort=area").content.decode()
    assert html.index("b-small") < html.index("a-large")
    html = client.get("/en/sites/?sort=-area").content.decode()
    assert html.index("a-large") < html.index("b-small")


def make_priced_sites():
    """Rents and sale prices on every basis, and a site without a price."""
    make_site(slug="a-rent-month", price="30", price_basis="rent_m2_month")
    make_site(slug="b-rent-day", price="0.5", price_basis="rent_m2_day")  # 15.2 a month
    make_site(slug="c-sale-m2", price="500", price_basis="sale_m2", kind="office")
    make_site(slug="d-land-mu", price="380000", price_basis="land_mu", kind="land")  # 570/m²
    make_site(slug="e-sale-total", price="1000000", price_basis="sale_total")  # 200/m² of 5000
    make_site(slug="f-no-price")


def order(html, slugs):
    return sorted(slugs, key=lambda slug: html.index(f"/sites/{slug}/"))


ALL_PRICED = ["a-rent-month", "b-rent-day", "c-sale-m2", "d-land-mu", "e-sale-total", "f-no-price"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_rents_sort_on_one_basis_and_say_so(client, language):
    make_priced_sites()
    html = get_page(client, f"/{language}/sites/?sort=rent", language).content.decode()
    assert order(html, ALL_PRICED) == [
        "b-rent-day", "a-rent-month", "c-sale-m2", "d-land-mu", "e-sale-total", "f-no-price",
    ]  # fmt: skip
    if language == "en":
        assert "Sorted by rent per m² a month" in html
        assert "(about RMB 15.2 per m² a month)" in html
    else:
        assert "按每平方米每月租金排序" in html
        assert "（约15.2元/平方米/月）" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_sales_sort_on_one_basis_and_say_so(client, language):
    make_priced_sites()
    html = get_page(client, f"/{language}/sites/?sort=sale", language).content.decode()
    assert order(html, ALL_PRICED) == [
        "e-sale-total", "c-sale-m2", "d-land-mu", "a-rent-month", "b-rent-day", "f-no-price",
    ]  # fmt: skip
    if language == "en":
        assert "Sorted by sale price per m²" in html
        assert "(about RMB 570 per m²)" in html
    else:
        assert "按每平方米售价排序" in html
        assert "（约570元/平方米）" in html


def test_the_old_price_sort_is_a_message_not_an_error(client):
    make_priced_sites()
    response = client.get("/en/sites/?sort=price")
    assert response.status_code == 200
    assert 'class="form-problems"' in response.content.decode()


def test_a_let_site_leaves_the_list_but_keeps_its_page(client):
    site = make_site(name_en="Already let", availability=AvailableSite.Availability.LET)
    assert "Already let" not in client.get("/en/sites/").content.decode()
    html = get_page(client, f"/en/sites/{site.slug}/", "en").content.decode()
    assert "has been let or sold" in html


def test_a_draft_site_is_not_shown(client):
    site = make_site(status=AvailableSite.Status.DRAFT)
    assert client.get(f"/en/sites/{site.slug}/").status_code == 404


def test_the_map_labels_sites_and_nodes_in_a_keyed_list(client):
    site = make_site(name_en="Mapped site")
    make_node(name_en="Mapped port")
    html = client.get("/en/sites/?kind=factory").content.decode()
    # The card, the marker and the key all lead to the site with the filters.
    assert html.count(f'href="/en/sites/{site.slug}/?kind=factory"') == 3
    assert html.count('class="map-hit"') == 2
    assert f'r="{hit_radius(CITY_WIDTH)}"' in html  # ≥ 24 px across on a 340 px wide map
    assert '<ol class="map-key"' in html and "Mapped site</a>" in html and "Mapped port" in html


@pytest.mark.parametrize("sort", ["", "rent", "sale"])
@pytest.mark.parametrize("size", [1, 10])
def test_site_list_queries_stay_constant(client, django_assert_num_queries, size, sort):
    park, sector = make_park(), make_sector()
    for n in range(size):
        make_node(slug=f"node-{n}")
        site = make_site(park=park, power_kva=1000, price=n + 1, price_basis="land_mu")
        site.sectors.add(sector)
    url = f"/en/sites/?node=node-0&within_km=100&power_min=10&sort={sort}"
    warm_up(client, url)
    # nodes, parks, districts, sectors, count, the page of sites
    with django_assert_num_queries(6):
        get_page(client, url, "en")


@pytest.mark.parametrize("size", [1, 10])
def test_site_detail_queries_stay_constant(client, django_assert_num_queries, size):
    make_cost_indicators()
    site = make_site(price="20", price_basis="rent_m2_month")
    for n in range(size):
        node = make_node(slug=f"node-{n}")
        site.drive_times.create(node=node, minutes=10 + n)
        site.sectors.add(make_sector())
    url = f"/zh-hans/sites/{site.slug}/?entry=5&engineer=2&power_kwh=1000&floor_m2=300"
    warm_up(client, url)
    # site, sectors, images, drive times, nodes, indicators
    with django_assert_num_queries(6):
        get_page(client, url, "zh-hans")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_park_page_lists_its_available_sites(client, language):
    park = make_park(latitude="36.0", longitude="120.1")
    make_site(park=park, name_en="Park plot", name_zh_hans="园区地块")
    make_site(name_en="Elsewhere", name_zh_hans="别处")
    make_node(name_en="Qianwan", name_zh_hans="前湾")
    html = get_page(client, f"/{language}/parks/{park.slug}/", language).content.decode()
    assert ("Park plot" if language == "en" else "园区地块") in html
    assert ("Elsewhere" if language == "en" else "别处") not in html
    assert ("Qianwan" if language == "en" else "前湾") in html
    assert f"/{language}/sites/?park={park.slug}" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_costs_page_has_a_table_beside_every_chart(client, language):
    make_cost_indicators()
    html = get_page(client, f"/{language}/costs/", language).content.decode()
    assert html.count('<figure class="chart ') == 1  # wages by level; no district rents here
    section = html.split('class="chart chart-bars"')[1]
    assert "<svg" in section and "<table" in section
    assert ("RMB 20,000 a month" if language == "en" else "2万元/月") in html
    assert ("Statistics bureau" if language == "en" else "统计局") in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_estimate_is_a_shareable_address(client, language):
    make_cost_indicators()
    url = f"/{language}/costs/?entry=10&power_kwh=1000"
    first = get_page(client, url, language).content.decode()
    again = get_page(client, url, language).content.decode()
    total = "RMB 648,700" if language == "en" else "64.87万元"  # 480,000 + 25 % + 10 % + 700
    assert total in first and total in again
    assert ("Link to this estimate" if language == "en" else "本次测算的链接") in first


@pytest.mark.parametrize("query", ["entry=-1", "entry=abc", "floor_m2=1e400", "power_kwh="])
def test_bad_estimate_inputs_give_the_page(client, query):
    make_cost_indicators()
    response = client.get(f"/en/costs/?{query}")
    assert response.status_code == 200


def test_the_site_feed_lists_new_sites(client):
    make_site(name_en="Fresh plot")
    response = client.get("/en/sites/feed/")
    assert response.status_code == 200 and "Fresh plot" in response.content.decode()


def test_sites_are_in_the_sitemap_and_search(client):
    site = make_site(name_en="Searchable bonded warehouse")
    assert f"/en/sites/{site.slug}/" in client.get("/sitemap.xml").content.decode()
    assert found("bonded") == [f"/en/sites/{site.slug}/"]


def test_the_sector_filter_takes_the_sites_of_the_parks_of_the_sector(client):
    sector = make_sector(slug="logistics")
    park = make_park()
    park.sectors.add(sector)
    make_site(name_en="In a logistics park", park=park)
    make_site(name_en="Marked for logistics").sectors.add(sector)
    make_site(name_en="Neither")
    html = client.get("/en/sites/?sector=logistics").content.decode()
    assert "In a logistics park" in html and "Marked for logistics" in html
    assert "Neither" not in html and "2 results" in html


def test_a_sector_page_lists_a_bounded_number_of_sites(client):
    sector = make_sector(slug="logistics")
    park = make_park()
    park.sectors.add(sector)
    for number in range(8):
        make_site(park=park, area_m2=1000 + number)
    html = client.get("/en/sectors/logistics/").content.decode()
    assert html.count('class="card site-card"') == 6
