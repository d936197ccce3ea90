"""The catalogue's and Mine kurser's queries are built once per process and run per call
(issue 17): each call still answers for its own person and its own moment."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses import queries
from courses.views.mine import my_signups
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_each_person_gets_only_their_own_signups_call_after_call():
    anna, bo = UserFactory(), UserFactory()
    annas = SignupFactory(user=anna)
    bos = SignupFactory(user=bo)

    for _ in range(2):
        assert [s.pk for s in my_signups(anna)] == [annas.pk]
        assert [s.pk for s in my_signups(bo)] == [bos.pk]
        (only,) = my_signups(anna)
        assert only.position is None


def test_the_catalogue_answers_for_the_moment_it_is_asked_about():
    course = CourseFactory(title="Årshjul")
    before_end = course.ends_at - timedelta(minutes=1)
    after_end = course.ends_at + timedelta(minutes=1)

    for _ in range(2):
        assert list(queries.catalogue_courses(before_end)) == [course]
        assert list(queries.catalogue_courses(after_end)) == []
    assert queries.catalogue_courses(timezone.now()).get().seats_taken == 0


def test_active_signups_by_course_answers_only_for_the_courses_asked_about():
    anna, bo = UserFactory(), UserFactory()
    first, second, third = CourseFactory(), CourseFactory(), CourseFactory()
    on_first = SignupFactory(user=anna, course=first)
    SignupFactory(user=anna, course=second)
    SignupFactory(user=bo, course=third)

    found = queries.active_signups_by_course(anna, [first.pk, third.pk])

    assert {course_id: s.pk for course_id, s in found.items()} == {first.pk: on_first.pk}
    assert found[first.pk].position is None  # annotated as before
    assert queries.active_signups_by_course(anna, []) == {}
