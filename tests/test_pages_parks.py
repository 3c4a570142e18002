import pytest

from projects.models import Park

from .factories import make_district, make_event, make_park, make_policy, make_sector, translated
from .pages import LANGUAGES, budget, get_page, shown, switch_link, twin, warm_up

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_park_list_links_to_its_twin(client, language):
    make_park(slug="eco-park", name={"en": "Sino-German Eco-Park", "zh-hans": "中德生态园"})
    url = f"/{language}/parks/?kind=industrial_park"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    name = shown({"en": "Sino-German Eco-Park", "zh-hans": "中德生态园"}, language)
    assert name in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_park_detail_links_to_its_twin(client, language):
    park = make_park(slug="eco-park")
    url = f"/{language}/parks/{park.slug}/"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    assert 'hreflang="x-default"' in response.content.decode()


@pytest.mark.parametrize("size", [1, 10])
def test_park_list_queries_stay_constant(client, django_assert_num_queries, size):
    sector, district = make_sector(), make_district()
    for _ in range(size):
        park = make_park(district=district, latitude=36.1, longitude=120.4)
        park.sectors.add(sector)
    warm_up(client, "/en/parks/")
    # sectors, districts, count, the page of parks, their sectors, their images
    with django_assert_num_queries(budget("park list")):
        get_page(client, "/en/parks/", "en")


@pytest.mark.parametrize("size", [1, 10])
def test_park_detail_queries_stay_constant(client, django_assert_num_queries, size):
    park = make_park()
    sector = make_sector()
    park.sectors.add(sector)
    for position in range(size):
        park.figures.create(
            value=str(position), position=position, **translated(label={"en": "x", "zh-hans": "十"})
        )
        make_policy().parks.add(park)
        make_event(park=park)
    warm_up(client, f"/en/parks/{park.slug}/")
    # park, figures, sectors, images, policies, events, stories; its sites, drive times,
    # the nodes
    with django_assert_num_queries(budget("park detail")):
        get_page(client, f"/zh-hans/parks/{park.slug}/", "zh-hans")


def test_filters_combine(client):
    sector, district = make_sector(slug="marine"), make_district(slug="laoshan")
    both = make_park(name={"en": "Both"}, district=district)
    both.sectors.add(sector)
    make_park(name={"en": "Sector only"}).sectors.add(sector)
    make_park(name={"en": "District only"}, district=district)
    html = client.get("/en/parks/?sector=marine&district=laoshan").content.decode()
    assert "Both" in html
    assert "Sector only" not in html and "District only" not in html
    assert "1 result" in html


@pytest.mark.parametrize(
    "query",
    ["?sector=nope", "?district=%00", "?kind=" + "x" * 500, "?page=abc", "?page=999", "?page=-1"],
)
def test_bad_filters_are_ignored(client, query):
    make_park(name={"en": "Still listed"})
    response = client.get("/en/parks/" + query)
    assert response.status_code == 200
    assert "Still listed" in response.content.decode()


def test_huge_query_string_is_a_bad_request(client):
    assert client.get("/en/parks/?sector=" + "a" * 5000).status_code == 400


def test_unknown_slug_is_not_found(client):
    assert client.get("/en/parks/no-such-park/").status_code == 404


def test_drafts_and_scheduled_parks_are_hidden(client):
    import datetime

    from django.utils import timezone

    make_park(slug="draft-park", name={"en": "Draft park"}, status=Park.Status.DRAFT)
    make_park(
        slug="later-park",
        name={"en": "Later park"},
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    html = client.get("/en/parks/").content.decode()
    assert "Draft park" not in html and "Later park" not in html
    assert client.get("/en/parks/draft-park/").status_code == 404
    assert client.get("/en/parks/later-park/").status_code == 404


def test_missing_chinese_text_is_marked_as_english(client):
    make_park(slug="eco", summary={"en": "Green.", "zh-hans": ""}, status=Park.Status.PUBLISHED)
    html = client.get("/zh-hans/parks/eco/").content.decode()
    assert '<p class="lead" lang="en">Green.</p>' in html
    assert 'class="notice"' in html


def test_park_list_map_shows_only_the_listed_page(client):
    district = make_district()
    for _ in range(15):
        make_park(district=district, latitude=36.1, longitude=120.4)
    html = client.get("/en/parks/").content.decode()
    assert html.count('class="map-point"') == 12
    html = client.get("/en/parks/?page=2").content.decode()
    assert html.count('class="map-point"') == 3
