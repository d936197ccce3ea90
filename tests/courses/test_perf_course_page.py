"""The course page reads the person's signups for the course once (issue 17): the active signup
and the cancellation the undo offer may take back come from one query
(`services.own_signup_and_undoable`, which answers what `undoable_cancellation` answers), and
the organiser links' permissions are decided once per request from the person's current roles
(`courses.rules.course_access`, the same predicates as `has_perm`)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role, start_request_memo
from core.prepared import PreparedQuery
from courses import services
from courses.models import Course, Signup, SignupEndReason
from courses.rules import course_access
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
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


def test_undo_offer_after_cancelling_in_the_same_query_as_the_signup(client):
    person = UserFactory()
    client.force_login(person)
    course = CourseFactory(capacity=5)
    SignupFactory(course=course, user=person)
    client.post(f"/kurser/{course.slug}/afmeld/")

    text, queries, own = own_signup_queries(client, course)

    assert "Fortryd afmeldingen" in text
    assert queries == 1, own  # the active signup and the cancellation to undo together


def test_no_undo_offer_while_signed_up(client):
    person = UserFactory()
    client.force_login(person)
    course = CourseFactory(capacity=5)
    SignupFactory(course=course, user=person)

    text, queries, own = own_signup_queries(client, course)

    assert "Fortryd afmeldingen" not in text
    assert queries == 2, own  # the person's signups, the participants who show their names


_PREPARED = PreparedQuery(
    lambda course_id, user_id: Signup.objects.filter(course_id=course_id, user_id=user_id)
)


def _both(course, user, now):
    signups = Signup.objects.all()
    found = services.own_signup_and_undoable(signups, course, user, now=now)
    # The course page's way: a prepared query of the same rows answers the same.
    assert services.own_signup_and_undoable(_PREPARED, course, user, now=now) == found
    return found, services.undoable_cancellation(course, user, now=now)


def test_own_signup_and_undoable_answers_as_undoable_cancellation():
    course = CourseFactory(capacity=5)
    user = UserFactory()
    first = SignupFactory(course=course, user=user)
    then = timezone.now()
    services.cancel_signup(first, by=user, now=then)

    (active, undo), expected = _both(course, user, then + timedelta(minutes=9))
    assert active is None
    assert undo == expected == first
    (active, undo), expected = _both(course, user, then + timedelta(minutes=11))
    assert active is None
    assert undo is expected is None

    # Signed up again: the active signup, and no offer to undo the old cancellation.
    again = SignupFactory(course=course, user=user)
    (active, undo), expected = _both(course, user, then + timedelta(minutes=1))
    assert active == again
    assert undo is expected is None

    # Cancelled twice within the window: the latest.
    services.cancel_signup(again, by=user, now=then + timedelta(minutes=2))
    (active, undo), expected = _both(course, user, then + timedelta(minutes=3))
    assert active is None
    assert undo == expected == again


def test_own_signup_and_undoable_leaves_out_what_the_person_may_not_undo():
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    organiser = UserFactory()
    course.organisers.add(organiser)
    course.save()  # a ParentalManyToManyField is written by save()
    removed = SignupFactory(course=CourseFactory(capacity=5, organisers=[organiser]))
    services.cancel_signup(removed, by=organiser)
    (me,) = waitlist(course, [UserFactory()])
    services.leave_waiting_list(me, by=me.user)
    now = timezone.now()

    (active, undo), expected = _both(removed.course, removed.user, now)
    assert active is None
    assert undo is expected is None
    (active, undo), expected = _both(course, me.user, now)
    assert undo == expected == me
    assert undo.end_reason == SignupEndReason.LEFT_WAITING_LIST
    (active, undo), _ = _both(course, UserFactory(), now)
    assert active is None
    assert undo is None
    assert services.own_signup_and_undoable(Signup.objects.all(), course, AnonymousUser()) == (
        None,
        None,
    )


def _request(user):
    request = RequestFactory().get("/")
    request.user = start_request_memo(user) if user.is_authenticated else user
    return request


@pytest.mark.parametrize(
    "who", ["volunteer", "organiser", "administrator", "superuser", "anonymous"]
)
def test_course_access_is_what_has_perm_answers(who):
    course = CourseFactory()
    user = {
        "volunteer": lambda: UserFactory(),
        "organiser": lambda: UserFactory(),
        "administrator": lambda: UserFactory(roles=[Role.COURSE_ADMINISTRATOR]),
        "superuser": lambda: UserFactory(is_superuser=True),
        "anonymous": AnonymousUser,
    }[who]()
    if who == "organiser":
        course.organisers.add(user)
        course.save()
    course = Course.objects.get(pk=course.pk)

    access = course_access(_request(user), course)

    assert access.is_organiser == user.has_perm("courses.organise_course", course)
    assert access.can_manage == user.has_perm("courses.manage_courses")
    assert access.is_organiser is (who != "volunteer" and who != "anonymous")
    assert access.can_manage is (who in ("administrator", "superuser"))


def test_course_access_is_asked_once_per_request_and_anew_on_the_next():
    course = CourseFactory()
    user = UserFactory()
    request = _request(user)
    assert course_access(request, course).is_organiser is False

    course.organisers.add(user)
    course.save()
    with CaptureQueriesContext(connection) as captured:
        assert course_access(request, course).is_organiser is False  # this request's answer
    assert len(captured) == 0

    # The next request asks the current roles again.
    assert course_access(_request(User.objects.get(pk=user.pk)), course).is_organiser is True


def test_course_page_organiser_box_follows_current_roles(client):
    course = CourseFactory()
    user = UserFactory()
    client.force_login(user)
    assert "Deltagere og fremmøde" not in client.get(course.get_absolute_url()).text

    course.organisers.add(user)
    course.save()
    text = client.get(course.get_absolute_url()).text
    assert "Deltagere og fremmøde" in text
    assert "Redigér kurset i administrationen" not in text

    user.groups.add(Group.objects.get(name=Role.COURSE_ADMINISTRATOR))
    assert "Redigér kurset i administrationen" in client.get(course.get_absolute_url()).text
