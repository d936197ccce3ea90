"""Course-wide services while a course runs: copies, messages, reminders, attendance and
completion (courses/services/courses.py and attendance.py).
"""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from courses import queries, services
from courses.models import (
    Attendance,
    Course,
    CourseMessage,
    CourseStatus,
    Meeting,
    MessageRecipients,
    SignupStatus,
)
from tests.courses.factories import CourseFactory, SignupFactory, local, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_duplicate_course_moves_every_meeting_and_deadline_keeping_local_times():
    organiser = UserFactory()
    # Two meetings in October, before the change to winter time; the copy runs in
    # November, after it — the local time must stay 17:00.
    course = CourseFactory(
        title="Ny i bestyrelsen",
        slug="ny-i-bestyrelsen",
        meetings=[
            (local(date(2030, 10, 8), 17), local(date(2030, 10, 8), 20)),
            (local(date(2030, 10, 15), 17), local(date(2030, 10, 15), 20)),
        ],
        signup_deadline=local(date(2030, 10, 6), 12),
        organisers=[organiser],
    )
    SignupFactory(course=course)

    copy = services.duplicate_course(course, by=organiser, first_day=date(2030, 11, 5))

    meetings = list(copy.meetings.order_by("starts_at"))
    assert copy.slug == "ny-i-bestyrelsen-2030-11-05"
    assert copy.status == CourseStatus.DRAFT
    assert copy.duplicated_from == course
    assert [timezone.localtime(m.starts_at).strftime("%Y-%m-%d %H:%M") for m in meetings] == [
        "2030-11-05 17:00",
        "2030-11-12 17:00",
    ]
    assert timezone.localtime(copy.signup_deadline).strftime("%Y-%m-%d %H:%M") == "2030-11-03 12:00"
    assert copy.starts_at == meetings[0].starts_at
    assert copy.signups.count() == 0
    assert list(copy.organisers.all()) == [organiser]


def test_duplicating_twice_on_the_same_day_gives_unique_addresses():
    organiser = UserFactory()
    course = CourseFactory(slug="kursus", organisers=[organiser])
    day = timezone.localdate() + timedelta(days=40)

    first = services.duplicate_course(course, by=organiser, first_day=day)
    second = services.duplicate_course(first, by=organiser, first_day=day)

    assert first.slug == f"kursus-{day:%Y-%m-%d}"
    assert second.slug == f"kursus-{day:%Y-%m-%d}-2"


def test_only_organisers_duplicate():
    with pytest.raises(services.CourseError, match="arrangører"):
        services.duplicate_course(
            CourseFactory(), by=UserFactory(), first_day=timezone.localdate() + timedelta(days=3)
        )


@pytest.mark.parametrize(
    ("recipients", "expected"),
    [
        (MessageRecipients.CONFIRMED, {"bekraeftet"}),
        (MessageRecipients.CONFIRMED_AND_WAITING, {"bekraeftet", "venter"}),
    ],
    ids=["confirmed", "and-waiting"],
)
def test_message_participants_sends_each_their_own_email(
    django_capture_on_commit_callbacks, recipients, expected
):
    organiser = UserFactory(full_name="Birgitte Lind", email="birgitte@example.org")
    course = CourseFactory(capacity=1, organisers=[organiser])
    SignupFactory(course=course, user=UserFactory(email="bekraeftet@example.org"))
    waitlist(course, [UserFactory(email="venter@example.org")])
    SignupFactory(course=course, user=UserFactory(email="afmeldt@example.org"), status="cancelled")

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.message_participants(
            course,
            by=organiser,
            subject="Husk madpakke",
            body="Vi spiser sammen kl. 18.",
            recipients=recipients,
        )

    assert {m.to[0].split("@")[0] for m in mail.outbox} == expected
    assert all(len(m.to) == 1 for m in mail.outbox)
    message = mail.outbox[0]
    assert message.subject == f"Husk madpakke – {course.title}"
    assert "Vi spiser sammen kl. 18." in message.body
    assert "Birgitte Lind" in message.body
    assert message.reply_to == ["birgitte@example.org"]
    assert CourseMessage.objects.get() == sent
    assert sent.recipient_count == len(expected)


def test_message_with_nobody_to_write_to_is_refused():
    organiser = UserFactory()

    with pytest.raises(services.CourseError, match="ingen at skrive til"):
        services.message_participants(
            CourseFactory(organisers=[organiser]),
            by=organiser,
            subject="Hej",
            body="Hej",
            recipients=MessageRecipients.CONFIRMED,
        )


