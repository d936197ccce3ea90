"""manage.py expire_offers, send_course_reminders and seed_bench."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from courses.models import Attendance, Course, Meeting, Signup, SignupStatus, WaitingListMode
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def test_expire_offers_passes_the_seat_on_and_is_safe_to_repeat(django_capture_on_commit_callbacks):
    course = CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER)
    expired = SignupFactory(
        course=course,
        status=SignupStatus.OFFERED,
        queue_number=1,
        offer_expires_at=timezone.now() - timedelta(minutes=1),
    )
    (next_person,) = waitlist(course, [UserFactory()], start=2)

    with django_capture_on_commit_callbacks(execute=True):
        first = run("expire_offers")
        second = run("expire_offers")

    assert first == "1 offer(s) expired and passed on.\n"
    assert second == "0 offer(s) expired and passed on.\n"
    expired.refresh_from_db()
    next_person.refresh_from_db()
    assert (expired.status, next_person.status) == (SignupStatus.DECLINED, SignupStatus.OFFERED)
    assert len(mail.outbox) == 2


def test_send_course_reminders_defaults_to_two_days_and_is_idempotent(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    in_one_day = CourseFactory(
        meetings=[(now + timedelta(days=1), now + timedelta(days=1, hours=2))]
    )
    in_three_days = CourseFactory(
        meetings=[(now + timedelta(days=3), now + timedelta(days=3, hours=2))]
    )
    SignupFactory(course=in_one_day)
    SignupFactory(course=in_three_days)

    with django_capture_on_commit_callbacks(execute=True):
        first = run("send_course_reminders")
        again = run("send_course_reminders")
        wider = run("send_course_reminders", days=4)

    assert (first, again, wider) == (
        "1 reminder(s) sent.\n",
        "0 reminder(s) sent.\n",
        "1 reminder(s) sent.\n",
    )
    assert len(mail.outbox) == 2


def test_send_course_reminders_refuses_nonsense_days():
    with pytest.raises(CommandError, match="at least 1"):
        run("send_course_reminders", days=0)


def test_seed_bench_builds_courses_meetings_people_signups_and_attendance():
    output = run("seed_bench", courses=40, users=80, signups=600, guides=0, no_index=True)

    assert "40 courses" in output
    assert Course.objects.filter(slug__startswith="bench-").count() == 40
    assert Meeting.objects.count() >= 40
    assert Signup.objects.exists()
    # Signups respect the rules the services keep: seats within capacity, FIFO numbers.
    for course in Course.objects.exclude(capacity=None):
        assert course.signups.filter(status=SignupStatus.CONFIRMED).count() <= course.capacity
        numbers = list(
            course.signups.filter(status=SignupStatus.WAITLISTED)
            .order_by("queue_number")
            .values_list("queue_number", flat=True)
        )
        assert numbers == list(range(1, len(numbers) + 1))
    assert Attendance.objects.exists()


def test_seed_bench_twice_adds_a_second_batch():
    run("seed_bench", courses=5, no_index=True)
    run("seed_bench", courses=5, no_index=True)

    assert Course.objects.filter(slug__startswith="bench-").count() == 10


def test_seed_bench_refuses_in_production(settings):
    settings.DEMO_CONTENT_ALLOWED = False

    with pytest.raises(CommandError, match="refuses"):
        run("seed_bench", courses=1)


def test_seed_bench_scale_multiplies_the_defaults_and_explicit_sizes_win():
    output = run("seed_bench", scale=3, courses=4, users=8, signups=10, guides=0, no_index=True)

    assert "4 courses" in output
    with pytest.raises(CommandError, match="--scale"):
        run("seed_bench", scale=0)
