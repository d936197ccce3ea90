"""Mine sider and Mine kurser read the person's signups once (issue 17): the qualifications
come from the same rows as the courses panel, by the same rule as `qualifications_of`."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses import queries
from courses.models import Attendance, QualificationKind, SignupStatus
from courses.views.mine import my_signups
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def completed(kind, user, *, ended_days_ago: int, present=(True,), cancelled=()):
    """A course granting `kind` with one meeting per entry of `present` (the last one
    `ended_days_ago` days ago); the person's confirmed signup marked as given."""
    day = timezone.localdate() - timedelta(days=ended_days_ago + len(present) - 1)
    course = CourseFactory(qualification=kind, meetings=len(present), meetings__first_day=day)
    signup = SignupFactory(course=course, user=user)
    meetings = course.meetings.order_by("starts_at")
    for index, (meeting, here) in enumerate(zip(meetings, present, strict=True)):
        if index in cancelled:
            meeting.cancelled_at = timezone.now()
            meeting.save()
        Attendance.objects.create(signup=signup, meeting=meeting, present=here)
    return course


def as_tuples(qualifications):
    return [(q.kind.pk, q.obtained_on, q.valid_until, q.course.pk) for q in qualifications]


@pytest.fixture
def person():
    person = UserFactory()
    first_aid = QualificationKind.objects.create(name="Førstehjælp", validity_months=24)
    lasting = QualificationKind.objects.create(name="Bestyrelse", validity_months=None)
    short = QualificationKind.objects.create(name="Hjertestarter", validity_months=1)
    completed(first_aid, person, ended_days_ago=800)
    completed(first_aid, person, ended_days_ago=40)  # the renewal counts
    completed(first_aid, person, ended_days_ago=10, present=(False,))  # absent: nothing
    completed(lasting, person, ended_days_ago=300, present=(True, True))
    completed(lasting, person, ended_days_ago=30, present=(True, False, False))  # too little
    completed(short, person, ended_days_ago=90, present=(False, True), cancelled=(0,))
    # Not yet ended, and someone else's: nothing.
    CourseFactory(qualification=short, meetings=1)
    completed(lasting, UserFactory(), ended_days_ago=5)
    # Cancelled signup of a completed course: nothing.
    gone = completed(lasting, person, ended_days_ago=20).signups.get(user=person)
    gone.status = SignupStatus.CANCELLED
    gone.save()
    return person


def test_qualifications_from_signups_match_qualifications_of(person):
    now = timezone.now()
    expected = as_tuples(queries.qualifications_of(person, now))

    derived = as_tuples(queries.qualifications_from_signups(list(my_signups(person)), now))

    assert derived == expected
    assert len(expected) == 3


@pytest.mark.parametrize("path", ["/mine-sider/", "/mine-sider/kurser/"])
def test_the_signups_are_read_once_per_page(client, person, path):
    client.force_login(person)
    client.get(path)  # warm the session and what is cached per site
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)

    assert response.status_code == 200
    assert "Førstehjælp" in response.content.decode()
    from_signups = [q for q in captured if q["sql"].startswith('SELECT "courses_signup"."id"')]
    assert len(from_signups) == 1
