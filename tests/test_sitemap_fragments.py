"""The HTML site map keeps each content type's section as a fragment: a warm site map
reads no SQL, and an edit to a park reads the park section alone again."""

import pytest
from django.urls import reverse
from django.utils import translation

from about import selectors as site_map
from projects.content_types import public_types
from projects.models import Park

from .factories import make_park, make_policy

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "zh-hans"]


def url_of(name, language):
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def content(commits):
    return commits(
        lambda: {
            "park": make_park(name_en="Harbour zone", name_zh_hans="港区", slug="harbour"),
            "policy": make_policy(name_en="Venture fund rules", slug="venture"),
        }
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_warm_site_map_reads_no_sql_and_a_cold_one_a_query_per_type(
    client, no_page_cache, content, django_assert_num_queries, language
):
    url = url_of("about:site_map", language)
    with django_assert_num_queries(len(public_types())):
        cold = client.get(url)
    with django_assert_num_queries(0):
        warm = client.get(url)
    assert warm.status_code == 200
    assert warm.content == cold.content
    assert f'href="/{language}/parks/harbour/"' in warm.content.decode()


def test_each_language_keeps_its_own_sections(client, no_page_cache, content):
    english = client.get(url_of("about:site_map", "en")).content.decode()
    chinese = client.get(url_of("about:site_map", "zh-hans")).content.decode()
    assert "Harbour zone" in english and "港区" not in english
    assert "港区" in chinese and 'href="/zh-hans/parks/harbour/"' in chinese


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_renamed_park_shows_at_once_and_the_other_sections_stay_warm(
    client, no_page_cache, content, commits, django_assert_num_queries, language
):
    url = url_of("about:site_map", language)
    client.get(url)
    park = content["park"]

    def rename():
        park.name_en = park.name_zh_hans = "Renamed harbour 新港"
        park.save()

    commits(rename)
    # The park section alone is read again.
    with django_assert_num_queries(1):
        html = client.get(url).content.decode()
    assert "Renamed harbour 新港" in html
    assert "Harbour zone" not in html and "港区<" not in html
    with django_assert_num_queries(0):
        assert client.get(url).content.decode() == html


def test_a_new_park_and_an_unpublished_one_change_the_list_and_its_number(
    client, no_page_cache, content, commits, monkeypatch
):
    monkeypatch.setattr(site_map, "PER_TYPE", 1)
    url = url_of("about:site_map", "en")
    assert "Parks: all" not in client.get(url).content.decode()
    commits(lambda: make_park(slug="second-park"))
    assert "Parks: all 2 →" in client.get(url).content.decode()
    park = content["park"]

    def unpublish():
        park.status = Park.Status.DRAFT
        park.save()

    commits(unpublish)
    html = client.get(url).content.decode()
    assert "Parks: all" not in html and "/en/parks/harbour/" not in html


def test_a_policy_edit_leaves_the_park_section_warm(
    client, no_page_cache, content, commits, django_assert_num_queries
):
    url = url_of("about:site_map", "en")
    client.get(url)
    policy = content["policy"]

    def rename():
        policy.name_en = "Venture fund rules, 2025"
        policy.save()

    commits(rename)
    with django_assert_num_queries(1):
        html = client.get(url).content.decode()
    assert "Venture fund rules, 2025" in html and "Harbour zone" in html


def test_site_map_sections_read_nothing_until_asked(django_assert_num_queries):
    with translation.override("en"), django_assert_num_queries(0):
        sections = site_map.site_map_sections()
    assert [section.key for section in sections] == [d.key for d in public_types()]
