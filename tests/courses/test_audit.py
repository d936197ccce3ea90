"""Course services log who did what in Wagtail's history (issue 19); the changes to signups
are in test_audit_signups.py."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses import services
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _held_course():
    organiser = UserFactory()
    course = CourseFactory(
        meetings=1,
        meetings__first_day=timezone.localdate() - timedelta(days=7),
        organisers=[organiser],
    )
    return course, organiser


def test_marking_a_meeting_is_one_entry_on_the_course_shown_in_its_history(client):
    course, organiser = _held_course()
    meeting = course.meetings.get()
    a, b, c = (SignupFactory(course=course) for _ in range(3))
    services.mark_attendance(meeting, {a.pk: True, b.pk: True, c.pk: False}, by=organiser)
    (entry,) = ModelLogEntry.objects.for_instance(course)
    assert (entry.action, entry.user_id) == (
        "frivilligloeft.courses.attendance_marked",
        organiser.pk,
    )
    assert entry.data == {"meeting": meeting.pk, "present": 2, "absent": 1}

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("wagtailsnippets_courses_course:history", args=[course.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "2 present, 1 absent" in content or "2 til stede, 1 fraværende" in content


def test_a_refused_change_writes_no_entry():
    course, _organiser = _held_course()
    signup = SignupFactory(course=course)
    with pytest.raises(services.CourseError):
        services.mark_attendance(course.meetings.get(), {signup.pk: True}, by=UserFactory())
    with pytest.raises(services.CourseError):
        services.cancel_course(course, by=UserFactory())
    assert not ModelLogEntry.objects.for_instance(course).exists()
