"""The park typed by name (policy filter, enquiry form): a few suggestions, not every park."""

import re

import pytest
from django.core.cache import cache

from enquiries.models import Enquiry

from .enquiry_helpers import enquiry_data
from .factories import make_park, make_policy
from .pages import LANGUAGES, budget, get_page, warm_up

pytestmark = pytest.mark.django_db

ECO = {"en": "Sino-German Eco-Park", "zh-hans": "中德生态园"}
SUGGESTION = re.compile(r"<option>([^<]*)</option>")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def eco_park_with_policy():
    park = make_park(slug="sino-german-eco-park", name=ECO)
    policy = make_policy(name={"en": "Eco-Park rent", "zh-hans": "生态园租金"})
    policy.parks.add(park)
    make_policy(name={"en": "Citywide tax", "zh-hans": "全市税收"})
    return park


def suggestions(html):
    datalist = html[html.index("<datalist") : html.index("</datalist>")]
    return SUGGESTION.findall(datalist)


def many_parks(count):
    for number in range(count):
        make_policy().parks.add(make_park(name={"en": f"Park {number:04}", "zh-hans": "园"}))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("typed", ["Sino-German Eco-Park", "sino-german eco-park", "中德生态园"])
def test_policy_list_finds_the_park_by_name_in_either_language(client, language, typed):
    eco_park_with_policy()
    html = get_page(client, f"/{language}/policies/?park={typed}", language).content.decode()
    assert "Eco-Park rent" in html or "生态园租金" in html
    assert "Citywide tax" not in html and "全市税收" not in html
    # The box shows the park's name in the page's language, whatever was typed.
    assert f'value="{ECO[language]}"' in html


def test_policy_list_link_by_slug_shows_the_name(client):
    eco_park_with_policy()
    html = client.get("/zh-hans/policies/?park=sino-german-eco-park").content.decode()
    assert 'value="中德生态园"' in html and "全市税收" not in html


@pytest.mark.parametrize(
    ("language", "notice"),
    [("en", "We found no park called “Atlantis”"), ("zh-hans", "未找到名为“Atlantis”的园区")],
)
def test_unknown_park_is_ignored_with_a_notice(client, language, notice):
    eco_park_with_policy()
    html = get_page(client, f"/{language}/policies/?park=Atlantis", language).content.decode()
    assert notice in html
    assert 'aria-invalid="true"' in html
    assert "Citywide tax" in html or "全市税收" in html


@pytest.mark.parametrize(
    "typed", ["%00", "%FF%FE", "' OR 1=1 --", "x" * 201, "99999999999999999999", "1", " "]
)
def test_bad_park_filter_never_fails(client, typed):
    make_policy(name={"en": "Still listed"})
    response = client.get("/en/policies/?park=" + typed)
    assert response.status_code == 200
    assert "Still listed" in response.content.decode()


def test_draft_park_is_neither_suggested_nor_found(client):
    draft = make_park(slug="secret", name={"en": "Secret Park"}, status="draft")
    make_policy().parks.add(draft)
    html = client.get("/en/policies/?park=Secret Park").content.decode()
    assert "We found no park called" in html
    assert "Secret Park" not in suggestions(html)


def test_policy_list_suggests_parks_with_policies_in_pinyin_order(client):
    for name in ["青岛港园区", "安徽园", "北方园"]:
        make_policy().parks.add(make_park(name={"en": name, "zh-hans": name}))
    make_park(name={"en": "No policies", "zh-hans": "无政策园"})
    html = client.get("/zh-hans/policies/").content.decode()
    assert suggestions(html) == ["安徽园", "北方园", "青岛港园区"]


@pytest.mark.parametrize("size", [1, 10])
def test_policy_list_by_park_queries_stay_constant(client, django_assert_num_queries, size):
    many_parks(size)
    eco_park_with_policy()
    warm_up(client, "/en/policies/")
    # The typed park is looked up once more than the list's own budget.
    with django_assert_num_queries(budget("policy list") + 1):
        get_page(client, "/en/policies/?park=Sino-German Eco-Park", "en")


@pytest.mark.parametrize(
    ("url", "module"),
    [("/en/policies/", "projects.views.policies"), ("/en/enquiry/", "enquiries.choices")],
)
def test_page_size_does_not_grow_with_parks(client, monkeypatch, url, module):
    monkeypatch.setattr(f"{module}.SUGGESTIONS", 5)
    many_parks(25)  # more than a page of policies
    small = len(client.get(url).content)
    many_parks(250)
    cache.clear()
    html = client.get(url).content.decode()
    assert len(suggestions(html)) == 5
    # Other suggestions, tokens and page links only; a list of 250 more parks is ~10 KB.
    assert abs(len(html.encode()) - small) < 500


@pytest.mark.parametrize("size", [1, 10])
def test_enquiry_form_queries_stay_constant(client, django_assert_num_queries, size):
    many_parks(size)
    warm_up(client, "/en/enquiry/")
    with django_assert_num_queries(budget("enquiry form")):
        assert client.get("/en/enquiry/").status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_enquiry_names_the_park_typed_in_chinese(client, language):
    park = eco_park_with_policy()
    response = client.post(f"/{language}/enquiry/", enquiry_data(park="中德生态园"))
    assert response.status_code == 302
    assert Enquiry.objects.get().park == park


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "We found no park called “Atlantis”"), ("zh-hans", "未找到名为“Atlantis”的园区")],
)
def test_enquiry_with_an_unknown_park_is_a_form_error(client, language, message):
    eco_park_with_policy()
    response = client.post(f"/{language}/enquiry/", enquiry_data(park="Atlantis"))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="Atlantis"' in response.content.decode()
    assert not Enquiry.objects.exists()


def test_enquiry_without_a_park_is_fine(client):
    response = client.post("/en/enquiry/", enquiry_data(park=""))
    assert response.status_code == 302
    assert Enquiry.objects.get().park is None
