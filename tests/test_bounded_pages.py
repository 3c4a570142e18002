"""Public pages stay small at any size: typed park filters, capped lists, fixed queries."""

import io
import itertools

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.utils import translation

from about import selectors as site_map
from decide.finder import Project, assess
from decide.selectors import finder_result, in_force_policies
from projects import selectors as projects_selectors
from projects.content_types import public_types
from projects.models import District, Park, Sector
from projects.models.criteria import CompanyType, TalentCategory
from projects.park_field import SUGGESTIONS
from siting import selectors as siting_selectors
from stories import selectors as stories_selectors

from .factories import make_district, make_event, make_park, make_policy, make_sector
from .pages import LANGUAGES, budget, get_page, warm_up
from .siting_helpers import make_site
from .story_factories import make_story
from .test_public_indexes import plan

pytestmark = pytest.mark.django_db
# A page of the portal at any number of records; the benchmark's budget too (issue 20).
MAX_BYTES = 60_000


def many_parks(n):
    """`n` published parks, bulk-created: the size of a page must not follow them."""
    parks = [
        Park(
            slug=f"bulk-park-{i}",
            status=Park.Status.PUBLISHED,
            kind=Park.Kind.INDUSTRIAL_PARK,
            name_en=f"Bulk park number {i} with a long name",
            name_zh_hans=f"批量园区第{i}号",
            summary_en="A park.",
            summary_zh_hans="园区。",
        )
        for i in range(n)
    ]
    Park.objects.bulk_create(parks)


def html_of(client, url, language="en"):
    return get_page(client, url, language).content.decode()


def measured(client, url, django_assert_max_num_queries, label):
    warm_up(client, url)
    with django_assert_max_num_queries(budget(label)) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content), len(queries.captured_queries)


# Every page with a park filter stays the same size and reads the same queries however
# many parks there are.
PARK_FILTERED = [
    ("site list", "/en/sites/"),
    ("event list", "/en/events/"),
    ("story list", "/en/stories/"),
    ("incentive finder", "/en/incentives/finder/"),
    ("enquiry form", "/en/enquiry/"),
]


@pytest.mark.parametrize(("label", "url"), PARK_FILTERED)
def test_pages_with_a_park_filter_do_not_grow_with_the_parks(
    client, django_assert_max_num_queries, label, url
):
    many_parks(SUGGESTIONS)
    small, few = measured(client, url, django_assert_max_num_queries, label)
    many_parks_more = 10 * SUGGESTIONS
    Park.objects.bulk_create(
        [
            Park(
                slug=f"more-{i}",
                status=Park.Status.PUBLISHED,
                kind=Park.Kind.INDUSTRIAL_PARK,
                name_en=f"Another park {i}",
                name_zh_hans=f"另一园区{i}",
                summary_en="A park.",
                summary_zh_hans="园区。",
            )
            for i in range(many_parks_more)
        ]
    )
    large, more = measured(client, url, django_assert_max_num_queries, label)
    assert more == few
    assert large <= MAX_BYTES
    # At most SUGGESTIONS names in any list: a few bytes of difference, not a park each.
    assert abs(large - small) < 2_000, (small, large)


# The site list's typed park: a name in either language, the slug or the number.


@pytest.fixture
def eco_park():
    park = make_park(slug="eco-park", name={"en": "Sino-German Eco-Park", "zh-hans": "中德生态园"})
    make_site(slug="eco-factory", name_en="Eco factory", name_zh_hans="生态园厂房", park=park)
    make_site(slug="elsewhere", name_en="Elsewhere hall", name_zh_hans="别处厂房")
    return park


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("typed", ["Sino-German Eco-Park", "中德生态园", "eco-park", "PK"])
def test_site_list_finds_the_typed_park(client, eco_park, language, typed):
    typed = str(eco_park.pk) if typed == "PK" else typed
    html = html_of(client, f"/{language}/sites/?park={typed}", language)
    assert "eco-factory" in html and "elsewhere" not in html
    with translation.override(language):
        # The box shows the park's name in the page's language, whatever was typed.
        assert f'value="{eco_park}"' in html
    assert "<datalist" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_park_is_named_and_the_list_not_narrowed(client, eco_park, language):
    html = html_of(client, f"/{language}/sites/?park=Atlantis", language)
    notice = "We found no park of that name." if language == "en" else "未找到该名称的园区。"
    assert notice in html and 'class="errorlist"' in html
    # What was typed stays in the box, not in the notice (it is in no known language).
    assert 'value="Atlantis"' in html and "“Atlantis”" not in html
    assert "eco-factory" in html and "elsewhere" in html


