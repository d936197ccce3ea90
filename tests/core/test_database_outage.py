"""The database going away answers a translated 503 with Retry-After, never a 500, and never
leaves half a change behind (core/middleware.py). Real faults: the connection cannot be opened,
or PostgreSQL terminates it in the middle of a signup."""

import logging

import psycopg
import pytest
from django.db import connection
from django.db.models.signals import pre_save
from django.test import Client

from core import middleware
from courses.models import Course, Signup
from tests.core.test_healthz import database_unreachable
from tests.courses.factories import CourseFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_pages_answer_503_in_the_visitors_language(caplog, monkeypatch):
    monkeypatch.setattr(middleware, "_throttle", middleware._Throttle())  # a fresh interval
    course = CourseFactory()
    client = Client(raise_request_exception=False)

    with database_unreachable(), caplog.at_level(logging.WARNING):
        danish = client.get(f"/kurser/{course.slug}/")
        english = client.get("/en/kurser/")
        home = client.get("/")

    for response in (danish, english, home):
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert response["Cache-Control"] == "no-store"
    assert "Frivilligløft er tilbage om et øjeblik" in danish.content.decode()
    assert 'lang="en"' in english.content.decode()
    assert "Frivilligløft is back in a moment" in english.content.decode()
    outage_lines = [r for r in caplog.records if "Database unavailable" in r.getMessage()]
    assert len(outage_lines) == 1  # once per interval, not once per request
    assert not [r for r in caplog.records if r.name == "django.request"]


def test_a_logged_in_person_gets_503_too(client):
    """Here the first query is the session's, in the middleware before any view."""
    user = UserFactory()
    course = CourseFactory()
    client.force_login(user)
    client.raise_request_exception = False

    with database_unreachable():
        page = client.get("/mine-sider/")
        signup = client.post(f"/kurser/{course.slug}/tilmeld/", {})

    assert (page.status_code, signup.status_code) == (503, 503)
    assert "tilbage om et øjeblik" in page.content.decode()


def test_anonymous_pages_in_the_page_cache_are_still_served(settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30
    course = CourseFactory(title="Frivilligledelse for nye formænd")
    client = Client(raise_request_exception=False)
    client.get(f"/kurser/{course.slug}/")  # creates the site's footer settings row
    client.get(f"/kurser/{course.slug}/")

    with database_unreachable():
        response = client.get(f"/kurser/{course.slug}/")

    assert response.status_code == 200
    assert "Frivilligledelse for nye formænd" in response.content.decode()


def test_the_site_answers_again_once_the_database_is_back():
    course = CourseFactory()
    client = Client(raise_request_exception=False)
    with database_unreachable():
        assert client.get(f"/kurser/{course.slug}/").status_code == 503

    assert client.get(f"/kurser/{course.slug}/").status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="terminates a PostgreSQL backend")
def test_connection_terminated_mid_signup_answers_503_and_writes_nothing():
    course = CourseFactory(capacity=5)
    user = UserFactory()
    client = Client(raise_request_exception=False)
    client.force_login(user)
    settings = connection.settings_dict
    admin = psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        dbname=settings["NAME"],
        autocommit=True,
    )
    terminated = []

    def cut_the_connection(sender, instance, **kwargs):
        # The signup's transaction has locked the course and is about to insert the row.
        if not terminated:
            pid = connection.connection.info.backend_pid
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
            terminated.append(pid)

    pre_save.connect(cut_the_connection, sender=Signup)
    try:
        response = client.post(f"/kurser/{course.slug}/tilmeld/", {})
    finally:
        pre_save.disconnect(cut_the_connection, sender=Signup)
        admin.close()
        connection.close()

    assert terminated
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert not Signup.objects.filter(course=course).exists()
    assert Course.objects.get(pk=course.pk).capacity == 5
    # The next request gets a fresh connection and the signup goes through.
    assert client.post(f"/kurser/{course.slug}/tilmeld/", {}).status_code == 302
    assert Signup.objects.filter(course=course, user=user).count() == 1
