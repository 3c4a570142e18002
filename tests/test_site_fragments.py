"""The siting pages' cached fragments: the site list, a site's page and the costs page read
little when warm, are the same page warm as cold, and show an edit at once, while what
belongs to one visitor (the comparison, the estimate asked for) is never served to another."""

import pytest
from django.utils import translation

from siting.models import AvailableSite, Indicator, LogisticsNode
from web import fragments

from .factories import make_district, make_park, make_sector
from .pages import LANG, text
from .siting_helpers import make_cost_indicators, make_node, make_site

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]
LANGUAGES = ["en", "zh-hans"]
ESTIMATE = "entry=5&engineer=2&power_kwh=1000&floor_m2=300"


@pytest.fixture
def sited(commits):
    """A park with two sites and a third site elsewhere, the nodes, the cost figures
    (committed: an edit in a test ends only its own generations)."""
    return commits(make_records)


def make_records():
    park = make_park(
        name_en="Harbour zone",
        name_zh_hans="港区",
        district=make_district(),
        latitude="36.0",
        longitude="120.1",
    )
    port = make_node(slug="port", name_en="Qianwan port", name_zh_hans="前湾港")
    first = make_site(slug="a-plot", name_en="Plot A", park=park, price="20",
                      price_basis="rent_m2_month", power_kva=2000)  # fmt: skip
    first.drive_times.create(node=port, minutes=25)
    make_site(slug="b-hall", name_en="Hall B", park=park, price="380000", price_basis="land_mu")
    make_site(slug="c-lab", name_en="Lab C", kind="laboratory")
    make_cost_indicators()
    return {"park": park, "site": first, "port": port}


def urls(language, slug="a-plot"):
    return {
        "list": f"/{language}/sites/",
        "filtered": f"/{language}/sites/?node=port&within_km=100&sort=rent&kind=factory",
        "detail": f"/{language}/sites/{slug}/",
        "detail with filters and estimate": f"/{language}/sites/{slug}/?kind=factory&{ESTIMATE}",
        "costs": f"/{language}/costs/",
        "costs with estimate": f"/{language}/costs/?{ESTIMATE}",
    }


