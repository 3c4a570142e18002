"""Cache backends that degrade instead of failing, and where the embedded cache lives.

A cache is a speed-up, never a dependency: when Redis is down, slow or full
(`OOM command not allowed`), or the embedded SQLite cache is locked or has
lost its table, the operation is logged and answered as a miss (reads give
the default, writes do nothing), or handed to the FALLBACK cache alias if the
configuration names one. After a connection failure the backend leaves Redis
alone for RETRY_SECONDS, so a dead server costs one timeout, not one per call;
a fault is logged at most once per RETRY_SECONDS.

`probe()` is for /healthz: it always tries the real backend and says what is wrong.
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

CACHE_DATABASE = "cache"
RETRY_SECONDS = 5
PROBE_KEY = "healthz:probe"
# Operations answered as a miss when the backend fails: method -> what a miss returns.
MISSES = {
    # get(key, default=None)
    "get": lambda *args, **kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "add": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda *args, **kwargs: [],
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "clear": lambda *args, **kwargs: False,
}


class CacheUnavailable(Exception):
    """incr() on a failed cache without a fallback: the caller decides what that means."""


class DegradingMixin:
    errors = ()
    # Errors after which the server is left alone for RETRY_SECONDS.
    outage_errors = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        params = args[-1]
        self.fallback_alias = params.get("FALLBACK")
        self.down_until = 0.0
        self.logged_at = -RETRY_SECONDS

    @property
    def fallback(self):
        return caches[self.fallback_alias] if self.fallback_alias else None

    def _degrade(self, name, error, args, kwargs):
        now = time.monotonic()
        if now - self.logged_at >= RETRY_SECONDS:  # one line per fault, not one per call
            self.logged_at = now
            logger.warning("Cache %s failed (%s: %s): degrading", name, type(error).__name__, error)
        if isinstance(error, self.outage_errors):
            self.down_until = time.monotonic() + RETRY_SECONDS
        return self._miss(name, args, kwargs)

    def _miss(self, name, args, kwargs):
        if self.fallback is not None:
            return getattr(self.fallback, name)(*args, **kwargs)
        if name == "incr":
            raise CacheUnavailable(self.__class__.__name__)
        return MISSES[name](*args, **kwargs)

    def _call(self, name, *args, **kwargs):
        if self.down_until > time.monotonic():
            return self._miss(name, args, kwargs)
        try:
            return getattr(super(), name)(*args, **kwargs)
        except self.errors as error:
            return self._degrade(name, error, args, kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self, *args, **kwargs):
        return self._call("clear", *args, **kwargs)

    def incr(self, *args, **kwargs):
        # decr() goes through incr(); a missing key still raises ValueError.
        return self._call("incr", *args, **kwargs)

    def probe(self):
        """None if a write and a read succeed, else a short description of the fault."""
        try:
            super().set(PROBE_KEY, 1, 30)
            if super().get(PROBE_KEY) != 1:
                return "cache does not keep entries"
        except self.errors as error:
            return f"cache unavailable ({type(error).__name__}: {error})"[:200]
        self.down_until = 0.0
        return None


class DegradingRedisCache(DegradingMixin, RedisCache):
    """Redis; connection, timeout and out-of-memory errors are misses."""

    errors = (RedisError,)
    outage_errors = (RedisConnectionError, RedisTimeoutError)


class DegradingDatabaseCache(DegradingMixin, DatabaseCache):
    """The embedded cache (a table in its own SQLite file); a locked file is a miss."""

    errors = (DatabaseError,)


def probe(alias="default"):
    """For /healthz: None when the cache works, else what is wrong."""
    backend = caches[alias]
    if hasattr(backend, "probe"):
        return backend.probe()
    return None


class CacheRouter:
    """The embedded cache's table lives in the cache database, and nothing else does."""

    CACHE_APP = "django_cache"

    def db_for_read(self, model, **hints):
        return CACHE_DATABASE if model._meta.app_label == self.CACHE_APP else None

    db_for_write = db_for_read

    def allow_migrate(self, db, app_label, **hints):
        if app_label == self.CACHE_APP:
            return db == CACHE_DATABASE
        return False if db == CACHE_DATABASE else None
