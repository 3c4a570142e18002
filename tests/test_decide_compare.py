"""Compare parks or sites side by side: the URL is the shortlist, bad slugs never a 500."""

import re
from urllib.parse import unquote

import pytest
from django.core.cache import cache

from decide.comparison import park_sections
from enquiries.models import Desk, RoutingRule
from projects.models import Park

from .enquiry_helpers import make_desk
from .factories import make_district, make_event, make_park, make_policy, make_sector
from .pages import LANGUAGES, get_page, switch_link, twin, warm_up
from .siting_helpers import AIRPORT, make_node, make_site

pytestmark = pytest.mark.django_db


def compare(client, query, language="en"):
    response = client.get(f"/{language}/compare/?{query}")
    assert response.status_code == 200, query
    return response.content.decode()


def columns(html):
    """The slugs of the compared records, in their column order."""
    head = html[html.index("<thead>") : html.index("</thead>")]
    return re.findall(r'<th scope="col"><a href="/[^/]+/(?:parks|sites)/([^/]+)/"', head)


def rows(html):
    """{row label: differs} of the table."""
    found = re.findall(r'<tr( class="differs")?>\s*<th scope="row">([^<]+)', html)
    return {label.strip(): bool(mark) for mark, label in found}


@pytest.fixture
def parks():
    huangdao = make_district(slug="huangdao", name={"en": "Huangdao", "zh-hans": "黄岛区"})
    made = [
        make_park(
            slug=slug,
            district=huangdao,
            name={"en": f"{slug.title()} Park", "zh-hans": f"{zh}园"},
            latitude="36.1",
            longitude="120.1",
        )
        for slug, zh in (
            ("alpha", "甲"),
            ("beta", "乙"),
            ("gamma", "丙"),
            ("delta", "丁"),
            ("eps", "戊"),
        )
    ]
    make_node(slug="port")
    return made


@pytest.mark.parametrize("language", LANGUAGES)
def test_two_parks_side_by_side_in_each_language(client, language, parks):
    url = f"/{language}/compare/?parks=alpha,beta"
    response = get_page(client, url, language)
    html = response.content.decode()
    assert columns(html) == ["alpha", "beta"]
    # The language switch keeps the shortlist (the comma may come percent-encoded).
    assert unquote(switch_link(response)) == twin(url, language)
    if language == "zh-hans":
        assert "甲园" in html and "园区对比" in html and "移除" in html
    else:
        assert "Alpha Park" in html and "Compare parks" in html


def test_rows_that_differ_are_marked_for_eyes_and_screen_readers(client, parks):
    alpha, beta = parks[0], parks[1]
    alpha.kind = Park.Kind.FREE_TRADE_ZONE
    alpha.save()
    html = compare(client, "parks=alpha,beta")
    marked = rows(html)
    assert marked["Kind"] is True and marked["District"] is False
    assert html.count("(values differ)") == sum(marked.values())
    assert beta.get_kind_display() in html


def test_remove_links_keep_the_rest_of_the_shortlist(client, parks):
    html = compare(client, "parks=alpha,beta,gamma")
    removes = re.findall(r'class="compare-remove" href="([^"]+)"', html)
    assert removes == [
        "/en/compare/?parks=beta,gamma",
        "/en/compare/?parks=alpha,gamma",
        "/en/compare/?parks=alpha,beta",
    ]
    # Adding more goes through the park list, carrying the shortlist.
    assert 'href="/en/parks/?compare=alpha,beta,gamma"' in html


@pytest.mark.parametrize(
    ("query", "shown", "notice"),
    [
        ("parks=alpha,nope,beta", ["alpha", "beta"], "Not found or not published, left out: nope"),
        ("parks=alpha,alpha,beta", ["alpha", "beta"], "Listed more than once, shown once: alpha"),
        ("parks=ALPHA,+beta+,", ["alpha", "beta"], None),
        ("parks=alpha&parks=beta", ["alpha", "beta"], None),
        (
            "parks=alpha,beta,gamma,delta,eps",
            ["alpha", "beta", "gamma", "delta"],
            "At most four can be compared, left out: eps",
        ),
        ("parks=%3Cscript%3Ealert(1)%3C/script%3E", [], "Not found or not published"),
        ("parks=" + ",".join(["x"] * 500), [], "Listed more than once"),
        ("parks=alpha&sites=beta", ["alpha"], "compared separately"),
        ("parks=", [], None),
        ("", [], None),
    ],
)
def test_bad_duplicate_and_too_many_slugs_are_dropped_with_a_notice(
    client, parks, query, shown, notice
):
    html = compare(client, query)
    assert (columns(html) if "<thead>" in html else []) == shown
    if notice:
        assert notice in re.sub(r"<[^>]+>", "", html)
    else:
        assert 'class="notice"' not in html
    assert "<script>alert" not in html


def test_a_draft_park_is_left_out(client, parks):
    parks[1].status = Park.Status.DRAFT
    parks[1].save()
    html = compare(client, "parks=alpha,beta")
    assert columns(html) == ["alpha"]
    assert 'Not found or not published, left out: <code lang="en">beta</code>' in html
    assert "Beta Park" not in html


