"""The demo courses seed_demo adds."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from courses import queries
from courses.demo import PAST_RUNS
from courses.models import Course, CourseStatus, Signup, SignupStatus, WaitingListMode
from courses.services.courses import RULE_FIELDS
from courses.validators import course_errors
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db

VOLUNTEER = "frivillig@frivilligloeft.test"


@pytest.fixture
def seeded(demo_site):
    """The session's one run of seed_demo on a fresh site (tests/conftest.py)."""
    return demo_site


def counts():
    return (Topic.objects.count(), Course.objects.count(), Signup.objects.count())


def test_seed_demo_adds_topics_and_about_25_courses_and_a_second_run_adds_nothing(seeded):
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())

    assert counts() == first
    assert first[0] == 10
    # About 25 coming courses, plus a year of past runs (courses/demo_data/activity.yaml).
    assert 25 <= first[1] - len(PAST_RUNS) <= 30
    assert Topic.objects.get(slug="konflikthaandtering").name_en == "Conflict resolution"


def test_demo_courses_cover_the_cases_people_meet(seeded):
    upcoming = queries.catalogue_courses()
    full = [c for c in upcoming if c.capacity and c.seats_taken >= c.capacity and c.waiting_count]

    assert upcoming.count() >= 24
    assert len(full) >= 2
    assert Course.objects.filter(waiting_list_mode=WaitingListMode.OFFER).exists()
    assert Course.objects.filter(requires_approval=True).exists()
    assert Course.objects.filter(status=CourseStatus.CANCELLED).exists()
    assert Course.objects.filter(format="online").exists()
    assert Course.objects.filter(format="hybrid").exists()
    assert Course.objects.filter(language="en").exists()
    meeting_counts = [course.meetings.count() for course in Course.objects.all()]
    assert min(meeting_counts) >= 1
    assert max(meeting_counts) >= 3
    assert all(course.starts_at for course in Course.objects.all())


def test_the_demo_volunteer_has_a_seat_a_waiting_place_an_offer_and_a_completed_course(seeded):
    mine = {s.status: s for s in Signup.objects.filter(user__email=VOLUNTEER)}

    assert set(mine) == {SignupStatus.CONFIRMED, SignupStatus.WAITLISTED, SignupStatus.OFFERED}
    past = Course.objects.get(slug="introduktion-til-frivilligledelse")
    assert past.ends_at < timezone.now()
    assert [s.user.email for s in queries.completed_signups(past) if s.user.email == VOLUNTEER] == [
        VOLUNTEER
    ]


def test_the_demo_course_administrator_organises_some_courses(seeded):
    assert Course.objects.filter(organisers__email="kursus@frivilligloeft.test").count() >= 3


def test_demo_courses_keep_every_course_rule(seeded):
    # The rules of courses/validators.py, as an admin saving a demo course would meet them.
    broken = {}
    for course in Course.objects.exclude(status=CourseStatus.CANCELLED):
        data = {name: getattr(course, name) for name in RULE_FIELDS}
        schedule = course.meetings.filter(cancelled_at__isnull=True).values_list(
            "starts_at", "ends_at"
        )
        errors = course_errors(
            data=data, schedule=list(schedule), old_status=course.status, has_active_signups=True
        )
        if errors is not None:
            broken[course.slug] = errors.messages
    assert broken == {}
