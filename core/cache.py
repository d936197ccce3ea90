"""A cache outage is a cache miss, never an error page.

`TolerantRedisCache` is Django's own Redis backend with every operation guarded: when Redis
cannot be reached (refused, timed out, restarting, out of memory, failed over to a read-only
replica) a read returns its default, a write does nothing, and the request goes on uncached.
We wrap Django's backend rather than add django-redis: Django's backend is the one Wagtail and
allauth are tested against, and the guard is the only thing we need on top of it. What the guard
adds beyond django-redis' IGNORE_EXCEPTIONS:

- a circuit breaker: after a failure, this process leaves Redis alone for `RETRY_SECONDS` and
  answers from defaults at once, so an unreachable host costs one connect timeout per
  interval, not one per cache call;
- one log line when the outage starts, one every `LOG_SECONDS` while it lasts (with the number
  of operations that degraded) and one when Redis is back — not one per request;
- recovery work: invalidations that could not reach Redis (`delete`, `delete_many`) are replayed
  when it is reachable again, and callbacks registered with `on_recovery` run (the page cache
  bumps its generation, because any content may have changed during the outage).

`is_degraded()` tells callers such as the page cache to skip caching while Redis is away.
`count_in_window()` counts requests in a fixed window (the API's rate limit) in one round trip.
"""

import logging
import threading
import time
from collections.abc import Callable
from functools import wraps

from django.core.cache import BaseCache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
LOG_SECONDS = 60.0
# Keys whose deletion failed, kept to delete them once Redis is back; bounded so a long outage
# cannot grow a worker's memory without limit (entries past the bound expire on their own).
MAX_PENDING_DELETES = 10_000