# SQL queries once warm: none (the list's count and page of sites, a site's record and
# the cost figures are kept with the fragments).
WARM = {
    "list": 0,
    "filtered": 0,
    "detail": 0,
    "detail with filters and estimate": 0,
    "costs": 0,
    "costs with estimate": 0,
}
# And cold (the cache just emptied): the list's nodes, park suggestions, districts,
# sectors, count and page; the site, its sectors, photos, drive times, the nodes and the
# cost figures; the costs page's figures.
COLD = {
    "list": 6,
    "filtered": 6,
    "detail": 6,
    "detail with filters and estimate": 6,
    "costs": 1,
    "costs with estimate": 1,
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_warm_siting_pages_read_their_fixed_number_of_queries(
    client, sited, django_assert_num_queries, language
):
    from django.core.cache import cache

    for name, url in urls(language).items():
        client.get(url)  # per-process caches (content types, translations)
        cache.clear()
        with django_assert_num_queries(COLD[name], info=url):
            assert client.get(url).status_code == 200
        with django_assert_num_queries(WARM[name], info=url):
            response = client.get(url)
        assert response.status_code == 200
        assert f'<html lang="{LANG[language]}">' in response.content.decode()


def test_the_cold_counts_are_the_inventorys_budgets(sited):
    from projects import inventory

    assert inventory.page("site list").queries == COLD["list"]
    assert inventory.page("site detail").queries == COLD["detail"]
    assert inventory.page("costs").queries == COLD["costs"]
    assert max(WARM.values()) <= inventory.WARM_QUERIES


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_warm_siting_page_is_the_cold_page(client, sited, language):
    for url in urls(language).values():
        cold = client.get(url).content
        assert client.get(url).content == cold, url


def test_the_cards_keep_the_distance_and_compared_price_after_an_edit(client, commits, sited):
    """A card missing from the cache on a page whose keys are cached (a park's edit keeps
    them) still shows what the list measured: the distance to the node, the rent a sale
    is compared at."""
    url = "/en/sites/?node=port&sort=sale"
    html = client.get(url).content.decode()
    assert html.count("Distance to Qianwan port") == 3
    assert "(about RMB 570 per m²)" in html  # Hall B's 380,000 a mu

    def rename():
        park = sited["park"]
        park.name_en = "Renamed zone"
        park.save()

    commits(rename)
    again = client.get(url).content.decode()
    assert again.count("Renamed zone") == 3  # its two sites' cards, the park suggestions
    assert again.replace("Renamed zone", "Harbour zone") == html


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_edited_site_shows_at_once_on_the_list_and_its_page(client, commits, sited, language):
    pages = urls(language)
    for url in pages.values():
        client.get(url)
    field = "name_en" if language == "en" else "name_zh_hans"

    def edit():
        site = sited["site"]
        setattr(site, field, "Renamed plot 新名")
        site.power_kva = 4321
        site.save()

    commits(edit)
    for name in ("list", "filtered", "detail", "detail with filters and estimate"):
        shown = text(client, pages[name])
        assert "Renamed plot 新名" in shown, name
        assert ("4,321 kVA" if language == "en" else "4321千伏安") in shown, name


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_renamed_park_shows_at_once_on_its_site_cards_and_pages(client, commits, sited, language):
    pages = urls(language)
    for url in pages.values():
        client.get(url)
    field = "name_en" if language == "en" else "name_zh_hans"

    def rename():
        park = sited["park"]
        setattr(park, field, "Renamed zone 新区")
        park.save()

    commits(rename)
    for name in ("list", "filtered", "detail", "detail with filters and estimate"):
        assert "Renamed zone 新区" in text(client, pages[name]), name


def test_an_edit_to_one_site_leaves_the_other_cards_warm(client, commits, sited):
    client.get("/en/sites/")
    edited = sited["site"]

    def rename():
        edited.name_en = "Plot A renamed"
        edited.save()

    commits(rename)
    with translation.override("en"):
        missing = fragments.prime("site-card", AvailableSite.objects.all(), 2, "", "", "")
    assert [site.pk for site in missing] == [edited.pk]
    assert "Plot A renamed" in text(client, "/en/sites/")


def test_a_renamed_node_and_a_new_figure_show_at_once(client, commits, sited):
    detail, costs = "/en/sites/a-plot/", "/en/costs/"
    for url in (detail, costs, "/en/sites/"):
        client.get(url)

    def edit():
        LogisticsNode.objects.filter(slug="port").update(name_en="Dongjiakou port")
        Indicator.objects.filter(slug="usd").update(value="6.5")

    commits(edit)
    assert "Dongjiakou port" in text(client, detail)
    assert "Dongjiakou port" in text(client, "/en/sites/")
    assert "at RMB 6.5 per US dollar" in text(client, costs)
    # The site's price in dollars follows the new rate: 20 / 6.5 = 3.08 (was 2.86).
    assert "about US$3.08 at the rate of" in text(client, detail)


def test_a_park_given_a_sector_adds_its_sites_to_the_sector_filter_at_once(client, commits, sited):
    made = []
    commits(lambda: made.append(make_sector(slug="logistics", name_en="Logistics")))
    sector = made[0]
    url = "/en/sites/?sector=logistics"
    assert "Plot A" not in text(client, url)
    commits(lambda: sited["park"].sectors.add(sector))
    shown = text(client, url)
    assert "Plot A" in shown and "Hall B" in shown and "2 results" in shown


def test_a_visitors_comparison_is_not_served_to_the_next(client, sited):
    for url in ("/en/sites/", "/en/sites/a-plot/"):
        shortlist = client.get(f"{url}?compare=b-hall").content.decode()
        assert 'href="/en/compare/?sites=b-hall,a-plot"' in shortlist, url
        plain = client.get(url).content.decode()
        assert "sites=b-hall," not in plain and "In the comparison" not in plain, url
        assert 'href="/en/compare/?sites=a-plot"' in plain, url


@pytest.mark.parametrize("page", ["/en/costs/", "/en/sites/a-plot/"])
def test_an_estimate_asked_for_is_not_served_to_the_next_visitor(client, sited, page):
    asked = client.get(f"{page}?entry=10").content.decode()
    assert 'class="data-table estimate-result"' in asked and 'value="10"' in asked
    plain = client.get(page).content.decode()
    assert "estimate-result" not in plain and 'value="10"' not in plain


def test_the_costs_page_computes_the_same_estimate_cold_and_warm(client, sited):
    url = "/en/costs/?entry=10&power_kwh=1000"
    for _visit in range(2):
        assert "RMB 648,700" in text(client, url)  # 480,000 + 25 % + 10 % + 700
