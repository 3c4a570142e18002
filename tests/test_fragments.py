"""Cached fragments of the public pages (web/fragments.py): warm pages read little, and an
edit shows at once while the fragments of unrelated records stay warm."""

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from projects.models import Park
from web import fragments

from .factories import make_district, make_park, make_sector
from .pages import text
from .quality import make_photo, make_sample_content
from .search_index import commit as index_committed

pytestmark = pytest.mark.django_db
# Warm: the record(s) of the page, and at most two lookups more.
WARM_QUERIES = 3


def owned_pages(slugs, language):
    """Every public page whose fragments this module keeps, in `language`."""
    with translation.override(language):
        names = {
            "park": "projects:park_detail",
            "policy": "projects:policy_detail",
            "event": "projects:event_detail",
            "centre": "projects:centre_detail",
            "story": "stories:story_detail",
            "news": "stories:news_detail",
        }
        lists = [
            "projects:home",
            "projects:park_list",
            "projects:policy_list",
            "projects:event_list",
            "projects:centre_list",
            "stories:story_list",
            "stories:news_list",
            "stories:guide",
        ]
        urls = [reverse(name) for name in lists]
        urls += [reverse(name, kwargs={"slug": slugs[key]}) for key, name in names.items()]
        urls.append(reverse("stories:sector_detail", kwargs={"slug": slugs["sector"]}))
        urls.append(reverse("stories:country_detail", kwargs={"code": slugs["country"]}))
    return urls


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_owned_page_reads_at_most_three_queries_when_warm(
    client, no_page_cache, django_assert_max_num_queries, language
):
    slugs = make_sample_content()
    for url in owned_pages(slugs, language):
        assert client.get(url).status_code == 200, url
        with django_assert_max_num_queries(WARM_QUERIES, info=url):
            response = client.get(url)
        assert response.status_code == 200, url


def test_a_warm_page_is_the_same_page(client, no_page_cache):
    slugs = make_sample_content()
    for url in owned_pages(slugs, "en"):
        cold = client.get(url).content
        assert client.get(url).content == cold, url


def park_pages(park, language):
    with translation.override(language):
        return [
            reverse("projects:park_list"),
            reverse("projects:home"),
            park.get_absolute_url(),
            reverse("projects:search") + "?q=Harbour",
        ]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_renamed_park_shows_at_once_everywhere(client, no_page_cache, commits, language):
    park = make_park(name_en="Harbour zone", name_zh_hans="Harbour 港区", is_featured=True)
    index_committed()
    pages = park_pages(park, language)
    for url in pages:
        client.get(url)
    field = "name_en" if language == "en" else "name_zh_hans"

    def rename():
        setattr(park, field, "Harbour renamed 新名")
        park.save()

    commits(rename)
    for url in pages:
        assert "Harbour renamed 新名" in text(client, url), url


def test_a_renamed_sector_shows_on_the_park_cards_and_page(client, no_page_cache, commits):
    sector = make_sector(name_en="Marine biology")
    park = make_park(is_featured=True)
    park.sectors.add(sector)
    pages = [reverse("projects:park_list"), park.get_absolute_url()]
    for url in pages:
        assert "Marine biology" in client.get(url).content.decode()

    def rename():
        sector.name_en = "Blue economy"
        sector.save()

    commits(rename)
    for url in pages:
        assert "Blue economy" in client.get(url).content.decode(), url


def test_a_new_photo_shows_on_the_card_and_the_page(client, no_page_cache, commits):
    park = make_park(is_featured=True)
    pages = [reverse("projects:park_list"), reverse("projects:home"), park.get_absolute_url()]
    for url in pages:
        assert "A new view" not in client.get(url).content.decode()
    commits(lambda: make_photo(park, alt="A new view"))
    for url in pages:
        assert "A new view" in client.get(url).content.decode(), url


def set_status(park, status):
    """As the admin's publish and unpublish do: a save (the search index follows it)."""
    park.status = status
    park.save()


def test_unpublishing_and_publishing_show_at_once(client, no_page_cache, commits):
    park = make_park(name_en="Harbour zone", is_featured=True)
    index_committed()
    pages = park_pages(park, "en")[:2] + [reverse("projects:search") + "?q=Harbour"]
    for url in pages:
        assert "Harbour zone" in text(client, url)
    commits(lambda: set_status(park, Park.Status.DRAFT))
    for url in pages:
        assert "Harbour zone" not in text(client, url), url
    assert client.get(park.get_absolute_url()).status_code == 404
    commits(lambda: set_status(park, Park.Status.PUBLISHED))
    for url in pages:
        assert "Harbour zone" in text(client, url), url
    assert client.get(park.get_absolute_url()).status_code == 200


def test_an_edit_to_one_park_leaves_the_other_cards_warm(
    client, no_page_cache, commits, django_assert_num_queries
):
    parks = []
    commits(lambda: parks.extend(make_park(district=make_district()) for _ in range(3)))
    url = reverse("projects:park_list")
    client.get(url)
    edited = parks[0]

    def rename():
        edited.name_en = "Renamed park"
        edited.save()

    commits(rename)
    with translation.override("en"):
        missing = fragments.prime(
            "park-card", Park.objects.filter(pk__in=[p.pk for p in parks]), 2, "sectors"
        )
    assert [park.pk for park in missing] == [edited.pk]
    # The list counts and reads its page again, and fetches the edited card's rows alone.
    html = client.get(url).content.decode()
    assert "Renamed park" in html


