"""Each process's own copy of the fragments and lookups it read from the shared cache.

A fragment's key names what it shows (web/fragments.py: the record's pk and
`updated_at`, the generations of its page groups), so what is stored under a key never
changes: once read, it is served from memory, with no round trip to Redis or the
embedded cache, until its lifetime ends (never past the next scheduled publication).
Bounded: past FRAGMENT_MEMORY_ENTRIES the least recently used entry goes.
"""

import time
from collections import OrderedDict
from threading import Lock

from django.conf import settings


class Memory:
    def __init__(self):
        self.entries = OrderedDict()  # key -> (expires, value), least recently used first
        self.lock = Lock()

    def get_many(self, keys):
        now, found = time.monotonic(), {}
        with self.lock:
            for key in keys:
                entry = self.entries.get(key)
                if entry is None:
                    continue
                if entry[0] <= now:
                    del self.entries[key]
                    continue
                self.entries.move_to_end(key)
                found[key] = entry[1]
        return found

    def set(self, key, value, seconds):
        size = settings.FRAGMENT_MEMORY_ENTRIES
        if size <= 0:
            return
        with self.lock:
            self.entries[key] = (time.monotonic() + seconds, value)
            self.entries.move_to_end(key)
            while len(self.entries) > size:
                self.entries.popitem(last=False)

    def read_through(self, keys, shared, seconds):
        """{key: value} of the `keys` found here, else in the cache `shared`; what the
        cache had is kept here from then on, for `seconds(value)` (none: not kept)."""
        found = self.get_many(keys)
        missing = [key for key in keys if key not in found]
        if missing:
            for key, value in shared.get_many(missing).items():
                left = seconds(value)
                if left > 0:
                    self.set(key, value, left)
                found[key] = value
        return found

    def write_through(self, key, value, shared, seconds):
        """Store `value` under `key` in the cache `shared` and here, for `seconds`."""
        shared.set(key, value, seconds)
        self.set(key, value, seconds)

    def clear(self):
        with self.lock:
            self.entries.clear()


memory = Memory()
