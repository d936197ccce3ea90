"""Shared fragments (core/fragments.py): the course cards and the catalogue's filter form are
rendered once for everyone, and nothing person- or language-specific leaks between people."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import fragments, page_cache
from tests.courses.factories import CourseFactory, SignupFactory, TopicFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response, [query["sql"] for query in captured]


def test_a_warm_catalogue_skips_the_filter_forms_option_queries():
    TopicFactory(name="Bestyrelsesarbejde")
    CourseFactory(title="Bestyrelsens årshjul")
    client = Client()
    client.get("/kurser/")  # the footer's settings row, the site lookup's caches
    page_cache.bump_generation()  # as after an edit: every fragment is stale
    cold, cold_queries = _queries(client, "/kurser/")
    warm, warm_queries = _queries(client, "/kurser/")

    assert len(warm_queries) < len(cold_queries)
    # The provider options are read for the cold render only.
    assert any('FROM "courses_provider"' in sql for sql in cold_queries)
    assert not any('FROM "courses_provider"' in sql for sql in warm_queries)
    assert warm.text == cold.text.replace(
        str(cold.context["csp_nonce"]), str(warm.context["csp_nonce"])
    )
    assert "Bestyrelsesarbejde" in warm.text


def test_two_people_each_see_their_own_signup_on_shared_cards():
    signed_up, other = UserFactory(), UserFactory()
    course = CourseFactory(title="Konflikthåndtering", capacity=10)
    SignupFactory(course=course, user=signed_up)

    first = _logged_in(signed_up).get("/kurser/")
    second = _logged_in(other).get("/kurser/")
    anonymous = Client().get("/kurser/")

    assert "Du er tilmeldt" in first.text
    assert "Du er tilmeldt" not in second.text
    assert "Du er tilmeldt" not in anonymous.text
    for response in (first, second, anonymous):
        assert "Konflikthåndtering" in response.text
    assert "9 ledige pladser" in second.text
    assert "9 ledige pladser" in anonymous.text
    assert signed_up.get_full_name() not in second.text
    # The people see their own header, never the other's.
    assert "Log ud" in second.text
    assert "Log ind" in anonymous.text


def test_each_language_gets_its_own_fragments():
    topic = TopicFactory(name="Frivilligledelse", name_en="Volunteer leadership")
    course = CourseFactory(title="Ledelse af frivillige")
    course.topics.set([topic])
    client = Client()

    danish = client.get("/kurser/").text
    english = client.get("/en/kurser/").text
    danish_again = client.get("/kurser/").text

    assert "Alle emner" in danish
    assert "All topics" not in danish
    assert "All topics" in english
    assert "Alle emner" not in english
    assert "Volunteer leadership" in english
    assert "Frivilligledelse" in danish_again
    assert "Volunteer leadership" not in danish_again


def test_the_chosen_filter_values_are_part_of_the_key():
    TopicFactory(name="Økonomi", slug="oekonomi")
    TopicFactory(name="Ledelse", slug="ledelse")
    client = Client()

    plain = client.get("/kurser/").text
    chosen = client.get("/kurser/?topic=oekonomi").text

    assert 'value="oekonomi" selected' in chosen
    assert 'value="oekonomi" selected' not in plain
    assert 'value="oekonomi" selected' not in client.get("/kurser/?topic=ledelse").text


def test_an_edit_shows_at_once(django_capture_on_commit_callbacks):
    course = CourseFactory(title="Kassererkursus")
    topic = TopicFactory(name="Regnskab")
    client = _logged_in(UserFactory())
    assert "Kassererkursus" in client.get("/kurser/").text

    with django_capture_on_commit_callbacks(execute=True):
        course.title = "Kassererkursus for begyndere"
        course.save()
        topic.name = "Regnskab og budget"
        topic.save()

    page = client.get("/kurser/").text
    assert "Kassererkursus for begyndere" in page
    assert "Regnskab og budget" in page


def test_without_the_shared_cache_fragments_render_every_time(monkeypatch):
    course = CourseFactory(title="Foreningens hjemmeside")
    monkeypatch.setattr(fragments, "is_degraded", lambda: True)
    client = Client()
    assert "Foreningens hjemmeside" in client.get("/kurser/").text

    course.title = "Foreningens nye hjemmeside"
    course.save()  # no generation bump (no on_commit in this test): only "no cache" shows it

    assert "Foreningens nye hjemmeside" in client.get("/kurser/").text
    assert not fragments._local._cache


def test_off_by_default_outside_production(settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    calls = []
    for _ in range(2):
        fragments.shared_fragment(None, "x", [], lambda: calls.append(1) or "html")
    assert len(calls) == 2
