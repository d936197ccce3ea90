"""HTTP around every API answer: conditional requests, caching headers, CORS, HEAD, the rate
limit per client IP, and a cache outage that turns the limit off instead of failing."""

import time
import uuid

import pytest
from django.core.cache import caches
from django.utils.http import http_date, parse_http_date

from api import http as api_http
from core import page_cache
from courses.models import Course
from tests.core.netfaults import dead_port
from tests.courses.factories import CourseFactory

pytestmark = pytest.mark.django_db


def test_repeated_conditional_request_is_a_304_without_body(client, world):
    first = client.get("/api/v1/courses/")

    again = client.get("/api/v1/courses/", headers={"If-None-Match": first["ETag"]})

    assert first.status_code == 200
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Access-Control-Allow-Origin"] == "*"


def test_if_modified_since_the_last_change_is_a_304(client, world):
    first = client.get("/api/v1/topics/")
    last_modified = parse_http_date(first["Last-Modified"])

    unchanged = client.get("/api/v1/topics/", headers={"If-Modified-Since": first["Last-Modified"]})
    older = client.get(
        "/api/v1/topics/", headers={"If-Modified-Since": http_date(last_modified - 86400)}
    )

    assert unchanged.status_code == 304
    assert older.status_code == 200


def test_changed_answer_has_a_new_etag_and_is_a_200(client, world):
    first = client.get("/api/v1/courses/")
    Course.objects.filter(pk=world.course.pk).update(title="Ny titel")

    again = client.get("/api/v1/courses/", headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "Ny titel" in again.text


def test_each_language_has_its_own_etag(client, world):
    danish = client.get("/api/v1/topics/")
    english = client.get(
        "/api/v1/topics/", headers={"If-None-Match": danish["ETag"], "Accept-Language": "en"}
    )

    assert english.status_code == 200
    assert english["ETag"] != danish["ETag"]
    assert english["Vary"] == "Accept-Language"


def test_answers_may_be_cached_by_anyone_and_read_from_any_origin(client, world):
    response = client.get("/api/v1/courses/", headers={"Origin": "https://www.kalundborg.dk"})

    assert response["Cache-Control"] == "public, max-age=300, stale-if-error=86400"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.cookies == {}


def test_preflight_allows_get_from_any_origin(client, world):
    response = client.options(
        "/api/v1/courses/",
        headers={
            "Origin": "https://bibliotek.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_head_answers_like_get_without_body(client, world):
    get = client.get("/api/v1/courses/")
    head = client.head("/api/v1/courses/")

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))


def test_writing_is_not_allowed(client, world):
    response = client.post("/api/v1/courses/", {"title": "x"})

    assert response.status_code == 405


def test_unknown_api_address_is_a_json_404(client, db):
    response = client.get("/api/v1/kurser/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Findes ikke."}


def test_rate_limit_answers_429_with_retry_after(client, world, settings):
    settings.API_RATE_LIMIT = (3, 60)

    statuses = [client.get("/api/v1/topics/").status_code for _ in range(4)]
    limited = client.get("/api/v1/topics/?lang=en")

    assert statuses == [200, 200, 200, 429]
    assert limited.status_code == 429
    assert limited.json() == {"detail": "Too many requests. Please wait a minute and try again."}
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited["Cache-Control"] == "no-store"


def test_rate_limit_counts_the_client_behind_the_trusted_proxy(client, world, settings):
    settings.API_RATE_LIMIT = (2, 60)
    settings.TRUSTED_PROXY_COUNT = 1

    def get(client_address):
        return client.get(
            "/api/v1/topics/",
            headers={"X-Forwarded-For": f"198.51.100.7, {client_address}"},
            REMOTE_ADDR="10.0.0.2",
        ).status_code

    first_client = [get("203.0.113.1") for _ in range(3)]
    second_client = get("203.0.113.2")

    assert first_client == [200, 200, 429]
    assert second_client == 200


def test_unreachable_cache_means_no_rate_limit_and_no_error(client, world, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{dead_port()}/15",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    settings.API_RATE_LIMIT = (1, 60)
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30
    assert caches["default"].get("anything") is None  # the dead Redis answers a miss

    statuses = [client.get("/api/v1/courses/").status_code for _ in range(3)]

    assert statuses == [200, 200, 200]


def test_bodies_are_kept_until_content_changes(
    client, world, settings, django_assert_num_queries, django_capture_on_commit_callbacks
):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30
    first = client.get("/api/v1/courses/")

    with django_assert_num_queries(0):
        cached = client.get("/api/v1/courses/")
    with django_capture_on_commit_callbacks(execute=True):
        CourseFactory(title="Et nyt kursus")  # a save in a content app
    fresh = client.get("/api/v1/courses/")

    assert cached.content == first.content
    assert "Et nyt kursus" in fresh.text


def _count_cache_calls(monkeypatch) -> list[tuple[str, str]]:
    """Every call the shared cache gets from now on, as (operation, key)."""
    backend = caches["default"]
    calls = []
    for name in ("get", "set", "add", "incr", "get_many", "delete"):
        method = getattr(backend, name)

        def counted(key, *args, _name=name, _method=method, **kwargs):
            calls.append((_name, str(key)))
            return _method(key, *args, **kwargs)

        monkeypatch.setattr(backend, name, counted)
    return calls


def test_a_warm_answer_is_served_from_the_process_with_its_etag(
    client, world, settings, monkeypatch
):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30
    first = client.get("/api/v1/courses/")
    calls = _count_cache_calls(monkeypatch)

    again = client.get("/api/v1/courses/")
    not_modified = client.get("/api/v1/courses/", headers={"If-None-Match": first["ETag"]})

    assert again.content == first.content
    assert (again["ETag"], again["Last-Modified"]) == (first["ETag"], first["Last-Modified"])
    assert not_modified.status_code == 304
    # Per request: the rate limit's count (add and incr here, one round trip on Redis) and the
    # page cache's generation. Not the page cache's own lookup, the body or the first-seen key.
    operations = [(operation, key.rsplit(":", 1)[0]) for operation, key in calls]
    per_request = [
        ("add", "api:rate:127.0.0.1"),
        ("incr", "api:rate:127.0.0.1"),
        ("get", "anonymous-page"),
    ]
    assert operations == per_request * 2


def test_last_modified_survives_a_rebuild_with_the_same_body(client, world, settings, monkeypatch):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30
    first = client.get("/api/v1/topics/")
    page_cache.clear_local()
    page_cache.bump_generation()  # a content change elsewhere: the answer is built again

    later = time.time() + 2 * 3600
    monkeypatch.setattr(api_http.time, "time", lambda: later)
    rebuilt = client.get("/api/v1/topics/")
    monkeypatch.undo()

    assert rebuilt.content == first.content
    assert rebuilt["ETag"] == first["ETag"]
    assert rebuilt["Last-Modified"] == first["Last-Modified"]


def test_the_page_cache_leaves_api_answers_to_the_api_but_keeps_its_documentation(settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30

    assert page_cache._bypassed("/api/v1/courses/")
    assert page_cache._bypassed("/api/v1/")
    assert not page_cache._bypassed("/api/v1/docs/")
    assert not page_cache._bypassed("/en/api/v1/docs/")
    assert not page_cache._bypassed("/kurser/")
