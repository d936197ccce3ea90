"""core.prepared: a queryset's SQL built once, run with new arguments, read as the queryset
would read it."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F
from django.db.models.signals import post_save, pre_save
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from cms.models import StandardPage
from core.models import OutgoingEmail
from core.prepared import PreparedInsert, PreparedQuery
from courses.models import Course, Signup, SignupStatus
from tests.courses.factories import CourseFactory, ProviderFactory, SignupFactory
from tests.factories import UserFactory

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


def test_select_related_objects_and_annotations_are_built_as_the_queryset_builds_them():
    signup = SignupFactory(course=CourseFactory(provider=ProviderFactory()))
    query = PreparedQuery(
        lambda user_id: (
            Signup.objects.filter(user_id=user_id)
            .select_related("course__provider", "user")
            .annotate(seats=F("course__capacity") * 2)
        )
    )
    expected = (
        Signup.objects.filter(user_id=signup.user_id)
        .select_related("course__provider", "user")
        .annotate(seats=F("course__capacity") * 2)
        .get()
    )
    query.instance(signup.user_id)

    with CaptureQueriesContext(connection) as captured:
        found = query.instance(signup.user_id)
        # Everything select_related read is on the instance: no further query.
        seen = (found.course.title, found.course.provider, found.user.email, found.seats)

    assert len(captured) == 1
    assert seen == (
        expected.course.title,
        expected.course.provider,
        expected.user.email,
        expected.seats,
    )
    assert found.pk == expected.pk
    assert found._state.adding is False
    assert found.course.starts_at == expected.course.starts_at  # converted like the queryset


def test_a_datetime_argument_is_compared_as_the_queryset_compares_it():
    now = timezone.now()
    provider = ProviderFactory()
    past = CourseFactory(
        provider=provider, meetings=[(now - timedelta(days=3), now - timedelta(days=2))]
    )
    future = CourseFactory(provider=provider, meetings=1)
    CourseFactory(meetings=1)
    query = PreparedQuery(
        lambda provider, after: Course.objects.filter(
            provider=provider, ends_at__gt=after
        ).order_by("pk")
    )

    assert [c.pk for c in query.instances(provider.pk, now)] == [future.pk]
    assert [c.pk for c in query.instances(provider.pk, now - timedelta(days=5))] == [
        past.pk,
        future.pk,
    ]
    assert query.instances(provider.pk, now + timedelta(days=400)) == []
    # Compiled once, with a datetime marker in the datetime's place.
    assert query._compiled.keys() == {(False, True)}


@pytest.mark.parametrize(
    ("build", "arguments", "error", "message"),
    [
        # prefetch_related would need a second query.
        (
            lambda pk: Course.objects.filter(pk=pk).prefetch_related("meetings"),
            1,
            ValueError,
            "prefetch",
        ),
        # A negative stand-in against a positive-only column: said clearly, not EmptyResultSet.
        (lambda capacity: Course.objects.filter(capacity=capacity), 1, ValueError, "range"),
        # values() rows are no instances.
        (lambda pk: Course.objects.filter(pk=pk).values("title"), 1, ValueError, "values"),
        (lambda pk: Course.objects.filter(pk=pk), 2, TypeError, "1 arguments"),
    ],
)
def test_what_a_prepared_query_refuses(build, arguments, error, message):
    course = CourseFactory()

    with pytest.raises(error, match=message):
        PreparedQuery(build).instances(*[course.pk] * arguments)


def test_a_bound_query_runs_in_a_statement_of_ones_own_and_reads_its_rows():
    course = CourseFactory()
    query = PreparedQuery(lambda pk: Course.objects.filter(pk=pk))

    bound = query.bind(course.pk)
    with connection.cursor() as cursor:
        cursor.execute(bound.sql, bound.params)
        rows = cursor.fetchall()

    instance = bound.instance(rows)
    assert (instance.pk, instance.starts_at) == (course.pk, course.starts_at)
    assert bound.values(rows)["title"] == course.title
    assert bound.instance([]) is None
    with pytest.raises(TypeError):
        query.bind()


# --- PreparedInsert ----------------------------------------------------------------------


def _row(model, pk) -> dict:
    return model.objects.filter(pk=pk).values().get()


def test_a_prepared_insert_writes_the_row_save_would_write():
    course, user = CourseFactory(), UserFactory()
    kept = Signup(course=course, user=user, status=SignupStatus.CONFIRMED, association="Klub")
    other = Signup(course=course, user=UserFactory(), status=SignupStatus.CONFIRMED)
    insert = PreparedInsert(Signup)

    with CaptureQueriesContext(connection) as queries:
        returned = insert.save(kept)
    other.save()

    assert returned is kept
    assert [q["sql"].split(" (")[0] for q in queries] == ['INSERT INTO "courses_signup"']
    assert kept.pk not in (None, other.pk)
    assert (kept._state.adding, kept._state.db) == (False, "default")
    assert kept.created_at is not None  # auto_now_add, as save() sets it
    row, expected = _row(Signup, kept.pk), _row(Signup, other.pk)
    # Every column as save() writes it, apart from the values that differ on purpose.
    for name in ("id", "user_id", "association", "created_at", "updated_at"):
        row.pop(name), expected.pop(name)
    assert row == expected
    assert _row(Signup, kept.pk)["association"] == "Klub"


def test_a_prepared_insert_sends_the_signals_save_sends_unless_told_not_to():
    received = []

    def receiver(sender, instance, **kwargs):
        received.append((kwargs.get("created"), instance.pk is not None))

    pre_save.connect(receiver, sender=Signup)
    post_save.connect(receiver, sender=Signup)
    try:
        PreparedInsert(Signup).save(Signup(course=CourseFactory(), user=UserFactory()))
        PreparedInsert(Signup, signals=False).save(
            Signup(course=CourseFactory(), user=UserFactory())
        )
    finally:
        pre_save.disconnect(receiver, sender=Signup)
        post_save.disconnect(receiver, sender=Signup)

    assert received == [(None, False), (True, True)]


def test_a_foreign_key_is_taken_from_a_related_object_saved_after_it_was_assigned():
    user = User(email="sent-later@example.org")
    signup = Signup(course=CourseFactory(), user=user)
    user.save()

    PreparedInsert(Signup).save(signup)

    assert _row(Signup, signup.pk)["user_id"] == user.pk


@pytest.mark.parametrize(
    ("instance", "error"),
    [
        (lambda: SignupFactory(), ValueError),  # already saved
        (lambda: Course(title="Ikke en tilmelding"), TypeError),  # another model
        (
            lambda: Signup(course=CourseFactory(), user=UserFactory(), queue_number=F("pk")),
            ValueError,
        ),
    ],
    ids=["saved", "another-model", "expression"],
)
def test_what_a_prepared_insert_refuses_to_save(instance, error):
    instance = instance()
    before = Signup.objects.count()

    with pytest.raises(error):
        PreparedInsert(Signup).save(instance)

    assert Signup.objects.count() == before


def test_a_model_with_parents_or_a_key_from_nowhere_is_refused():
    with pytest.raises(ValueError, match="no parents"):
        PreparedInsert(StandardPage)
    with pytest.raises(ValueError, match="auto primary key or one with a default"):
        PreparedInsert(Session)  # the key is neither generated nor defaulted


def test_a_key_from_python_is_sent_with_the_row_and_not_read_back():
    insert = PreparedInsert(DBTaskResult)
    task = DBTaskResult(args_kwargs={"args": [], "kwargs": {}}, task_path="core.tasks.x")
    key = task.pk

    with CaptureQueriesContext(connection) as captured:
        assert insert.save(task) is task

    [sql] = [q["sql"] for q in captured]
    assert "RETURNING" not in sql
    assert task.pk == key
    assert not task._state.adding
    stored = DBTaskResult.objects.get(pk=key)
    assert stored.run_after is not None  # the library's pre_save receiver ran
    assert stored.task_path == "core.tasks.x"
    with pytest.raises(ValueError, match="new instances only"):
        insert.save(task)


def test_a_failed_insert_marks_its_atomic_block_for_rollback_as_save_does():
    def email():
        return OutgoingEmail(
            message_id="<same@frivilligloeft.test>",
            subject="Emne",
            body="",
            queued_at=timezone.now(),
        )

    insert = PreparedInsert(OutgoingEmail)
    insert.save(email())

    with transaction.atomic():
        with pytest.raises(IntegrityError):
            insert.save(email())
        assert transaction.get_rollback()

    assert OutgoingEmail.objects.filter(message_id="<same@frivilligloeft.test>").count() == 1
