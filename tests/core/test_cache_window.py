"""core.cache.count_in_window: the API's rate limit counts in one round trip on Redis, falls
back to add and incr on other backends, and counts 1 (no limit, no error) while Redis is
unreachable."""

import os
import uuid

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from core import cache as tolerant
from tests.core.netfaults import dead_port, reachable

REDIS = ("127.0.0.1", 6379)


def tolerant_cache(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/15",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }


@pytest.fixture
def redis_cache(settings):
    if not reachable(*REDIS):
        if os.environ.get("FRIVILLIGLOEFT_REQUIRE_REDIS") == "1":
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    settings.CACHES = tolerant_cache(REDIS[1])
    backend = caches["default"]
    yield backend
    backend.clear()


def test_counts_in_one_round_trip_and_the_window_expires(redis_cache, monkeypatch):
    import redis

    round_trips = []
    execute, execute_command = redis.client.Pipeline.execute, redis.Redis.execute_command

    def pipeline_execute(pipe, *args, **kwargs):
        round_trips.append([command[0][0] for command in pipe.command_stack])
        return execute(pipe, *args, **kwargs)

    def single_command(client, *args, **kwargs):
        round_trips.append([args[0]])
        return execute_command(client, *args, **kwargs)

    monkeypatch.setattr(redis.client.Pipeline, "execute", pipeline_execute)
    monkeypatch.setattr(redis.Redis, "execute_command", single_command)
    counts = [tolerant.count_in_window("api:rate:203.0.113.1:1", 60) for _ in range(3)]
    monkeypatch.undo()

    assert counts == [1, 2, 3]
    # One MULTI/EXEC each: no separate EXISTS, ADD or EXPIRE.
    assert round_trips == [["SET", "INCRBY"]] * 3
    client = redis_cache._cache.get_client(write=True)
    key = redis_cache.make_and_validate_key("api:rate:203.0.113.1:1")
    assert 0 < client.ttl(key) <= 60  # the first count set the window, INCR kept it
    assert redis_cache.get("api:rate:203.0.113.1:1") == 3  # Django reads the counter back


def test_a_counter_past_its_window_starts_again(redis_cache):
    assert tolerant.count_in_window("api:rate:x", 1) == 1
    client = redis_cache._cache.get_client(write=True)
    client.delete(redis_cache.make_and_validate_key("api:rate:x"))  # the window ended

    assert tolerant.count_in_window("api:rate:x", 1) == 1
    assert tolerant.count_in_window("api:rate:x", 1) == 2


def test_an_unreachable_redis_counts_one_and_raises_nothing(settings):
    settings.CACHES = tolerant_cache(dead_port())

    counts = [tolerant.count_in_window("api:rate:203.0.113.1:1", 60) for _ in range(5)]

    assert counts == [1, 1, 1, 1, 1]
    assert tolerant.is_degraded() is True


def test_other_backends_count_with_add_and_incr():
    backend = LocMemCache(f"window-{uuid.uuid4().hex}", {})

    counts = [tolerant.count_in_window("k", 60, backend=backend) for _ in range(3)]

    assert counts == [1, 2, 3]
    assert backend.get("k") == 3