def test_reminders_go_once_to_confirmed_participants_of_courses_starting_soon(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    soon = CourseFactory(
        title="Snart", meetings=[(now + timedelta(days=1), now + timedelta(days=1, hours=3))]
    )
    later = CourseFactory(
        title="Senere", meetings=[(now + timedelta(days=5), now + timedelta(days=5, hours=3))]
    )
    confirmed = SignupFactory(course=soon, needs="Glutenfri kost")
    waitlist(soon, [UserFactory()])
    SignupFactory(course=later)
    cancelled = CourseFactory(
        status=CourseStatus.CANCELLED,
        meetings=[(now + timedelta(hours=5), now + timedelta(hours=8))],
    )
    SignupFactory(course=cancelled)

    with django_capture_on_commit_callbacks(execute=True):
        first_run = services.send_course_reminders(days=2, now=now)
        second_run = services.send_course_reminders(days=2, now=now)

    assert (first_run, second_run) == (1, 0)
    (message,) = mail.outbox
    assert message.to == [confirmed.user.email]
    assert message.subject == "Påmindelse: Snart"
    assert "Glutenfri kost" in message.body
    assert "Kalundborg Rådhus" in message.body
    assert message.attachments[0][0].endswith(".ics")
    confirmed.refresh_from_db()
    assert confirmed.reminder_sent_at == now


def _held_course(meetings: int, percent: int):
    organiser = UserFactory()
    start = timezone.localdate() - timedelta(days=7 * meetings)
    course = CourseFactory(
        meetings=meetings,
        meetings__first_day=start,
        min_attendance_percent=percent,
        organisers=[organiser],
    )
    return course, organiser


def test_mark_attendance_records_and_overwrites_marks():
    course, organiser = _held_course(1, 100)
    meeting = course.meetings.get()
    a, b = SignupFactory(course=course), SignupFactory(course=course)

    services.mark_attendance(meeting, {a.pk: True, b.pk: False}, by=organiser)
    services.mark_attendance(meeting, {b.pk: True}, by=organiser)

    marks = dict(Attendance.objects.values_list("signup_id", "present"))
    assert marks == {a.pk: True, b.pk: True}
    assert Attendance.objects.get(signup=b).marked_by == organiser


@pytest.mark.parametrize(
    ("arrange", "message"),
    [
        ("not-confirmed", "tilmeldte deltagere"),
        ("future", "fra dagen for kursusgangen"),
        ("cancelled-meeting", "er aflyst"),
        ("not-organiser", "arrangører"),
    ],
)
def test_mark_attendance_refusals(arrange, message):
    course, organiser = _held_course(1, 100)
    meeting = course.meetings.get()
    signup = SignupFactory(course=course)
    by = organiser
    if arrange == "not-confirmed":
        signup.status = SignupStatus.WAITLISTED
        signup.save()
    elif arrange == "future":
        meeting.starts_at += timedelta(days=30)
        meeting.ends_at += timedelta(days=30)
        meeting.save()
    elif arrange == "cancelled-meeting":
        meeting.cancelled_at = timezone.now()
        meeting.save()
    else:
        by = UserFactory()

    with pytest.raises(services.CourseError, match=message):
        services.mark_attendance(meeting, {signup.pk: True}, by=by)

    assert Attendance.objects.count() == 0


@pytest.mark.parametrize(
    ("percent", "attended", "completed"),
    [
        (100, 3, True),
        (100, 2, False),
        (66, 2, True),
        (67, 2, False),
        (50, 2, True),
        (0, 0, True),
    ],
    ids=["all-of-all", "2-of-3-at-100", "2-of-3-at-66", "2-of-3-at-67", "2-of-3-at-50", "0%"],
)
def test_completion_is_attendance_share_at_least_the_minimum(percent, attended, completed):
    course, organiser = _held_course(3, percent)
    meetings = list(course.meetings.order_by("starts_at"))
    signup = SignupFactory(course=course)
    services.mark_attendance(meetings[0], {signup.pk: attended >= 1}, by=organiser)
    services.mark_attendance(meetings[1], {signup.pk: attended >= 2}, by=organiser)
    services.mark_attendance(meetings[2], {signup.pk: attended >= 3}, by=organiser)

    done = list(queries.completed_signups(course))

    assert [s.pk for s in done] == ([signup.pk] if completed else [])


def test_completion_ignores_cancelled_meetings_and_unconfirmed_people():
    course, organiser = _held_course(3, 100)
    first, second, third = course.meetings.order_by("starts_at")
    present = SignupFactory(course=course)
    services.mark_attendance(first, {present.pk: True}, by=organiser)
    services.mark_attendance(second, {present.pk: True}, by=organiser)
    Meeting.objects.filter(pk=third.pk).update(cancelled_at=timezone.now())
    SignupFactory(course=course, status=SignupStatus.CANCELLED)

    assert [s.pk for s in queries.completed_signups(course)] == [present.pk]
    assert queries.completed_signups(course).get().attended == 2


def test_course_without_meetings_has_no_completions():
    course = CourseFactory(meetings=0)
    SignupFactory(course=course)

    assert list(queries.completed_signups(course)) == []


def test_save_course_routes_capacity_and_cancellation_through_the_services(course_admin):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    (waiting,) = waitlist(course, [UserFactory()])
    edited = Course.objects.get(pk=course.pk)
    edited.title = "Nyt navn"
    edited.capacity = 2  # what the admin form put on the instance

    services.save_course(
        edited, by=course_admin, save=edited.save, capacity=2, status=CourseStatus.PUBLISHED
    )

    waiting.refresh_from_db()
    course.refresh_from_db()
    assert (course.title, course.capacity) == ("Nyt navn", 2)
    assert waiting.status == SignupStatus.CONFIRMED
