"""A cache outage degrades, never fails (core/cache.py), against real sockets: a dead port, a
listener that hangs up, and a TCP proxy in front of the machine's Redis that is cut and
restored mid-test."""

import logging
import os
import socket
import threading
import uuid

import pytest
from django.core.cache import cache, caches

from core import cache as tolerant
from core import page_cache
from tests.core.netfaults import TcpProxy, dead_port, reachable

REDIS = ("127.0.0.1", 6379)

pytestmark = pytest.mark.django_db


def tolerant_cache(port: int, **options) -> dict:
    return {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/15",
            # Every test its own keys: other test runs may share this machine's Redis.
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": options,
        }
    }


@pytest.fixture
def dead_cache(settings):
    settings.CACHES = tolerant_cache(dead_port())
    return caches["default"]


@pytest.fixture
def redis_proxy(settings):
    """The default cache talks to the real Redis through a proxy the test can cut."""
    if not reachable(*REDIS):
        if os.environ.get("FRIVILLIGLOEFT_REQUIRE_REDIS") == "1":
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    proxy = TcpProxy(*REDIS).start()
    settings.CACHES = tolerant_cache(proxy.port, RETRY_SECONDS=0)
    yield proxy
    proxy.cut()


def test_unreachable_cache_reads_defaults_and_writes_nothing(dead_cache):
    assert dead_cache.get("key", "fallback") == "fallback"
    assert dead_cache.get_many(["a", "b"]) == {}
    assert dead_cache.set("key", 1) is None
    assert dead_cache.add("key", 1) is True  # as if stored and expired at once
    assert dead_cache.incr("counter") == 1
    assert dead_cache.has_key("key") is False
    dead_cache.delete("key")
    dead_cache.delete_many(["a", "b"])
    dead_cache.set_many({"a": 1})
    assert dead_cache.get_or_set("key", "computed") == "computed"
    assert tolerant.is_degraded() is True


def test_an_outage_is_logged_once_not_per_call(dead_cache, caplog):
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for _ in range(100):
            dead_cache.get("key")

    errors = [r for r in caplog.records if r.name == "core.cache" and r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "Cache unreachable" in errors[0].getMessage()


def test_the_circuit_breaker_leaves_a_dead_host_alone(settings):
    """A host that accepts and hangs up at once: without the breaker every cache call would
    connect again; with it, one try per interval."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    accepted = []

    def hang_up():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            accepted.append(1)
            connection.close()

    threading.Thread(target=hang_up, daemon=True).start()
    settings.CACHES = tolerant_cache(listener.getsockname()[1], RETRY_SECONDS=60)
    try:
        for _ in range(50):
            assert cache.get("key") is None
    finally:
        listener.close()

    # redis-py retries a failed command once on a fresh connection.
    assert 1 <= len(accepted) <= 2


def test_pages_login_and_signups_work_while_the_cache_is_down(
    dead_cache, settings, client, django_capture_on_commit_callbacks
):
    from courses.models import Signup, SignupStatus
    from tests.courses.factories import CourseFactory
    from tests.factories import DEFAULT_PASSWORD, UserFactory

    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30
    course = CourseFactory(capacity=3)
    user = UserFactory()

    for url in ("/kurser/", f"/kurser/{course.slug}/", "/konto/login/", "/en/kurser/"):
        assert client.get(url).status_code == 200, url
    login = client.post("/konto/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert login.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/kurser/{course.slug}/tilmeld/", {})

    assert response.status_code == 302
    assert Signup.objects.get(course=course, user=user).status == SignupStatus.CONFIRMED
    assert client.get("/mine-sider/").status_code == 200


def test_while_degraded_pages_are_neither_served_from_nor_stored_in_any_cache(
    dead_cache, settings, client, django_assert_max_num_queries
):
    from tests.courses.factories import CourseFactory

    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30
    course = CourseFactory()
    client.get(f"/kurser/{course.slug}/")
    client.get(f"/kurser/{course.slug}/")

    with django_assert_max_num_queries(100) as queries:
        assert client.get(f"/kurser/{course.slug}/").status_code == 200
    assert len(queries) > 0  # rendered, not a stale local copy


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_redis_cut_mid_run_then_back(redis_proxy, settings, client):
    """Pages cached, Redis goes away, a signup commits and pages keep answering; when Redis is
    back the change shows at once (the generation is bumped on recovery) and the deletes that
    could not reach it are replayed."""
    from courses.models import Signup
    from tests.courses.factories import CourseFactory
    from tests.factories import UserFactory

    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30
    course = CourseFactory(capacity=2, title="Foreningens økonomi")
    page = f"/kurser/{course.slug}/"
    assert client.get(page).status_code == 200
    assert client.get(page).status_code == 200  # now from the cache
    cache.set("calendars:token-to-forget", 7)
    generation_before = cache.get(page_cache.GENERATION_KEY)

    redis_proxy.cut()
    cache.delete("calendars:token-to-forget")  # cannot reach Redis: remembered
    volunteer = UserFactory()
    signed_in = client.__class__()
    signed_in.force_login(volunteer)
    response = signed_in.post(f"{page}tilmeld/", {})
    assert response.status_code == 302
    assert Signup.objects.filter(course=course, user=volunteer).exists()
    assert client.get(page).status_code == 200
    assert client.get("/kurser/").status_code == 200
    assert tolerant.is_degraded()

    redis_proxy.restore()
    assert client.get(page).status_code == 200  # first call after the outage: recovery

    assert not tolerant.is_degraded()
    assert cache.get("calendars:token-to-forget") is None
    assert cache.get(page_cache.GENERATION_KEY) != generation_before
    assert redis_proxy.accepted >= 2


def test_every_cache_call_shares_one_redis_client_across_an_outage(redis_proxy):
    """One `redis.Redis` per pool serves every call (Django builds one per call); after Redis
    has been away and is back, the same client answers through fresh connections."""
    backend = caches["default"]
    client = backend._cache.get_client(write=True)
    backend.set("shared-client", 1)
    assert backend.get("shared-client") == 1

    redis_proxy.cut()
    assert backend.get("shared-client", "missed") == "missed"
    redis_proxy.restore()

    assert backend.get("shared-client") == 1
    assert backend._cache.get_client() is client
    assert backend._cache.get_client(write=True) is client
