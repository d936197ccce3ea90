"""The course page asks for the person's own signups twice, not three times (issue 17): the
undo offer reuses the page's own answer that the person holds no active signup."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


OWN_SIGNUP_QUERIES = ('SELECT "courses_signup".', 'SELECT 1 AS "a" FROM "courses_signup"')


def own_signup_queries(client, course) -> tuple:
    with CaptureQueriesContext(connection) as captured:
        text = client.get(course.get_absolute_url()).text
    own = [
        q
        for q in captured
        if q["sql"].startswith(OWN_SIGNUP_QUERIES) and '"courses_signup"."user_id" =' in q["sql"]
    ]
    return text, len(own), [q["sql"][:160] for q in own]


def test_undo_offer_after_cancelling_with_one_query_less(client):
    person = UserFactory()
    client.force_login(person)
    course = CourseFactory(capacity=5)
    SignupFactory(course=course, user=person)
    client.post(f"/kurser/{course.slug}/afmeld/")

    text, queries, own = own_signup_queries(client, course)

    assert "Fortryd afmeldingen" in text
    assert queries == 2, own  # the active signup, the cancellation to undo (no exists())


def test_no_undo_offer_while_signed_up(client):
    person = UserFactory()
    client.force_login(person)
    course = CourseFactory(capacity=5)
    SignupFactory(course=course, user=person)

    text, queries, own = own_signup_queries(client, course)

    assert "Fortryd afmeldingen" not in text
    assert queries == 2, own  # the active signup, the participants who show their names
