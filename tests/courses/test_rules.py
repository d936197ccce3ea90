"""courses/rules.py: who may organise a course and who manages every course."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.roles import Role
from courses.models import Course
from courses.rules import is_course_administrator, is_named_organiser, is_organiser
from tests.courses.factories import CourseFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_named_organiser_may_organise_the_course_but_not_manage_courses():
    organiser = UserFactory()
    course = CourseFactory(organisers=[organiser])

    assert is_named_organiser(organiser, course) is True
    assert is_organiser(organiser, course) is True
    assert organiser.has_perm("courses.organise_course", course) is True
    assert organiser.has_perm("courses.manage_courses") is False


def test_organiser_of_another_course_may_not_organise_this_one():
    organiser = UserFactory()
    CourseFactory(organisers=[organiser])
    course = CourseFactory()

    assert is_organiser(organiser, course) is False
    assert organiser.has_perm("courses.organise_course", course) is False


def test_course_administrator_organises_every_course():
    admin = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    course = CourseFactory()

    assert is_course_administrator(admin) is True
    assert is_named_organiser(admin, course) is False
    assert admin.has_perm("courses.organise_course", course) is True
    assert admin.has_perm("courses.manage_courses") is True


def test_superuser_manages_courses():
    superuser = UserFactory(is_superuser=True)

    assert superuser.has_perm("courses.manage_courses") is True
    assert superuser.has_perm("courses.organise_course", CourseFactory()) is True


def test_volunteer_may_neither_organise_nor_manage():
    volunteer = UserFactory()
    course = CourseFactory()

    assert is_course_administrator(volunteer) is False
    assert volunteer.has_perm("courses.organise_course", course) is False
    assert volunteer.has_perm("courses.manage_courses") is False


def test_anonymous_visitor_may_do_nothing():
    anonymous = AnonymousUser()
    course = CourseFactory()

    assert is_course_administrator(anonymous) is False
    assert is_organiser(anonymous, course) is False
    assert anonymous.has_perm("courses.organise_course", course) is False
    assert anonymous.has_perm("courses.manage_courses") is False


def test_former_organiser_loses_the_course_at_once():
    organiser = UserFactory()
    course = CourseFactory(organisers=[organiser])
    Course.organisers.through.objects.filter(course=course, user=organiser).delete()

    assert organiser.has_perm("courses.organise_course", course) is False


def test_organise_course_costs_one_query_for_a_named_organiser(django_assert_num_queries):
    organiser = UserFactory()
    course = CourseFactory(organisers=[organiser])
    organiser = type(organiser).objects.get(pk=organiser.pk)  # no permission cache yet

    # The user's model permissions (user and group, cached on the user), then the organiser row.
    with django_assert_num_queries(3):
        assert organiser.has_perm("courses.organise_course", course) is True
