"""The search index (search app): tokens, ranking, Chinese matching, typos, facets,
snippets, keeping in step with edits, rebuilding; on SQLite and PostgreSQL alike."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from projects.models import Park
from search import tokens
from search.models import SearchEntry, SearchWord

from .factories import make_event, make_park, make_policy
from .pages import get_page, warm_up
from .search_index import commit, found, url

pytestmark = pytest.mark.django_db


def test_words_are_lower_cased_and_plurals_folded():
    assert tokens.query_terms("Parks, Policies & Businesses") == ["park", "policy", "business"]
    assert tokens.stem("business") == "business"
    assert tokens.stem("logistics") == tokens.stem("logistic")


def test_chinese_is_indexed_as_characters_and_pairs():
    assert tokens.document_tokens("青岛港") == ["青", "青岛", "岛", "岛港", "港"]
    assert tokens.query_terms("青岛港") == ["青岛", "岛港"]
    assert tokens.query_terms("港") == ["港"]


def test_a_name_match_ranks_above_a_body_match():
    in_body = make_park(body={"en": "<p>Close to the harbour and its container terminals.</p>"})
    in_summary = make_park(summary={"en": "Next to the harbour."})
    in_name = make_park(name={"en": "Harbour park"})
    hits = found("harbour")
    assert hits[0] == url(in_name) and set(hits[1:]) == {url(in_summary), url(in_body)}


def test_all_terms_rank_above_some_and_a_phrase_above_scattered_terms():
    some = make_park(name={"en": "Blue harbour"})
    scattered = make_park(name={"en": "Economy park"}, summary={"en": "A blue bay."})
    phrase = make_park(name={"en": "Park of the blue economy"})
    assert found("blue economy") == [url(phrase), url(scattered), url(some)]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("query", ["港", "青岛", "青岛港"])
def test_one_and_two_chinese_characters_match_inside_a_sentence(language, query):
    park = make_park(
        name={"en": "Port park", "zh-hans": "临港产业园"},
        summary={"zh-hans": "园区位于青岛港以北，紧邻集装箱码头。"},
    )
    make_park(name={"en": "Inland park", "zh-hans": "内陆园区"})
    assert found(query, language) == [url(park, language)]


def test_plurals_and_typos_find_english_words():
    park = make_park(name={"en": "Logistics park"}, summary={"en": "Warehouses by the port."})
    assert found("parks") == [url(park)]
    assert found("warehouse") == [url(park)]
    assert found("logstics") == [url(park)]  # one letter missing
    assert found("lgoistics") == [url(park)]  # two letters swapped: distance 2
    assert found("zzzzzz") == []


def test_the_page_says_which_words_it_searched(client):
    make_park(name={"en": "Logistics park"})
    commit()
    html = get_page(client, "/en/search/?q=logstics", "en").content.decode()
    assert "Showing results for “logistics”." in html and "1 result" in html
    html = get_page(client, "/zh-hans/search/?q=logstics", "zh-hans").content.decode()
    assert "以下是“logistics”的结果。" in html


def test_facets_count_each_type_and_filter_by_one(client):
    make_park(name={"en": "Blue park"})
    make_policy(name={"en": "Blue policy"})
    make_policy(name={"en": "Blue bonus"})
    make_event(name={"en": "Forum"})
    commit()
    html = client.get("/en/search/?q=blue").content.decode()
    assert "3 results" in html
    assert 'href="?q=blue&amp;type=park">Parks (1)</a>' in html
    assert 'href="?q=blue&amp;type=policy">Policies (2)</a>' in html
    assert "Events (" not in html
    html = client.get("/en/search/?q=blue&type=policy").content.decode()
    assert "2 results" in html and "Blue park" not in html
    assert '<span aria-current="page">Policies (2)</span>' in html
    assert 'href="?q=blue">All</a>' in html
    assert found("blue", key="policy") == found("blue")[1:]


def test_an_unknown_type_is_dropped(client):
    make_park(name={"en": "Blue park"})
    commit()
    response = client.get("/en/search/?q=blue&type=nonsense")
    assert response.status_code == 200 and "1 result" in response.content.decode()


@pytest.mark.parametrize("query", ["...", "!!!", "—", "%25%25"])
def test_punctuation_alone_gets_an_answer(client, query):
    response = client.get(f"/en/search/?q={query}")
    assert response.status_code == 200
    assert "punctuation and symbols alone find nothing" in response.content.decode()


def test_snippets_mark_the_terms_and_escape_the_text(client):
    make_park(
        name={"en": "Plain park"},
        summary={"en": 'Costs < 5% for logistics firms & "more".'},
    )
    commit()
    html = client.get("/en/search/?q=logistics").content.decode()
    assert "Costs &lt; 5% for <mark>logistics</mark> firms &amp; &quot;more&quot;." in html


def test_a_long_body_is_cut_around_the_match(client):
    words = " ".join(f"filler{n}" for n in range(200))
    make_park(name={"en": "Plain park"}, body={"en": f"<p>{words} turbines {words}</p>"})
    commit()
    html = client.get("/en/search/?q=turbines").content.decode()
    snippet = html.split('<p class="snippet">')[1].split("</p>")[0]
    assert "<mark>turbines</mark>" in snippet and snippet.startswith("…")
    assert len(snippet) < 260


def test_chinese_snippets_mark_the_characters(client):
    make_park(name={"zh-hans": "临港产业园"}, summary={"zh-hans": "园区位于青岛港以北。"})
    commit()
    html = client.get("/zh-hans/search/?q=青岛港").content.decode()
    assert "园区位于<mark>青岛港</mark>以北。" in html


def test_drafts_and_scheduled_records_are_never_found():
    from datetime import timedelta

    from django.utils import timezone

    make_park(name={"en": "Secret park"}, status=Park.Status.DRAFT)
    make_park(name={"en": "Future park"}, publish_at=timezone.now() + timedelta(days=1))
    assert found("secret") == [] and found("future") == []


def test_an_edit_unpublish_and_delete_update_the_index():
    park = make_park(name={"en": "Harbour park"})
    assert found("harbour") == [url(park)]
    park.name_en = "Valley park"
    park.save()
    assert found("harbour") == [] and found("valley") == [url(park)]
    park.status = Park.Status.DRAFT
    park.save()
    assert found("valley") == []
    park.status = Park.Status.PUBLISHED
    park.save()
    assert found("valley") == [url(park)]
    park.delete()
    commit()
    assert found("valley") == [] and not SearchEntry.objects.exists()


def test_nothing_is_indexed_before_the_commit():
    make_park(name={"en": "Harbour park"})
    assert not SearchEntry.objects.exists()
    commit()
    assert SearchEntry.objects.count() == 1


def test_search_results_kept_before_the_index_caught_up_go_with_it(client):
    """A record's pages go stale at its commit, its entry is written just after: results
    rendered in between are not kept past the entry's write."""
    from django.utils.html import strip_tags

    from web import invalidation, page_groups

    park = make_park(name={"en": "Harbour park"})
    commit()
    url = reverse("projects:search") + "?q=valley"
    assert "Valley park" not in strip_tags(client.get(url).content.decode())
    Park.objects.filter(pk=park.pk).update(name_en="Valley park")  # committed, not indexed
    invalidation.end_generations(page_groups.everything())  # its commit ends the pages
    assert "Valley park" not in strip_tags(client.get(url).content.decode())  # the old entry, kept
    from search.indexing import reindex

    reindex("park", park.pk)
    assert "Valley park" in strip_tags(client.get(url).content.decode())


