"""The anonymous page cache (core/page_cache.py)."""

import re

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from core import page_cache
from tests.courses.factories import CourseFactory


@pytest.fixture
def page_cache_on(settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30


pytestmark = [pytest.mark.usefixtures("page_cache_on"), pytest.mark.django_db]


def test_a_second_anonymous_visit_is_served_without_touching_the_database(
    client, django_assert_num_queries
):
    course = CourseFactory(title="Bestyrelsens årshjul")
    client.get(f"/kurser/{course.slug}/")  # creates the site's footer settings row
    first = client.get(f"/kurser/{course.slug}/")
    assert first.status_code == 200

    with django_assert_num_queries(0):
        second = client.get(f"/kurser/{course.slug}/")

    assert second.status_code == 200
    assert "Bestyrelsens årshjul" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]


def test_every_hit_gets_a_fresh_csp_nonce_matching_its_header(rf, db):
    def view(request):
        nonce = request._csp_nonce
        response = HttpResponse(f'<script nonce="{nonce}">1</script>')
        page_cache.mark(response)
        return response

    from django.middleware.csp import ContentSecurityPolicyMiddleware

    handler = ContentSecurityPolicyMiddleware(page_cache.AnonymousPageCacheMiddleware(view))
    nonces = []
    for _ in range(3):
        request = rf.get("/nonce-test/")
        response = handler(request)
        body_nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
        assert f"'nonce-{body_nonce}'" in response["Content-Security-Policy"]
        nonces.append(body_nonce)
    assert len(set(nonces)) == 3


def test_saving_a_course_makes_cached_pages_stale_at_once(
    client, django_capture_on_commit_callbacks
):
    course = CourseFactory(title="Gammel titel")
    assert "Gammel titel" in client.get("/kurser/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the save commits
        course.title = "Ny titel"
        course.save()

    html = client.get("/kurser/").content.decode()
    assert "Ny titel" in html
    assert "Gammel titel" not in html


def test_publishing_a_page_makes_cached_pages_stale(
    client, home_page, django_capture_on_commit_callbacks
):
    assert client.get("/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        home_page.hero_text = "Nyt fra frivilligområdet"
        home_page.save_revision().publish()

    assert "Nyt fra frivilligområdet" in client.get("/").content.decode()


def test_logged_in_people_never_get_the_anonymous_copy(client, user):
    course = CourseFactory()
    client.get(f"/kurser/{course.slug}/")  # stored for anonymous visitors
    client.force_login(user)

    response = client.get(f"/kurser/{course.slug}/")

    assert (
        user.get_full_name() in response.content.decode() or "Log ud" in response.content.decode()
    )
    assert "Log ind" not in response.content.decode().split("<main", 1)[0]


def test_danish_english_and_htmx_requests_are_stored_apart(client):
    CourseFactory(title="Konflikthåndtering i praksis")
    danish = client.get("/kurser/").content.decode()
    english = client.get("/en/kurser/").content.decode()
    partial = client.get("/kurser/", headers={"HX-Request": "true"}).content.decode()

    assert 'lang="da"' in danish
    assert 'lang="en"' in english
    assert "<html" not in partial
    assert "<html" in client.get("/kurser/").content.decode()


def test_errors_and_unmarked_views_are_not_stored(client, django_assert_max_num_queries):
    client.get("/kurser/?topic=findes-ikke")  # 400: the filter rejects the topic
    client.get("/kurser/findes-ikke/")  # 404

    with django_assert_max_num_queries(50) as queries:
        client.get("/kurser/findes-ikke/")
    assert len(queries) > 0
    assert client.get("/kurser/?topic=findes-ikke").status_code == 400


@pytest.mark.parametrize("uses", ["csrf", "session", "cookie"])
def test_pages_that_belong_to_one_visitor_are_not_stored(rf, db, uses):
    calls = []

    def view(request):
        calls.append(1)
        response = HttpResponse("side")
        if uses == "csrf":
            get_token(request)
        elif uses == "session":
            request.session["seen"] = True
        else:
            response.set_cookie("x", "1")
        page_cache.mark(response)
        return response

    from django.contrib.sessions.middleware import SessionMiddleware

    handler = SessionMiddleware(page_cache.AnonymousPageCacheMiddleware(view))
    for _ in range(2):
        handler(rf.get("/personal/"))

    assert len(calls) == 2


def cached_counting_view():
    """The page cache in front of a view that may be cached; the list counts the view's
    calls, so a call the cache answered does not show in it."""
    calls = []

    def view(request):
        calls.append(1)
        response = HttpResponse("side")
        page_cache.mark(response)
        return response

    return page_cache.AnonymousPageCacheMiddleware(view), calls


def test_a_session_or_messages_cookie_bypasses_the_cache(rf, db):
    handler, calls = cached_counting_view()
    handler(rf.get("/side/"))
    handler(rf.get("/side/"))
    assert len(calls) == 1
    for cookie in ("sessionid", "messages"):
        request = rf.get("/side/")
        request.COOKIES[cookie] = "x"
        handler(request)
    assert len(calls) == 3


def test_off_when_the_setting_is_zero(settings, rf, db):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0
    handler, calls = cached_counting_view()
    handler(RequestFactory().get("/side/"))
    handler(RequestFactory().get("/side/"))
    assert len(calls) == 2


def test_a_stored_feed_still_answers_conditional_requests(client):
    CourseFactory(title="Kasserer for begyndere")
    client.get("/kalender/kurser.ics")  # creates the footer settings row, if any
    first = client.get("/kalender/kurser.ics")
    assert first.status_code == 200

    again = client.get("/kalender/kurser.ics", headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert client.get("/kalender/kurser.ics").content == first.content


def test_a_change_that_rolls_back_never_invalidates(client, django_capture_on_commit_callbacks):
    from django.db import transaction

    course = CourseFactory(title="Uændret titel")
    client.get("/kurser/")
    generation = page_cache.cache.get(page_cache.GENERATION_KEY)

    def change_that_fails():
        with transaction.atomic():
            course.title = "Rullet tilbage"
            course.save()
            raise RuntimeError("the change failed")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        change_that_fails()

    assert callbacks == []
    assert page_cache.cache.get(page_cache.GENERATION_KEY) == generation
