"""The comparison and the finder keep what they show (decide/kept.py): warm pages read no
SQL, an edit shows at once, and no visitor is served another visitor's shortlist or answers."""

import pytest
from django.utils import translation

from decide import kept
from projects.models import Park
from web import fragments

from .factories import make_district, make_event, make_park, make_policy, make_sector
from .pages import LANGUAGES, budget, text, warm_up
from .siting_helpers import make_node, make_site

pytestmark = pytest.mark.django_db
FINDER = "/{}/incentives/finder/"


@pytest.fixture
def content(commits):
    return commits(_content)  # its writes end their generations now


def _content():
    district = make_district(slug="huangdao", name={"en": "Huangdao", "zh-hans": "黄岛区"})
    marine = make_sector(slug="marine", name={"en": "Marine", "zh-hans": "海洋"})
    parks = [
        make_park(slug=slug, district=district, name={"en": f"{slug.title()} Park"})
        for slug in ("alpha", "beta", "gamma")
    ]
    parks[0].sectors.add(marine)
    make_site(slug="hall", park=parks[0], district=district, name_en="Hall site")
    make_site(slug="plot", park=parks[1], district=district, name_en="Plot site")
    make_event(park=parks[0])
    make_node(slug="port")
    make_policy(slug="city-aid", name={"en": "City aid", "zh-hans": "全市扶持"})
    named = make_policy(slug="alpha-aid", name={"en": "Alpha aid"}, min_headcount=50)
    named.parks.add(parks[0])
    return parks


