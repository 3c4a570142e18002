import pytest

from projects.models import Park

from .factories import make_centre, make_event, make_park, make_policy
from .pages import LANGUAGES, budget, get_page, shown, switch_link, twin, warm_up
from .search_index import commit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_keeps_the_query_across_languages(client, language):
    make_park(name={"en": "Sino-German Eco-Park", "zh-hans": "中德生态园"})
    url = f"/{language}/search/?q=%E7%94%9F%E6%80%81"  # 生态
    commit()
    response = get_page(client, url, language)
    assert switch_link(response) == twin(url, language)
    html = response.content.decode().replace("<mark>", "").replace("</mark>", "")
    assert shown({"en": "Sino-German Eco-Park", "zh-hans": "中德生态园"}, language) in html


def test_search_finds_every_content_type(client):
    make_park(name={"en": "Blue economy park"})
    make_policy(summary={"en": "Support for the blue economy."})
    make_event(name={"en": "Blue economy forum"})
    make_centre(summary={"en": "Promotes the blue economy in Singapore."})
    commit()
    html = client.get("/en/search/?q=blue+economy").content.decode()
    assert "4 results" in html
    for kind in ("Park", "Policy", "Event", "Overseas business centre"):
        assert f'<p class="meta">{kind}</p>' in html


def test_chinese_query_finds_chinese_text(client):
    make_policy(name={"en": "Film subsidies", "zh-hans": "影视产业扶持政策"})
    commit()
    html = client.get("/zh-hans/search/?q=影视").content.decode()
    assert "<mark>影视</mark>产业扶持政策" in html


def test_english_name_is_found_from_the_chinese_page(client):
    make_park(name={"en": "Oceantec Valley", "zh-hans": "蓝谷"})
    commit()
    assert "蓝谷" in client.get("/zh-hans/search/?q=oceantec").content.decode()


def test_drafts_never_appear(client):
    make_park(name={"en": "Secret blue park"}, status=Park.Status.DRAFT)
    commit()
    assert "Secret blue park" not in client.get("/en/search/?q=secret").content.decode()


def test_empty_query_shows_the_form_only(client):
    html = get_page(client, "/en/search/", "en").content.decode()
    assert 'name="q"' in html and "result" not in html


def test_too_long_query_is_a_bad_request(client):
    response = client.get("/en/search/?q=" + "x" * 101)
    assert response.status_code == 400
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize("query", ["?q=%", "?q=_", "?q=' OR 1=1 --", "?q=a&page=99"])
def test_odd_queries_are_answered(client, query):
    assert client.get("/en/search/" + query).status_code == 200


def test_null_character_is_a_bad_request(client):
    assert client.get("/en/search/?q=a%00b").status_code == 400


def test_wildcards_match_literally(client):
    make_park(name={"en": "Plain park"})
    commit()
    assert "Plain park" not in client.get("/en/search/?q=%25").content.decode()


def test_results_are_paginated(client):
    for number in range(25):
        make_park(name={"en": f"Harbour park {number}"})
    commit()
    html = client.get("/en/search/?q=harbour&page=2").content.decode()
    assert "25 results" in html and "page 2 of 2" in html
    assert 'href="?q=harbour&amp;page=1"' in html


@pytest.mark.parametrize("size", [1, 10])
def test_search_queries_stay_constant(client, django_assert_num_queries, size):
    for _ in range(size):
        make_park()
        make_policy()
        make_event()
        make_centre()
    commit()
    warm_up(client, "/en/search/?q=summary")
    # the vocabulary, the counts by type, the page of hits
    with django_assert_num_queries(budget("search")):
        get_page(client, "/en/search/?q=summary", "en")
