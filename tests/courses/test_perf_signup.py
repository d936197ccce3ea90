"""A signup holds its course's row lock as briefly as it can (issue 17): a new signup has no
answers to replace, so nothing is deleted inside the lock; its answers are still saved."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import page_cache
from courses import services
from courses.models import Course, SignupAnswer, SignupQuestion
from tests.courses.factories import CourseFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_signup_without_answers_deletes_nothing():
    course = CourseFactory(capacity=5)

    with CaptureQueriesContext(connection) as captured:
        services.sign_up(course, UserFactory())

    assert not [q for q in captured if q["sql"].startswith("DELETE")]


def test_a_signup_with_answers_saves_them():
    course = CourseFactory(capacity=5)
    question = SignupQuestion.objects.create(course=course, sort_order=0, text="Hvilken klub?")

    signup = services.sign_up(course, UserFactory(), answers={question.pk: "Høng IF"})

    assert list(SignupAnswer.objects.filter(signup=signup).values_list("value", flat=True)) == [
        "Høng IF"
    ]


def test_the_signup_post_reads_the_bare_course_and_the_page_only_on_a_refusal(client):
    person = UserFactory()
    client.force_login(person)
    course = CourseFactory(capacity=5)
    path = f"/kurser/{course.slug}/tilmeld/"

    with CaptureQueriesContext(connection) as captured:
        response = client.post(path, {"association": "Høng IF"})

    assert response.status_code == 302
    course_reads = [q for q in captured if q["sql"].startswith('SELECT "courses_course"."id"')]
    assert course_reads
    assert "seats_taken" not in course_reads[0]["sql"]

    full = CourseFactory(capacity=1, waiting_list_enabled=False, title="Fyldt kursus")
    services.sign_up(full, UserFactory())
    refused = client.post(f"/kurser/{full.slug}/tilmeld/", {})
    assert refused.status_code == 409
    assert "Fyldt kursus" in refused.text
    assert "Kurset er fuldt." in refused.text


def test_the_signup_post_query_count_and_what_runs_under_the_lock(client):
    """13 queries before the audit log (issue 19), 14 with it: the log entry is one INSERT
    inside the lock, nothing read back and nothing rendered (core.audit.record). 13 since the
    seat counts also say whether the person already holds a signup; the questions are read
    before the lock since (under it: the lock, the counts and three INSERTs). 12 since the
    form and the service share one read of the course's questions."""
    person = UserFactory()
    client.force_login(person)
    course = CourseFactory(capacity=5)
    ContentType.objects.get_for_model(Course)  # cached per process, as in production

    with CaptureQueriesContext(connection) as captured:
        response = client.post(f"/kurser/{course.slug}/tilmeld/", {"association": "Høng IF"})

    assert response.status_code == 302
    # On PostgreSQL the lock's settings (`SET LOCAL`), the lock and the counts are sent in one
    # round trip (lock_course_and_count): counted here statement by statement, the settings
    # not counted.
    sql = [
        statement
        for query in captured
        for statement in query["sql"].split("; ")
        if not statement.startswith("SET LOCAL")
    ]
    assert len(sql) == 12
    assert sum("courses_signupquestion" in q for q in sql) == 1
    start = next(i for i, q in enumerate(sql) if q.startswith("SAVEPOINT"))
    end = next(i for i, q in enumerate(sql) if q.startswith("RELEASE SAVEPOINT"))
    under_lock = [q.split(" (")[0].split(" WHERE")[0] for q in sql[start + 1 : end]]
    assert len(under_lock) == 5
    assert not any("courses_signupquestion" in q for q in under_lock)
    assert sum(q.startswith('INSERT INTO "wagtailcore_modellogentry"') for q in under_lock) == 1
    if connection.vendor == "postgresql":
        round_trips = [q["sql"] for q in captured]
        start = next(i for i, q in enumerate(round_trips) if q.startswith("SAVEPOINT"))
        end = next(i for i, q in enumerate(round_trips) if q.startswith("RELEASE SAVEPOINT"))
        # The settings, the lock and the counts together, then the three INSERTs.
        assert len(round_trips[start + 1 : end]) == 4


def test_a_signup_tells_the_waiting_place_without_counting_again(client):
    """sign_up knows the place under the lock; the message does not count the list again."""
    course = CourseFactory(capacity=1)
    services.sign_up(course, UserFactory())
    services.sign_up(course, UserFactory())
    person = UserFactory()
    client.force_login(person)

    with CaptureQueriesContext(connection) as captured:
        response = client.post(f"/kurser/{course.slug}/tilmeld/", {}, follow=False)

    assert response.status_code == 302
    assert not [q for q in captured if "COUNT(*)" in q["sql"]]
    page = client.get(f"/kurser/{course.slug}/")
    assert "ventelisten som nr. 2." in page.text


def test_a_person_already_signed_up_gets_their_signup_back():
    course = CourseFactory(capacity=1)
    person = UserFactory()
    first = services.sign_up(course, person)

    again = services.sign_up(course, person, association="Noget andet")

    assert again.pk == first.pk
    assert services.seat_counts(course, user=person).mine == 1
    assert services.seat_counts(course, user=UserFactory()).mine == 0


def test_signups_leave_the_page_cache_alone_but_course_edits_do_not(
    django_capture_on_commit_callbacks,
):
    """A rush of signups must not make every cached anonymous page stale once each; their
    seat counts may lag by the entry's lifetime. Editing the course still shows at once."""
    course = CourseFactory(capacity=5)
    generation = cache.get(page_cache.GENERATION_KEY)

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up(course, UserFactory())
    assert cache.get(page_cache.GENERATION_KEY) == generation

    with django_capture_on_commit_callbacks(execute=True):
        course.title = "Nyt navn"
        course.save()
    assert cache.get(page_cache.GENERATION_KEY) != generation


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's commit setting")
def test_the_signup_commit_does_not_wait_for_the_disk_inside_the_lock():
    with CaptureQueriesContext(connection) as captured:
        services.sign_up(CourseFactory(capacity=5), UserFactory())

    settings = next(q["sql"] for q in captured if q["sql"].startswith("SET LOCAL"))
    assert "synchronous_commit = off" in settings
    assert "lock_timeout" in settings
