"""The page cache survives edits: an edit clears only the pages that can show it."""

from unittest import mock

import pytest
from django.core.cache import cache

from projects.content_types import public_types
from projects.models import Park
from web import invalidation, page_groups, warming

from .factories import make_event, make_park, make_policy, make_sector

LANGUAGES = ["en", "zh-hans"]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the writes inside hand over at commit, as a real commit does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def setup(committed, make):
    """Records made and committed before the test's edit, so it is the only one pending."""
    with committed():
        return make()


def cached(client, page):
    return client.get(page).get("X-Cache") == "hit"


def visit(client, pages):
    for page in pages:
        assert client.get(page).status_code == 200
    assert all(cached(client, page) for page in pages)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_edit_to_one_park_keeps_an_unrelated_policy_page_and_clears_the_park_list(
    client, committed, language
):
    park, other, policy = setup(committed, lambda: (make_park(), make_park(), make_policy()))
    policy_page = f"/{language}/policies/{policy.slug}/"
    park_list, other_page = f"/{language}/parks/", f"/{language}/parks/{other.slug}/"
    home, policy_list = f"/{language}/", f"/{language}/policies/"
    visit(client, [policy_page, park_list, other_page, home, policy_list])
    with committed():
        park.name_en = park.name_zh_hans = "Renamed"
        park.save()
    assert cached(client, policy_page)
    # The park's type, the shared pages and the lists that name parks (the policy filter).
    for page in [park_list, other_page, home, policy_list]:
        assert not cached(client, page), page
    assert b"Renamed" in client.get(park_list).content


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_policy_that_shows_the_park_is_cleared(client, committed, language):
    def make():
        park, shown, unrelated = make_park(), make_policy(), make_policy()
        shown.parks.add(park)
        return park, shown, unrelated

    park, shown, unrelated = setup(committed, make)
    pages = [f"/{language}/policies/{p.slug}/" for p in (shown, unrelated)]
    visit(client, pages)
    with committed():
        park.name_en = park.name_zh_hans = "Renamed park"
        park.save()
    assert not cached(client, pages[0])
    assert b"Renamed park" in client.get(pages[0]).content
    assert cached(client, pages[1])


@pytest.mark.django_db
def test_a_new_link_clears_both_ends_and_no_other_record(client, committed):
    park, policy, event = setup(committed, lambda: (make_park(), make_policy(), make_event()))
    pages = [f"/en/parks/{park.slug}/", f"/en/policies/{policy.slug}/"]
    unrelated_page = f"/en/events/{event.slug}/"  # an event at no park
    visit(client, [*pages, unrelated_page])
    with committed():
        policy.parks.add(park)
    assert not any(cached(client, page) for page in pages)
    assert cached(client, unrelated_page)


@pytest.mark.django_db
def test_an_update_without_named_records_clears_the_related_types_entirely(client, committed):
    park, policy = setup(committed, lambda: (make_park(), make_policy()))
    page = f"/en/policies/{policy.slug}/"
    visit(client, [page])
    with committed():
        Park.objects.filter(pk=park.pk).update(status="draft")
    assert not cached(client, page)


@pytest.mark.django_db
def test_a_write_after_a_failed_save_still_clears_the_related_types(client, committed):
    """A save whose pre_save fails leaves no explanation behind for the next write."""
    park, policy = setup(committed, lambda: (make_park(), make_policy()))
    page = f"/en/policies/{policy.slug}/"
    visit(client, [page])

    def fail(**kwargs):
        raise RuntimeError("another receiver failed")

    from django.db.models.signals import pre_save

    pre_save.connect(fail, sender=Park, dispatch_uid="test-fail")
    try:
        with committed():
            with pytest.raises(RuntimeError):
                park.save()
            Park.objects.filter(pk=park.pk).update(status="draft")
    finally:
        pre_save.disconnect(dispatch_uid="test-fail", sender=Park)
    assert not cached(client, page)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_is_cleared_by_an_edit_of_any_type(client, committed, language):
    event = setup(committed, make_event)
    home = f"/{language}/"
    visit(client, [home])
    with committed():
        event.save()
    assert not cached(client, home)


@pytest.mark.django_db
@pytest.mark.parametrize("declared", public_types(), ids=lambda declared: declared.key)
def test_every_type_ends_the_shared_generation(declared):
    assert page_groups.SHARED in page_groups.for_records(declared.model, [])
    assert page_groups.SHARED in page_groups.whole_types(declared.model)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sector_rename_shows_on_the_park_pages(client, committed, language):
    def make():
        sector = make_sector(name_en="Marine biology", name_zh_hans="海洋生物")
        park = make_park()
        park.sectors.add(sector)
        return sector, park

    sector, park = setup(committed, make)
    pages = [f"/{language}/parks/", f"/{language}/parks/{park.slug}/"]
    visit(client, pages)
    with committed():
        sector.name_en, sector.name_zh_hans = "Blue economy", "蓝色经济"
        sector.save()
    new_name = "Blue economy" if language == "en" else "蓝色经济"
    for page in pages:
        assert new_name.encode() in client.get(page).content, page