class _Health:
    """What this process knows about one Redis location (shared by every thread)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_since: float | None = None
        self.retry_at = 0.0
        self.logged_at = 0.0
        self.degraded_operations = 0
        self.pending_deletes: set[str] = set()

    @property
    def down(self) -> bool:
        return self.down_since is not None


_health: dict[str, _Health] = {}
_health_lock = threading.Lock()
_recovery_callbacks: list[Callable[[], None]] = []


def on_recovery(callback: Callable[[], None]) -> None:
    """Run `callback` (no arguments) in a process that saw Redis come back after an outage."""
    if callback not in _recovery_callbacks:
        _recovery_callbacks.append(callback)


def _health_for(location: str) -> _Health:
    with _health_lock:
        return _health.setdefault(location, _Health())


def is_degraded(alias: str = "default") -> bool:
    """True while this process treats the cache `alias` as unreachable."""
    backend = caches[alias]
    return isinstance(backend, TolerantRedisCache) and backend.health.down


def count_in_window(key: str, seconds: int, *, backend: BaseCache | None = None) -> int:
    """Add one to the counter `key`, which starts at 0 and is forgotten `seconds` after its
    first count; the new count. On Redis one round trip (`TolerantRedisCache.incr_window`);
    while Redis is unreachable 1 (as if this were the first count: a limit is off, never an
    error). Any other backend (local memory in development and tests): `add` and `incr`."""
    backend = backend if backend is not None else caches["default"]
    if isinstance(backend, TolerantRedisCache):
        return backend.incr_window(key, seconds)
    backend.add(key, 0, timeout=seconds)
    try:
        return backend.incr(key)
    except ValueError:  # expired between add and incr
        backend.set(key, 1, timeout=seconds)
        return 1


def reset_health() -> None:
    """Forget every outage this process saw (tests)."""
    with _health_lock:
        _health.clear()


def _guarded(default=None, *, keys_arg: int | None = None, invalidates: bool = False):
    """Turn a Redis failure of the wrapped operation into `default` (a value or a callable
    taking the call's arguments). `invalidates`: remember the keys (argument `keys_arg`) to
    delete them once Redis is back."""

    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            if not self._available():
                self._note_degraded(args, keys_arg, invalidates)
                return default(*args, **kwargs) if callable(default) else default
            try:
                result = method(self, *args, **kwargs)
            except self._redis_errors as error:
                self._failed(error)
                self._note_degraded(args, keys_arg, invalidates)
                return default(*args, **kwargs) if callable(default) else default
            self._succeeded()
            return result

        return wrapper

    return decorate


class _SharedClientRedisCacheClient(RedisCacheClient):
    """Django's client, with one `redis.Redis` per connection pool instead of one per cache
    call. Building a `redis.Redis` costs about 125 µs (its table of response callbacks), more
    than a whole bare request, and a page makes several cache calls. redis-py's clients are
    safe to share between threads: each command takes a connection from the pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))  # pools live as long as this object
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class TolerantRedisCache(RedisCache):
    """Django's RedisCache for which an unreachable Redis is a miss; see the module docstring.

    Extra OPTIONS (besides redis-py's connection options): `RETRY_SECONDS` (circuit-breaker
    interval, default 5). Connect and read timeouts default to 0.5 s and 1 s, so a host that
    does not answer at all costs at most that once per interval.
    """

    def __init__(self, server, params):
        params = {**params, "OPTIONS": dict(params.get("OPTIONS", {}))}
        options = params["OPTIONS"]
        self.retry_seconds = float(options.pop("RETRY_SECONDS", RETRY_SECONDS))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        super().__init__(server, params)
        self._class = _SharedClientRedisCacheClient
        import redis

        # OSError: a socket error redis-py did not wrap (seen with some proxies in between).
        self._redis_errors = (redis.exceptions.RedisError, OSError)
        self.health = _health_for(f"{server}|{self.key_prefix}")

    # --- the circuit breaker ----------------------------------------------------------------

    def _available(self) -> bool:
        health = self.health
        return not health.down or time.monotonic() >= health.retry_at

    def _failed(self, error: Exception) -> None:
        health = self.health
        now = time.monotonic()
        with health.lock:
            health.retry_at = now + self.retry_seconds
            if health.down_since is None:
                health.down_since = now
                health.logged_at = now
                health.degraded_operations = 0
                first = True
            else:
                first = False
                due = now - health.logged_at >= LOG_SECONDS
                if due:
                    health.logged_at = now
        if first:
            logger.error(
                "Cache unreachable (%s: %s); pages are served uncached until it is back",
                type(error).__name__,
                error,
            )
        elif due:
            logger.error(
                "Cache still unreachable after %d s (%s); %d cache operations degraded so far",
                now - health.down_since,
                type(error).__name__,
                health.degraded_operations,
            )

    def _note_degraded(self, args, keys_arg, invalidates) -> None:
        health = self.health
        with health.lock:
            health.degraded_operations += 1
            if invalidates and keys_arg is not None and len(args) > keys_arg:
                keys = args[keys_arg]
                keys = [keys] if isinstance(keys, str) else list(keys)
                room = MAX_PENDING_DELETES - len(health.pending_deletes)
                health.pending_deletes.update(keys[: max(room, 0)])

    def _succeeded(self) -> None:
        health = self.health
        if not health.down:
            return
        with health.lock:
            if health.down_since is None:  # another thread saw the recovery first
                return
            seconds = time.monotonic() - health.down_since
            operations = health.degraded_operations
            pending = list(health.pending_deletes)
            health.down_since = None
            health.pending_deletes.clear()
        logger.warning(
            "Cache reachable again after %d s; %d cache operations had degraded; "
            "replaying %d invalidations",
            seconds,
            operations,
            len(pending),
        )
        if pending:
            self._delete_many(pending)  # keys are stored made (prefixed and versioned)
        for callback in list(_recovery_callbacks):
            try:
                callback()
            except Exception:
                logger.exception("Cache recovery callback %r failed", callback)

    # --- the cache API, guarded ----------------------------------------------------------------
    # Keys reach the guard already versioned by the calls below (make_and_validate_key), so a
    # replayed delete removes exactly the key that could not be deleted.

    # Unreachable: report the value as added, as if it had expired at once. `add` is how
    # callers take a lock or start a counter (allauth's rate limits); "not added" would make
    # them wait and then refuse every login while Redis is away.
    @_guarded(True)
    def _add(self, key, value, timeout):
        return self._cache.add(key, value, timeout)

    @_guarded(lambda key, default: default)
    def _get(self, key, default):
        return self._cache.get(key, default)

    @_guarded(None)
    def _set(self, key, value, timeout):
        self._cache.set(key, value, timeout)

    @_guarded(False)
    def _touch(self, key, timeout):
        return self._cache.touch(key, timeout)

    @_guarded(False, keys_arg=0, invalidates=True)
    def _delete(self, key):
        return self._cache.delete(key)

    @_guarded(lambda keys: {})
    def _get_many(self, keys):
        return self._cache.get_many(keys)

    @_guarded(False)
    def _has_key(self, key):
        return self._cache.has_key(key)

    @_guarded(lambda key, delta: delta)
    def _incr(self, key, delta):
        # Unreachable: answer as for a fresh key, so a rate limit counts this as the first try.
        return self._cache.incr(key, delta)

    @_guarded(lambda key, seconds: 1)
    def _incr_window(self, key, seconds):
        # SET NX EX and INCR in one MULTI/EXEC: one round trip, and the counter can never
        # outlive its window without an expiry (INCR keeps the TTL SET gave it). Django's
        # serializer stores an int as its digits, so the value reads back as the int.
        client = self._cache.get_client(key, write=True)
        pipe = client.pipeline(transaction=True)
        pipe.set(key, 0, ex=seconds, nx=True)
        pipe.incr(key)
        return int(pipe.execute()[1])

    @_guarded(lambda data, timeout: [])
    def _set_many(self, data, timeout):
        self._cache.set_many(data, timeout)
        return []

    @_guarded(None, keys_arg=0, invalidates=True)
    def _delete_many(self, keys):
        self._cache.delete_many(keys)

    @_guarded(False)
    def _clear(self):
        return self._cache.clear()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._add(key, value, self.get_backend_timeout(timeout))

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._get(key, default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._set(key, value, self.get_backend_timeout(timeout))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._touch(key, self.get_backend_timeout(timeout))

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._delete(key)

    def get_many(self, keys, version=None):
        key_map = {self.make_and_validate_key(key, version=version): key for key in keys}
        found = self._get_many(list(key_map))
        return {key_map[k]: v for k, v in found.items()}

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._has_key(key)

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._incr(key, delta)

    def incr_window(self, key, seconds: int, version=None) -> int:
        """Count one in the window `key` (see `count_in_window`): one round trip."""
        key = self.make_and_validate_key(key, version=version)
        return self._incr_window(key, max(int(seconds), 1))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not data:
            return []
        safe_data = {self.make_and_validate_key(k, version=version): v for k, v in data.items()}
        self._set_many(safe_data, self.get_backend_timeout(timeout))
        return []

    def delete_many(self, keys, version=None):
        if not keys:
            return
        self._delete_many([self.make_and_validate_key(k, version=version) for k in keys])

    def clear(self):
        return self._clear()