def test_a_failed_index_write_keeps_the_save_and_queues_a_retry(monkeypatch, worker, caplog):
    from django.db import DatabaseError
    from django_tasks_db.models import DBTaskResult

    from search import indexing

    real = indexing.reindex

    def broken(key, pk, model=None):
        raise DatabaseError("index unavailable")

    monkeypatch.setattr(indexing, "reindex", broken)
    park = make_park(name={"en": "Harbour park"})
    commit()
    assert Park.objects.filter(pk=park.pk).exists() and not SearchEntry.objects.exists()
    assert DBTaskResult.objects.filter(task_path="search.signals.reindex_record").count() == 1
    assert "not written: the worker tries again" in caplog.text
    monkeypatch.setattr(indexing, "reindex", real)
    worker.run()
    assert found("harbour") == [url(park)]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_records_saved_at_once_are_all_indexed():
    import threading

    from search.indexing import reindex

    parks = [make_park(name={"en": f"Harbour park {n}"}) for n in range(6)]
    SearchEntry.objects.all().delete()
    barrier, failures = threading.Barrier(len(parks)), []

    def index(park):
        try:
            barrier.wait()
            reindex("park", park.pk)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=index, args=(park,)) for park in parks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    indexed = SearchEntry.objects.values_list("record_id", flat=True)
    assert sorted(indexed) == sorted(park.pk for park in parks)


def test_the_admin_publish_actions_update_the_index(client, editor):
    park = make_park(name={"en": "Draft harbour park"}, status=Park.Status.DRAFT)
    changelist = reverse("admin:projects_park_changelist")
    commit()
    assert found("harbour") == []
    client.post(changelist, {"action": "publish", "_selected_action": [park.pk]})
    assert Park.objects.get(pk=park.pk).status == Park.Status.PUBLISHED
    assert found("harbour") == [url(park)]
    client.post(changelist, {"action": "unpublish", "_selected_action": [park.pk]})
    assert found("harbour") == []


def test_the_rebuild_command_indexes_every_published_record(capsys):
    park = make_park(name={"en": "Harbour park"})
    make_park(name={"en": "Draft park"}, status=Park.Status.DRAFT)
    commit()
    Park.objects.filter(pk=park.pk).update(name_en="Bay park")  # no signal
    assert found("bay") == []
    call_command("rebuild_search_index")
    assert "Indexed 1 records." in capsys.readouterr().out
    assert found("bay") == [url(park)] and found("harbour") == []
    assert SearchWord.objects.filter(word="bay").exists()


@pytest.mark.parametrize(
    ("language", "query", "queries"),
    [("en", "blue economy", 3), ("zh-hans", "青岛", 2), ("en", "logstics", 3)],
)
@pytest.mark.parametrize("size", [1, 10])
def test_query_count_is_fixed(client, django_assert_num_queries, language, query, queries, size):
    for number in range(size):
        make_park(name={"en": f"Blue economy park {number}", "zh-hans": f"青岛园区{number}"})
        make_policy(summary={"en": "Logistics support."})
    commit()
    warm_up(client, f"/{language}/search/?q={query}")
    with django_assert_num_queries(queries):
        get_page(client, f"/{language}/search/?q={query}", language)


@pytest.mark.postgres
def test_postgresql_keeps_a_weighted_vector_with_a_gin_index():
    make_park(name={"en": "Harbour park", "zh-hans": "港口园区"})
    commit()
    with connection.cursor() as cursor:
        cursor.execute("SELECT vector::text FROM search_searchentry")
        (vector,) = cursor.fetchone()
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_vector'")
        (definition,) = cursor.fetchone()
    assert "'harbour':1A" in vector and "'港口':" in vector
    assert "gin" in definition.lower()