@pytest.mark.django_db
def test_a_rolled_back_edit_keeps_every_page(client, committed):
    park = setup(committed, make_park)
    visit(client, ["/en/parks/"])
    from django.db import transaction

    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        park.save()
        raise RuntimeError("editor's request failed")
    assert cached(client, "/en/parks/")


# Warming ----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "site_url, host, port",
    [
        ("http://testserver", "testserver", "80"),
        ("http://127.0.0.1:8000", "127.0.0.1:8000", "8000"),
    ],
)
def test_the_worker_warms_the_home_page_and_the_changed_list(
    client, worker, settings, monkeypatch, site_url, host, port
):
    settings.PUBLIC_PAGE_WARMING = True
    monkeypatch.setattr(warming, "migrating", False)  # the test database was migrated
    settings.SITE_URL = site_url  # the address visitors use
    with mock.patch.object(warming, "warm_later", wraps=warming.warm_later) as warming_enqueued:
        make_park().save()
        worker.run()
    warming_enqueued.assert_called_once()  # one warming for the transaction's writes

    def hit(page):
        return client.get(page, HTTP_HOST=host, SERVER_PORT=port).get("X-Cache") == "hit"

    for language in LANGUAGES:
        for page in [f"/{language}/", f"/{language}/parks/"]:
            assert hit(page), page
    assert not hit("/en/centres/")  # shows no park: not warmed, visited now


def test_the_warmed_pages_are_a_fixed_list():
    from web.warming import pages

    assert pages(["park"]) == [
        "/en/",
        "/en/site-map/",
        "/en/incentives/finder/",
        "/en/parks/",
        "/zh-hans/",
        "/zh-hans/site-map/",
        "/zh-hans/incentives/finder/",
        "/zh-hans/parks/",
    ]
    # The finder shows parks and policies: an event's edit leaves it.
    assert "/en/incentives/finder/" not in pages(["event"])


@pytest.mark.django_db
def test_warming_leaves_the_workers_language_as_it_was():
    """Each warmed page activates its language; the worker's next task (an email to
    staff) must not inherit the last one's."""
    from django.utils import translation

    make_park()
    with translation.override("en"):
        warming.warm_pages.call(["park"])
        assert translation.get_language() == "en"


@pytest.mark.django_db
def test_warming_that_cannot_be_enqueued_does_not_fail_the_edit(caplog, settings, monkeypatch):
    from django.db import DatabaseError

    settings.PUBLIC_PAGE_WARMING = True
    monkeypatch.setattr(warming, "migrating", False)
    with mock.patch.object(warming, "warm_pages") as task:
        task.enqueue.side_effect = DatabaseError
        warming.warm_later(page_groups.everything())
    assert "not enqueued" in caplog.text


@pytest.mark.django_db
def test_a_page_key_holds_its_groups_generations():
    park = make_park()
    assert page_groups.page_generations(f"/zh-hans/parks/{park.slug}/") == (
        page_groups.type_key("park"),
        page_groups.record_key("park", park.slug),
    )
    assert page_groups.page_generations("/en/parks/") == (
        page_groups.type_key("park"),
        page_groups.lists_key("park"),
    )
    assert page_groups.page_generations("/en/search/") == (page_groups.SHARED,)
    assert page_groups.page_generations("/en/no-such-page/") == (page_groups.SHARED,)
    cache.delete(page_groups.type_key("park"))
    assert invalidation.generations([page_groups.type_key("park")]) is not None


@pytest.mark.django_db(transaction=True)
def test_a_save_outside_a_transaction_clears_the_related_types(client):
    """Outside a transaction the pages go at the write, before the signal names the record:
    every page of the type and of the related types then."""
    park, policy = make_park(), make_policy()
    page = f"/en/policies/{policy.slug}/"
    visit(client, [page])
    park.save()
    assert not cached(client, page)


@pytest.mark.django_db
def test_a_due_publication_warms_every_list(settings, monkeypatch):
    settings.PUBLIC_PAGE_WARMING = True
    monkeypatch.setattr(warming, "migrating", False)
    cache.delete(invalidation.SCHEDULE_KEY)  # unknown: anything may have become due
    with mock.patch.object(warming, "warm_pages") as task:
        assert invalidation.publish_due() is True
    task.enqueue.assert_called_once_with(sorted(declared.key for declared in public_types()))
