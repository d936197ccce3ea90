"""A moved meeting's email says what the time was, not only what it is now (issue 20)."""

from datetime import timedelta

import pytest
from django.core import mail

from courses import services
from courses.templatetags.course_tags import meeting_time
from tests.courses.factories import CourseFactory, SignupFactory

pytestmark = pytest.mark.django_db


def test_schedule_change_email_shows_the_old_and_the_new_time(
    django_capture_on_commit_callbacks,
):
    course = CourseFactory()
    SignupFactory(course=course)
    meeting = course.meetings.get()
    with django_capture_on_commit_callbacks(execute=True):
        before = services.meeting_snapshot(course)
        old_time = meeting_time(meeting)
        meeting.starts_at += timedelta(days=7, hours=1)
        meeting.ends_at += timedelta(days=7, hours=1)
        meeting.save()
        services.refresh_schedule(course, before=before)
    meeting.refresh_from_db()

    (message,) = mail.outbox
    assert f"- {meeting_time(meeting)} (var {old_time})" in message.body


def test_a_changed_place_alone_shows_no_old_time(django_capture_on_commit_callbacks):
    course = CourseFactory()
    SignupFactory(course=course)
    meeting = course.meetings.get()
    with django_capture_on_commit_callbacks(execute=True):
        before = services.meeting_snapshot(course)
        meeting.venue_name = "Høng Bibliotek"
        meeting.save()
        services.refresh_schedule(course, before=before)

    (message,) = mail.outbox
    assert "(var " not in message.body
    assert "Høng Bibliotek" in message.body