def render(source, **context):
    request = RequestFactory().get("/en/")
    return Template("{% load fragments %}" + source).render(
        Context({"request": request, **context})
    )


def test_a_fragment_is_rendered_once_then_read_from_the_cache():
    park = make_park(name_en="First")
    source = '{% fragment "t" park %}{{ park.name }}{% endfragment %}'
    with translation.override("en"):
        assert render(source, park=park) == "First"
        park.name_en = "Not read: the cached fragment answers"
        assert render(source, park=park) == "First"


def test_a_fragment_with_a_nonce_or_csrf_token_is_not_kept():
    source = '{% fragment "t" None %}<script nonce="{{ nonce }}"></script>{% endfragment %}'
    with translation.override("en"):
        assert 'nonce="one"' in render(source, nonce="one")
        assert 'nonce="two"' in render(source, nonce="two")
    assert not fragments.storable('<input name="csrfmiddlewaretoken" value="x">')


def test_pages_render_when_the_cache_fails(client, no_page_cache, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "web.cache.DegradingRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.1},
        },
        "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    park = make_park(name_en="Harbour zone", is_featured=True)
    index_committed()
    for url in park_pages(park, "en"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Harbour zone" in strip_tags(response.content.decode()), url
    cache.close()


def test_a_warm_page_reads_the_shared_cache_once(client, no_page_cache, cache_reads):
    """For the stamp: the generations read under it and the fragments come from this
    process's memory."""
    from web import invalidation

    park = make_park(name_en="Harbour zone", is_featured=True)
    pages = park_pages(park, "en")[:3]  # list, home, detail
    for url in pages:
        client.get(url)
    reads = cache_reads()
    for url in pages:
        reads.clear()
        assert "Harbour zone" in text(client, url), url
        assert [args[0] for args in reads] == [invalidation.STAMP_KEY], url


def test_a_changed_stamp_makes_the_generations_read_again(client, no_page_cache, cache_reads):
    from web import invalidation, page_groups

    url = make_park(name_en="Harbour zone").get_absolute_url()
    client.get(url)
    reads = cache_reads()
    cache.delete(invalidation.STAMP_KEY)
    client.get(url)
    many = [args[0] for args in reads if not isinstance(args[0], str)]
    assert set(page_groups.page_generations(url)) <= set(many[0])


def test_a_process_keeps_a_bounded_number_of_generations(monkeypatch):
    from web import invalidation, page_groups

    monkeypatch.setattr(invalidation, "KNOWN_MAX", 3)
    memo = invalidation.RequestMemo(lambda request: None)
    for slug in ("a", "b", "c", "d", "e"):
        memo.get_response = lambda request, slug=slug: invalidation.generations(
            [page_groups.record_key("park", slug)]
        )
        memo(RequestFactory().get("/en/"))
    kept = invalidation.known.values
    assert page_groups.record_key("park", "e") in kept
    assert page_groups.record_key("park", "a") not in kept


def test_a_generation_ended_by_another_process_is_read_by_the_next_request(client, no_page_cache):
    from web import invalidation, page_groups

    park = make_park(name_en="Harbour zone", is_featured=True)
    url = park.get_absolute_url()
    client.get(url)
    # Another process's edit: the row and the shared generations, not this one's memory.
    Park.objects.filter(pk=park.pk).update(name_en="Harbour renamed")
    park.refresh_from_db()
    ended = [page_groups.record_key("park", park.slug), *page_groups.everything()]
    cache.delete_many([*ended, invalidation.STAMP_KEY])
    assert "Harbour renamed" in text(client, url)


def test_within_a_request_an_ended_generation_is_read_again():
    from web import invalidation, page_groups

    key = page_groups.type_key("park")
    memo = invalidation.RequestMemo(lambda request: None)
    seen = []

    def view(request):
        seen.append(invalidation.generations([key]))
        seen.append(invalidation.generations([key]))
        invalidation.new_generation({key})
        seen.append(invalidation.generations([key]))

    memo.get_response = view
    memo(RequestFactory().get("/en/"))
    assert seen[0] == seen[1] != seen[2]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_warm_page_reads_no_sql(client, no_page_cache, django_assert_num_queries, language):
    """A detail page keeps its record with its fragments, a list its results, until
    they or a record they show change."""
    pages = owned_pages(make_sample_content(), language)
    assert len(pages) == 16, pages
    for url in pages:
        client.get(url)
        with django_assert_num_queries(0, info=url):
            assert client.get(url).status_code == 200, url


def test_a_list_keeps_its_results_for_each_query(client, no_page_cache):
    """Each query has its own results: the filters, the page, the shortlist in the links."""
    first = make_park(name_en="Harbour zone", slug="harbour-zone")
    make_park(name_en="Valley zone", slug="valley-zone")
    parks = reverse("projects:park_list")
    assert "harbour-zone%2Cvalley-zone" not in client.get(parks).content.decode()
    shortlisted = client.get(parks, {"compare": first.slug}).content.decode()
    assert "parks=harbour-zone,valley-zone" in shortlisted
    assert "parks=harbour-zone,valley-zone" not in client.get(parks).content.decode()


def test_an_unknown_slug_is_a_404_each_time(client, no_page_cache):
    for _attempt in range(2):
        assert (
            client.get(reverse("projects:park_detail", kwargs={"slug": "nowhere"})).status_code
            == 404
        )
