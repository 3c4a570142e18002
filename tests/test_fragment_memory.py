"""A process's own copy of fragments (web/fragment_memory.py): bounded, and no entry
outlives the lifetime it was given."""

from web import fragment_memory
from web.fragment_memory import Memory


def test_the_least_recently_used_entry_goes_first(settings):
    settings.FRAGMENT_MEMORY_ENTRIES = 2
    memory = Memory()
    memory.set("a", 1, 60)
    memory.set("b", 2, 60)
    assert memory.get_many(["a"]) == {"a": 1}  # "b" is now the least recently used
    memory.set("c", 3, 60)
    assert memory.get_many(["a", "b", "c"]) == {"a": 1, "c": 3}


def test_an_entry_is_gone_when_its_lifetime_ends(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(fragment_memory.time, "monotonic", lambda: now[0])
    memory = Memory()
    memory.set("a", "html", 5)
    now[0] += 4.9
    assert memory.get_many(["a"]) == {"a": "html"}
    now[0] += 0.2
    assert memory.get_many(["a"]) == {} and not memory.entries


def test_nothing_is_kept_when_turned_off(settings):
    settings.FRAGMENT_MEMORY_ENTRIES = 0
    memory = Memory()
    memory.set("a", 1, 60)
    assert memory.get_many(["a"]) == {}


def test_what_the_shared_cache_had_is_kept_for_the_time_it_has_left():
    from django.core.cache import cache

    memory = Memory()
    cache.set_many({"fresh": "a", "spent": "b"})
    left = {"a": 60, "b": 0}
    found = memory.read_through(["fresh", "spent", "absent"], cache, left.get)
    assert found == {"fresh": "a", "spent": "b"}
    assert memory.get_many(["fresh", "spent"]) == {"fresh": "a"}


def test_a_write_goes_to_the_shared_cache_and_here():
    from django.core.cache import cache

    memory = Memory()
    memory.write_through("piece", "html", cache, 60)
    assert cache.get("piece") == "html"
    assert memory.get_many(["piece"]) == {"piece": "html"}
