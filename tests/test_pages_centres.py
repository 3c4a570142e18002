import pytest
from django.utils import translation
from django_countries.fields import Country

from projects.models import OverseasCentre

from .factories import make_centre, make_event
from .pages import LANGUAGES, budget, get_page, switch_link, twin, warm_up

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_centre_list_plots_centres_on_the_world_map(client, language):
    make_centre(slug="frankfurt", latitude=50.11, longitude=8.68)
    make_centre(slug="no-location")
    url = f"/{language}/centres/"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    html = response.content.decode()
    assert html.count('class="map-point"') == 1
    assert f'<a href="/{language}/centres/frankfurt/">' in html
    assert "2 " in html  # both centres are listed, with or without a location


@pytest.mark.parametrize("language", LANGUAGES)
def test_centre_detail_links_to_its_twin(client, language):
    centre = make_centre(
        slug="seoul", country="KR", countries_served=["KR", "MN"], email="seoul@qingdao.example"
    )
    url = f"/{language}/centres/{centre.slug}/"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    html = response.content.decode()
    with translation.override(language):  # country names are interface strings
        assert str(Country("MN").name) in html
    assert '"@type": "GovernmentOffice"' in html


def test_centre_detail_lists_its_upcoming_events(client):
    centre = make_centre()
    make_event(name={"en": "Qingdao Week in Germany"}, centre=centre)
    assert "Qingdao Week in Germany" in client.get(f"/en/centres/{centre.slug}/").content.decode()


def test_drafts_and_unknown_slugs_are_not_found(client):
    make_centre(slug="draft", status=OverseasCentre.Status.DRAFT)
    assert client.get("/en/centres/draft/").status_code == 404
    assert client.get("/en/centres/atlantis/").status_code == 404
    assert "draft" not in client.get("/en/centres/").content.decode()


@pytest.mark.parametrize("query", ["?page=7", "?page=abc", "?country=XX"])
def test_bad_input_is_ignored(client, query):
    make_centre(name={"en": "Still listed"})
    response = client.get("/en/centres/" + query)
    assert response.status_code == 200
    assert "Still listed" in response.content.decode()


def test_huge_query_string_is_a_bad_request(client):
    assert client.get("/en/centres/?x=" + "c" * 3000).status_code == 400


@pytest.mark.parametrize("size", [1, 10])
def test_centre_list_queries_stay_constant(client, django_assert_num_queries, size):
    for _ in range(size):
        make_centre(latitude=1.3, longitude=103.8)
    warm_up(client, "/en/centres/")
    with django_assert_num_queries(budget("centre list")):
        get_page(client, "/en/centres/", "en")


@pytest.mark.parametrize("size", [1, 10])
def test_centre_detail_queries_stay_constant(client, django_assert_num_queries, size):
    centre = make_centre()
    for _ in range(size):
        make_event(centre=centre)
    url = f"/zh-hans/centres/{centre.slug}/"
    warm_up(client, url)
    # centre, images, upcoming events
    with django_assert_num_queries(budget("centre detail")):
        get_page(client, url, "zh-hans")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", ["germany", "japan", "korea"]), ("zh-hans", ["germany", "korea", "japan"])],
)
def test_centres_listed_by_country_in_the_readers_order(client, language, expected):
    for slug, country in (("korea", "KR"), ("japan", "JP"), ("germany", "DE")):
        make_centre(slug=slug, country=country, email=f"{slug}@qingdao.example")
    html = client.get(f"/{language}/centres/").content.decode()
    positions = [html.index(f'href="/{language}/centres/{slug}/"') for slug in expected]
    assert positions == sorted(positions)