def test_a_long_query_is_refused_not_a_500(client, parks):
    response = client.get("/en/compare/?parks=" + "a" * 2100)
    assert response.status_code == 400


def test_park_rows_hold_policies_desk_sites_events_and_distances(client, parks):
    alpha = parks[0]
    marine = make_sector(slug="marine")
    alpha.sectors.add(marine)
    named = make_policy(slug="alpha-fund", name={"en": "Alpha fund"})
    named.parks.add(alpha)
    make_policy(slug="approval-reform")
    film = make_policy(slug="film-only", name={"en": "Film only"})
    film.sectors.add(make_sector(slug="film"))
    desk = make_desk("Alpha desk")
    RoutingRule.objects.create(kind=RoutingRule.Kind.PARK, park=alpha, desk=desk)
    default = Desk.objects.get(is_default=True)
    make_site(slug="alpha-1", park=alpha, price="20", price_basis="rent_m2_month")
    make_site(slug="alpha-2", park=alpha, price="30", price_basis="rent_m2_month")
    make_event(slug="alpha-expo", park=alpha, name={"en": "Alpha expo"})
    make_node(slug="airport", at=AIRPORT, name_en="Jiaodong airport")
    html = compare(client, "parks=alpha,beta")
    marked = rows(html)
    assert marked["Policies in force that apply"] and marked["Desk that answers enquiries"]
    assert "Alpha fund" in html and "Film only" in html  # alpha has no film sector: beta has none
    assert html.count("1 city-wide policy for every sector") == 2
    assert "Alpha desk" in html and default.name in html
    assert "2 sites" in html and "RMB 20 per m² a month to RMB 30 per m² a month" in html
    assert "Alpha expo" in html
    assert "Jiaodong airport" in html and " km" in html


def test_film_policy_is_left_out_for_a_park_of_other_sectors(parks):
    alpha = parks[0]
    alpha.sectors.add(make_sector(slug="marine"))
    film = make_policy(slug="film-only", name={"en": "Film only"})
    film.sectors.add(make_sector(slug="film"))
    sections = park_sections(list(Park.objects.filter(slug="alpha")))
    row = next(r for s in sections for r in s.rows if r.label == "Policies in force that apply")
    assert [item.text for item in row.cells[0]] == []


def test_sites_side_by_side(client):
    park = make_park(slug="eco", name={"en": "Eco Park"})
    make_site(slug="plot", kind="land", area_m2="66666.67", park=park, power_kva=2000)
    make_site(slug="hall", kind="factory", area_m2="5000", price="25", price_basis="rent_m2_month")
    html = compare(client, "sites=plot,hall")
    assert columns(html) == ["plot", "hall"]
    marked = rows(html)
    assert marked["Type"] and marked["Area"] and marked["Power capacity"]
    assert "Eco Park" in html and "Compare sites" in html
    zh = compare(client, "sites=plot,hall", "zh-hans")
    assert "100亩" in zh and "载体对比" in zh


def test_add_to_comparison_links_on_cards_and_pages(client, parks):
    html = client.get("/en/parks/?compare=alpha,beta").content.decode()
    assert 'href="/en/compare/?parks=alpha,beta,gamma"' in html
    # A park already in the shortlist says so and links to the comparison.
    assert "In the comparison" in html
    page = client.get("/en/parks/gamma/").content.decode()
    assert 'href="/en/compare/?parks=gamma"' in page
    site = make_site(slug="hall", park=parks[0])
    assert 'href="/en/compare/?sites=hall"' in client.get(site.get_absolute_url()).content.decode()
    sites = client.get("/en/sites/?compare=plot").content.decode()
    assert 'href="/en/compare/?sites=plot,hall"' in sites


def test_compare_queries_do_not_grow_with_the_items_or_the_records(
    client, parks, django_assert_num_queries
):
    def fill(park, n):
        for _i in range(n):
            make_site(park=park)
            make_event(park=park)
            make_policy().parks.add(park)
            make_node()

    fill(parks[0], 1)
    url = "/en/compare/?parks=alpha"
    warm_up(client, url)
    with django_assert_num_queries(QUERIES):
        assert client.get(url).status_code == 200
    for park in parks[:4]:
        fill(park, 3)
    cache.clear()  # the page cache would answer without a query
    with django_assert_num_queries(QUERIES):
        assert client.get("/en/compare/?parks=alpha,beta,gamma,delta,nope").status_code == 200


# parks, their sectors and figures; nodes, drive times, sites, events; policies in force with
# sectors, parks and districts; routing rules and the default desk
QUERIES = 13


def test_filtering_the_list_keeps_the_shortlist(client, parks):
    html = client.get("/en/parks/?compare=alpha,beta").content.decode()
    assert '<input type="hidden" name="compare" value="alpha,beta">' in html
    assert 'name="compare"' not in client.get("/en/parks/").content.decode()
