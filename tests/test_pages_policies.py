import datetime

import pytest

from projects.models import Policy

from .factories import make_park, make_policy, make_sector
from .pages import LANGUAGES, budget, get_page, shown, switch_link, twin, warm_up

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.mark.parametrize("language", LANGUAGES)
def test_policy_list_keeps_filters_across_languages(client, language):
    make_policy(category=Policy.Category.TALENT)
    url = f"/{language}/policies/?category=talent&status=in_force"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_policy_detail_links_to_its_twin(client, language):
    name = {"en": "Ten venture measures", "zh-hans": "创投十条"}
    policy = make_policy(slug="venture-10", name=name)
    park = make_park(name={"en": "Eco-Park", "zh-hans": "生态园"})
    policy.parks.add(park)
    url = f"/{language}/policies/venture-10/"
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    html = response.content.decode()
    assert shown(name, language) in html
    assert park.get_absolute_url().replace("/en/", f"/{language}/") in html


def test_in_force_and_expired_come_from_the_dates(client):
    make_policy(name={"en": "Current"}, effective_date=TODAY - datetime.timedelta(days=5))
    make_policy(
        name={"en": "Lapsed"},
        effective_date=TODAY - datetime.timedelta(days=400),
        expiry_date=TODAY - datetime.timedelta(days=1),
    )
    in_force = client.get("/en/policies/?status=in_force").content.decode()
    expired = client.get("/en/policies/?status=expired").content.decode()
    assert "Current" in in_force and "Lapsed" not in in_force
    assert "Lapsed" in expired and "Current" not in expired
    assert "1 result" in in_force and "1 result" in expired


def test_filters_combine(client):
    marine, park = make_sector(slug="marine"), make_park(slug="oceantec")
    match = make_policy(name={"en": "Match"}, category=Policy.Category.SUBSIDY)
    match.sectors.add(marine)
    match.parks.add(park)
    make_policy(name={"en": "Wrong category"}, category=Policy.Category.TAX).sectors.add(marine)
    make_policy(name={"en": "No park"}, category=Policy.Category.SUBSIDY).sectors.add(marine)
    html = client.get("/en/policies/?category=subsidy&sector=marine&park=oceantec").content.decode()
    assert "Match" in html
    assert "Wrong category" not in html and "No park" not in html


def test_drafts_are_hidden(client):
    make_policy(slug="draft", name={"en": "Draft policy"}, status=Policy.Status.DRAFT)
    assert "Draft policy" not in client.get("/en/policies/").content.decode()
    assert client.get("/en/policies/draft/").status_code == 404


@pytest.mark.parametrize(
    "query",
    ["?category=bogus", "?status=maybe", "?park=%FF", "?sector[]=x", "?page=0", "?page=1e9"],
)
def test_bad_filters_are_ignored(client, query):
    make_policy(name={"en": "Still listed"})
    response = client.get("/en/policies/" + query)
    assert response.status_code == 200
    assert "Still listed" in response.content.decode()


def test_huge_query_string_is_a_bad_request(client):
    assert client.get("/en/policies/?park=" + "p" * 3000).status_code == 400


def test_unknown_slug_is_not_found(client):
    assert client.get("/zh-hans/policies/no-such-policy/").status_code == 404


def test_long_pagination_is_elided(client):
    for _ in range(20 * 12):
        make_policy()
    html = client.get("/en/policies/?page=6&category=tax").content.decode()
    assert "page 6 of 12" in html
    assert 'href="?page=4&amp;category=tax"' in html
    assert 'href="?page=12&amp;category=tax"' in html
    assert "page=10" not in html
    assert '<span class="gap">…</span>' in html


def test_pagination_says_where_you_are(client):
    for _ in range(25):
        make_policy()
    html = client.get("/en/policies/?page=2").content.decode()
    assert "25 results" in html and "page 2 of 2" in html
    assert 'href="?page=1"' in html


@pytest.mark.parametrize("size", [1, 10])
def test_policy_list_queries_stay_constant(client, django_assert_num_queries, size):
    sector, park = make_sector(), make_park()
    for _ in range(size):
        policy = make_policy()
        policy.sectors.add(sector)
        policy.parks.add(park)
    warm_up(client, "/en/policies/")
    # sectors, parks (filter choices), count, page
    with django_assert_num_queries(budget("policy list")):
        get_page(client, "/en/policies/?status=in_force", "en")


@pytest.mark.parametrize("size", [1, 10])
def test_policy_detail_queries_stay_constant(client, django_assert_num_queries, size):
    policy = make_policy()
    for _ in range(size):
        policy.sectors.add(make_sector())
        policy.parks.add(make_park())
    warm_up(client, f"/en/policies/{policy.slug}/")
    # policy, sectors, parks
    with django_assert_num_queries(budget("policy detail")):
        get_page(client, f"/zh-hans/policies/{policy.slug}/", "zh-hans")
