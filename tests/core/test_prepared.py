"""core.prepared: a queryset's SQL built once, run with new arguments, read as the queryset
would read it."""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from core.prepared import PreparedQuery
from courses.models import Course, Signup
from tests.courses.factories import CourseFactory, SignupFactory

pytestmark = pytest.mark.django_db


def test_the_rows_are_what_the_queryset_reads_and_the_sql_is_built_once():
    first, second = CourseFactory(), CourseFactory()
    query = PreparedQuery(lambda pk: Course.objects.filter(pk=pk))

    # The first call builds and compiles the queryset; the second only runs the SQL.
    built = []
    real_build = query.build
    query.build = lambda pk: built.append(pk) or real_build(pk)

    one = query.instance(first.pk)
    two = query.instance(second.pk)

    assert len(built) == 1
    assert (one.pk, one.title, one.starts_at) == (first.pk, first.title, first.starts_at)
    assert one.starts_at.tzinfo is not None  # converted as the queryset converts it
    assert (two.pk, two.title) == (second.pk, second.title)
    assert query.instance(-5) is None


def test_values_and_instances():
    course = CourseFactory()
    SignupFactory(course=course)
    SignupFactory(course=course)
    counts = PreparedQuery(
        lambda course_id: (
            Signup.objects.filter(course_id=course_id)
            .order_by()
            .values("course_id")
            .annotate(signups=Count("pk"))
        )
    )
    everyone = PreparedQuery(lambda course_id: Signup.objects.filter(course_id=course_id))

    assert counts.values(course.pk) == {"course_id": course.pk, "signups": 2}
    assert counts.values(CourseFactory().pk) is None
    assert sorted(s.pk for s in everyone.instances(course.pk)) == sorted(
        Signup.objects.filter(course=course).values_list("pk", flat=True)
    )


def test_it_is_one_query_that_tests_can_count():
    course = CourseFactory()
    query = PreparedQuery(lambda pk: Course.objects.filter(pk=pk))
    query.instance(course.pk)

    with CaptureQueriesContext(connection) as captured:
        query.instance(course.pk)

    assert len(captured) == 1


def test_an_argument_that_does_not_reach_the_sql_is_refused():
    query = PreparedQuery(lambda pk, unused: Course.objects.filter(pk=pk))

    with pytest.raises(ValueError, match="Each argument"):
        query.instance(1, 2)


def test_a_text_argument_such_as_a_slug():
    course = CourseFactory(slug="foerstehjaelp-i-goerlev")
    query = PreparedQuery(lambda slug: Course.objects.filter(slug=slug))

    assert query.instance("foerstehjaelp-i-goerlev").pk == course.pk
    assert query.instance("-1000001") is None  # looks like a marker, is only a value
    assert query.instance("' OR 1=1 --") is None  # a parameter, never SQL