def pages(language):
    return [
        f"/{language}/compare/?parks=alpha,beta",
        f"/{language}/compare/?sites=hall,plot",
        FINDER.format(language),
        FINDER.format(language) + "?sector=marine&headcount=12&talent=top",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_warm_comparisons_and_finder_read_no_sql(
    client, no_page_cache, content, django_assert_num_queries, language
):
    for url in pages(language):
        client.get(url)
        with django_assert_num_queries(0, info=url):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_visitor_after_an_edit_reads_a_fixed_number_of_queries(
    client, no_page_cache, content, django_assert_num_queries, language
):
    """Nothing kept: the page's budget in projects/inventory.py, exactly."""
    labels = ["park comparison", "site comparison", "incentive finder", "incentive finder"]
    for label, url in zip(labels, pages(language), strict=True):
        warm_up(client, url)
        with django_assert_num_queries(budget(label), info=url):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_park_typed_in_the_finder_is_the_one_query_when_warm(
    client, no_page_cache, content, django_assert_num_queries, language
):
    url = FINDER.format(language) + "?park=alpha"
    client.get(url)
    with django_assert_num_queries(1):  # the park named by what was typed
        html = client.get(url).content.decode()
    with translation.override(language):
        assert f'value="{Park.objects.get(slug="alpha")}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_warm_page_is_the_same_page(client, no_page_cache, content, language):
    for url in pages(language):
        cold = client.get(url).content
        assert client.get(url).content == cold, url


def test_a_renamed_compared_park_shows_at_once(client, no_page_cache, commits, content):
    url = "/en/compare/?parks=alpha,beta"
    assert "Alpha Park" in text(client, url)

    def rename():
        content[0].name_en = "Alpha renamed"
        content[0].save()

    commits(rename)
    assert "Alpha renamed" in text(client, url)


def test_a_sector_added_to_a_compared_park_shows_at_once(client, no_page_cache, commits, content):
    url = "/en/compare/?parks=beta"
    assert "Film" not in text(client, url)
    commits(lambda: content[1].sectors.add(make_sector(name={"en": "Film"})))
    assert "Film" in text(client, url)


def test_an_edited_compared_site_and_its_park_show_at_once(client, no_page_cache, commits, content):
    url = "/en/compare/?sites=hall,plot"
    assert "Hall site" in text(client, url)

    def edit():
        site = content[0].available_sites.get(slug="hall")
        site.name_en = "Hall renamed"
        site.save()
        content[1].name_en = "Beta renamed"
        content[1].save()

    commits(edit)
    page = text(client, url)
    assert "Hall renamed" in page and "Beta renamed" in page


def test_a_new_routing_rule_and_a_renamed_desk_show_at_once(
    client, no_page_cache, commits, content
):
    from enquiries.models import RoutingRule

    from .enquiry_helpers import make_desk

    url = "/en/compare/?parks=alpha,beta"
    assert "Alpha desk" not in text(client, url)
    desk = commits(lambda: make_desk("Alpha desk"))
    commits(lambda: RoutingRule.objects.create(kind="park", park=content[0], desk=desk))
    assert "Alpha desk" in text(client, url)

    def rename():
        desk.name_en = "Harbour desk"
        desk.save()

    commits(rename)
    assert "Harbour desk" in text(client, url)


def test_a_desks_members_are_on_no_public_page(commits):
    from django.contrib.auth.models import User

    from enquiries.models import Desk
    from web import invalidation

    desk = Desk.objects.get(is_default=True)
    before = invalidation.generations([fragments.page_groups.SHARED])
    commits(lambda: desk.members.add(User.objects.create_user("li", "li@invest.example")))
    assert invalidation.generations([fragments.page_groups.SHARED]) == before


def test_a_new_site_of_a_compared_park_shows_at_once(client, no_page_cache, commits, content):
    url = "/en/compare/?parks=beta"
    assert "2 sites" not in text(client, url)
    commits(lambda: make_site(park=content[1]))
    assert "2 sites" in text(client, url)


def test_a_policy_edit_shows_at_once_in_the_comparison_and_the_finder(
    client, no_page_cache, commits, content
):
    compare, finder = "/en/compare/?parks=gamma", FINDER.format("en")
    assert "2 city-wide policies" not in text(client, compare)
    assert "Port aid" not in text(client, finder)
    commits(lambda: make_policy(slug="port-aid", name={"en": "Port aid"}))
    assert "2 city-wide policies" in text(client, compare)
    assert "Port aid" in text(client, finder)

    def rename():
        policy = content[0].policies.get()
        policy.name_en = "Alpha grant"
        policy.save()

    commits(rename)
    assert "Alpha grant" in text(client, finder)
    assert "Alpha grant" in text(client, "/en/compare/?parks=alpha")


def test_a_park_named_by_a_policy_renamed_shows_in_the_finder(
    client, no_page_cache, commits, content
):
    url = FINDER.format("en") + "?park=beta"
    assert "only in Alpha Park" in text(client, url)

    def rename():
        content[0].name_en = "Alpha zone"
        content[0].save()

    commits(rename)
    assert "only in Alpha zone" in text(client, url)


def test_a_published_park_joins_the_comparison_at_once(client, no_page_cache, commits, content):
    url = "/en/compare/?parks=alpha,delta"
    assert "left out: delta" in text(client, url)
    commits(lambda: make_park(slug="delta", name={"en": "Delta Park"}))
    page = text(client, url)
    assert "Delta Park" in page and "left out" not in page


def test_an_edit_to_another_park_leaves_the_comparison_warm(
    client, no_page_cache, commits, content, django_assert_num_queries
):
    url = "/en/compare/?parks=alpha,beta"
    client.get(url)

    def rename():
        content[2].name_en = "Gamma renamed"
        content[2].save()

    commits(rename)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_two_shortlists_get_their_own_comparison(client, no_page_cache, content):
    first = text(client, "/en/compare/?parks=alpha,beta")
    second = text(client, "/en/compare/?parks=beta,gamma")
    assert "Alpha Park" in first and "Gamma Park" not in first
    assert "Gamma Park" in second and "Alpha Park" not in second
    # Same records, other order: the columns follow the shortlist.
    swapped = text(client, "/en/compare/?parks=beta,alpha")
    assert swapped.index("Beta Park") < swapped.index("Alpha Park")
    assert first.index("Alpha Park") < first.index("Beta Park")


def test_two_visitors_get_their_own_answers_and_results(client, no_page_cache, content):
    url = FINDER.format("en")
    small = client.get(url + "?headcount=12").content.decode()
    large = client.get(url + "?headcount=80").content.decode()
    assert 'value="12"' in small and 'value="80"' not in small
    assert 'value="80"' in large and 'value="12"' not in large
    assert "needs ≥ 50 employees" in small and "needs ≥ 50 employees" not in large
    # A wrong answer's error is this visitor's: the next visitor's form has none.
    assert "could not be read" in client.get(url + "?headcount=abc").content.decode()
    assert "could not be read" not in client.get(url + "?headcount=80").content.decode()
    assert 'value="abc"' not in client.get(url).content.decode()
    # The same answer typed another way is shown as this visitor typed it.
    assert 'value="012"' in client.get(url + "?headcount=012").content.decode()
    assert 'value="012"' not in client.get(url + "?headcount=12").content.decode()


def test_the_same_answers_typed_differently_share_one_result(client, no_page_cache, content):
    url = FINDER.format("en")
    client.get(url + "?park=alpha&investment=5")
    alpha = Park.objects.get(slug="alpha")
    with translation.override("en"):
        for typed in ("Alpha Park", "ALPHA", str(alpha.pk)):
            assert "Alpha Park" in text(client, url + f"?park={typed}&investment=5.00")
    keys = [key for key in fragments.memory.entries if ":lookup:finder-result:" in key]
    assert len(keys) == 1, keys


def test_kept_html_holds_no_per_request_value(client, no_page_cache, content):
    for url in pages("en"):
        client.get(url)
    kept_html = [
        value
        for key, (_expires, value) in fragments.memory.entries.items()
        if ":lookup:compare-table:" in key or ":lookup:finder-result:" in key
    ]
    assert len(kept_html) == 4
    assert all(fragments.storable(html) for html in kept_html)


def test_the_kept_result_ends_with_the_day(monkeypatch):
    """In force and upcoming are read on a date: tomorrow's result is read again."""
    import datetime

    from decide.finder import Project

    rendered = []

    def render():
        rendered.append(1)
        return "result"

    today = datetime.date(2026, 3, 1)
    monkeypatch.setattr(kept.timezone, "localdate", lambda: today)
    kept.finder_result(Project(), render)
    kept.finder_result(Project(), render)
    monkeypatch.setattr(kept.timezone, "localdate", lambda: today + datetime.timedelta(days=1))
    kept.finder_result(Project(), render)
    assert len(rendered) == 2


def test_the_questions_are_offered_in_each_language(client, no_page_cache, content):
    for _visit in range(2):
        assert ">Marine</option>" in client.get(FINDER.format("en")).content.decode()
        zh = client.get(FINDER.format("zh-hans")).content.decode()
        assert ">海洋</option>" in zh and ">黄岛区</option>" in zh


def test_a_warm_comparison_or_finder_reads_the_shared_cache_once(
    client, no_page_cache, content, cache_reads
):
    """Its generations, the compared records' own among them, in one read: what is kept
    comes from this process's memory."""
    for url in pages("en"):
        client.get(url)
    reads = cache_reads()
    for url in pages("en"):
        reads.clear()
        assert client.get(url).status_code == 200
        assert len(reads) == 1, (url, reads)
