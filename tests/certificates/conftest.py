from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import Attendance
from tests.courses.factories import CourseFactory, SignupFactory, TopicFactory


def finished_course(**kwargs):
    """A course that ended last week, two meetings, 80 % attendance required."""
    first_day = timezone.localdate() - timedelta(days=14)
    kwargs.setdefault("topics", [TopicFactory(name="Bestyrelsesarbejde", slug="bestyrelse")])
    return CourseFactory(
        meetings=2, meetings__first_day=first_day, min_attendance_percent=80, **kwargs
    )


def attend(signup, present=True):
    for meeting in signup.course.meetings.all():
        Attendance.objects.create(signup=signup, meeting=meeting, present=present)
    return signup


@pytest.fixture
def course(db):
    return finished_course(title="Bestyrelsesarbejde for begyndere", price=250)


@pytest.fixture
def completed(course):
    return attend(SignupFactory(course=course, user__full_name="Birthe Østergaard"))


@pytest.fixture
def not_completed(course):
    return attend(SignupFactory(course=course), present=False)