def test_an_ambiguous_park_name_picks_one_park_and_never_fails(client, eco_park):
    twin = make_park(slug="eco-park-2", name={"en": "Sino-German Eco-Park", "zh-hans": "生态园二"})
    make_site(slug="twin-factory", park=twin)
    html = html_of(client, "/en/sites/?park=sino-german%20eco-park")
    # The first park of that name (the oldest record) is the one filtered by.
    assert "eco-factory" in html and "twin-factory" not in html


# The event list's park filter, linked from the park's page.


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_list_filters_by_park_in_each_language(client, eco_park, language):
    make_event(slug="eco-forum", park=eco_park)
    make_event(slug="other-forum")
    html = html_of(client, f"/{language}/events/?park=eco-park", language)
    assert "eco-forum" in html and "other-forum" not in html
    html = html_of(client, f"/{language}/events/?park=nowhere", language)
    assert "eco-forum" in html and "other-forum" in html and 'class="errorlist"' in html


def test_park_page_links_to_its_upcoming_events(client, eco_park):
    make_event(slug="eco-forum", park=eco_park)
    html = html_of(client, "/en/parks/eco-park/")
    assert 'href="/en/events/?park=eco-park"' in html
    assert "All upcoming events at this park" in html
    html = html_of(client, "/zh-hans/parks/eco-park/", "zh-hans")
    assert "本园区全部近期活动" in html


def test_story_list_filters_by_typed_park(client, eco_park):
    make_story(slug="eco-story", park=eco_park)
    make_story(slug="other-story")
    html = html_of(client, "/zh-hans/stories/?park=中德生态园", "zh-hans")
    assert "eco-story" in html and "other-story" not in html
    html = html_of(client, "/en/stories/?park=%3Cb%3E")
    assert "We found no park of that name." in html
    assert "other-story" in html


# The incentive finder: matched in the database, each group cut with its size.


def test_finder_lists_at_most_thirty_a_group_with_the_size_and_a_link(client):
    marine = make_sector(slug="marine")
    for n in range(35):
        make_policy(slug=f"jobs-{n:02d}", min_headcount=10).sectors.add(marine)
    html = html_of(client, "/en/incentives/finder/?sector=marine&headcount=5")
    assert "Policies that nearly apply (35)" in html
    assert html.count("Not yet: needs ≥ 10 employees") == 30
    assert 'href="/en/policies/?status=in_force&amp;sector=marine"' in html
    assert "More in the policy list" in html


def test_finder_park_is_typed_in_either_language(client, eco_park):
    make_policy(slug="eco-fund", name={"en": "Eco fund", "zh-hans": "生态基金"}).parks.add(eco_park)
    make_policy(slug="other-fund").parks.add(make_park())
    html = html_of(client, "/zh-hans/incentives/finder/?park=中德生态园", "zh-hans")
    applies = html.split('id="applies-title"')[1].split('id="nearly-title"')[0]
    assert "生态基金" in applies and "other-fund" not in applies
    html = html_of(client, "/en/incentives/finder/?park=Atlantis")
    assert "We found no park called “Atlantis”." in html


@pytest.mark.slow  # loads the demo content: some twenty seconds
def test_finder_matches_like_before_on_the_demo_content():
    """Every combination of answers gives the same groups, in the database and in Python."""
    call_command("load_demo", stdout=io.StringIO())
    sectors = [None, *Sector.objects.all()[:4]]
    parks = [None, *Park.objects.published()[:3]]
    districts = [None, *District.objects.all()[:2]]
    answers = itertools.product(
        sectors,
        parks,
        districts,
        ["", CompanyType.SME, CompanyType.REGIONAL_HQ],
        [None, 1_000_000, 500_000_000],
        [None, 10, 500],
        [(), (TalentCategory.TOP,)],
    )
    # Every 37th combination: a spread over all the answers (3 240), in a few seconds.
    for sector, park, district, company, money, people, talent in itertools.islice(
        answers, 0, None, 37
    ):
        project = Project(sector, park, district, company, money, people, talent)
        python = assess(in_force_policies(sector), project)
        database = finder_result(project)
        assert _groups(database) == _groups(python), project
        assert database.sizes == python.sizes


def _groups(found):
    return (
        [p.slug for p in found.applies],
        [(p.slug, reason) for p, reason in found.nearly],
        [p.slug for p in found.city_wide],
    )


def test_finder_queries_are_the_same_at_ten_times_the_policies(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, eco_park
):
    url = "/en/incentives/finder/?park=eco-park&headcount=5&company_type=sme"

    def make(n):
        for _i in range(n):
            policy = make_policy(min_headcount=10)
            policy.parks.add(eco_park)
            policy.districts.add(make_district())

    make(3)
    warm_up(client, url)
    with django_assert_num_queries(budget("incentive finder") + 1):  # + the park typed
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        make(30)  # committed: the result kept for these answers ends
    with django_assert_num_queries(budget("incentive finder") + 1):
        client.get(url)


# The HTML site map: the first records of each type, a link to the rest.


def test_site_map_caps_each_type_and_links_to_the_list(
    client, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(site_map, "PER_TYPE", 3)
    for n in range(5):
        make_park(slug=f"park-{n}")
    url = "/en/site-map/"
    warm_up(client, url)
    with django_assert_num_queries(len(public_types())):
        html = client.get(url).content.decode()
    assert html.count('href="/en/parks/park-') == 3
    assert '<a class="more" href="/en/parks/">Parks: all 5 →</a>' in html
    zh = html_of(client, "/zh-hans/site-map/", "zh-hans")
    assert "全部5项 →" in zh


def test_site_map_shows_no_link_to_more_when_all_are_listed(client):
    make_park(slug="only-park")
    html = html_of(client, "/en/site-map/")
    assert 'href="/en/parks/only-park/"' in html and "Parks: all" not in html


def test_site_map_stays_small_with_many_records(client):
    many_parks(300)
    html = html_of(client, "/en/site-map/")
    assert html.count('href="/en/parks/bulk-park-') == site_map.PER_TYPE
    assert len(html.encode()) <= MAX_BYTES


# The enquiry form: every country still offered, the answer kept.


def test_enquiry_form_country_list_is_whole_and_keeps_the_answer(client):
    html = client.get("/en/enquiry/").content.decode()
    select = html.split('<select name="country"')[1].split("</select>")[0]
    assert select.count("<option") > 200
    assert '<option value="" selected>Please choose</option>' in select
    html = client.post("/en/enquiry/", {"country": "DE"}).content.decode()
    assert '<option value="DE" selected>Germany</option>' in html
    zh = client.get("/zh-hans/enquiry/").content.decode()
    assert '<option value="DE">德国</option>' in zh


# Each new filter reads an index (SQLite's plan; PostgreSQL plans by its statistics).

FILTERS = {
    "events of a park": lambda: projects_selectors.events(park="eco-park"),
    "sites of a park": lambda: siting_selectors.sites(park="eco-park"),
    "stories of a park": lambda: stories_selectors.stories(park="eco-park"),
    "park suggestions": lambda: Park.objects.published().order_by(
        "-is_featured", F("area_km2").desc(nulls_last=True), "slug"
    )[:SUGGESTIONS],
}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
@pytest.mark.parametrize("name", FILTERS)
def test_new_filters_read_an_index(name):
    steps = plan(FILTERS[name]())
    assert not [step for step in steps if step.startswith("SCAN") and "INDEX" not in step], steps
    assert any("INDEX" in step for step in steps), steps


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
def test_park_suggestions_need_no_sort_of_every_park():
    steps = plan(FILTERS["park suggestions"]())
    assert any("park_suggestion_order" in step for step in steps), steps
    assert not [step for step in steps if "TEMP B-TREE" in step], steps


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
def test_a_parks_events_are_read_from_its_own_index():
    for queryset in (FILTERS["events of a park"](), FILTERS["events of a park"]().order_by()):
        assert any("event_park_public_end" in step for step in plan(queryset))
