"""Check-in is logged on the course's history like every other change to a signup (issue 19):
one entry per check-in action, a whole meeting marked present is one entry naming the count,
and the entries keep ids only."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses import services
from courses.models import Signup
from tests.courses.factories import CourseFactory, SignupFactory, local
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    today = timezone.localdate()
    return CourseFactory(
        organisers=[UserFactory()],
        meetings=[
            (local(today, 17), local(today, 20)),
            (local(today + timedelta(days=7), 17), local(today + timedelta(days=7), 20)),
        ],
    )


def _today(course):
    return course.meetings.order_by("starts_at").first()


def _signup_entries():
    return ModelLogEntry.objects.filter(content_type__model=Signup._meta.model_name)


def test_a_check_in_is_one_entry_on_the_course_with_ids_only(course, client):
    organiser = course.organisers.get()
    signup = SignupFactory(course=course)
    meeting = _today(course)

    assert services.check_in(signup, meeting, by=organiser) is True
    assert services.check_in(signup, meeting, by=organiser) is False  # nothing changed

    (entry,) = ModelLogEntry.objects.for_instance(course)
    assert (entry.action, entry.user_id) == ("frivilligloeft.courses.checked_in", organiser.pk)
    assert entry.data == {
        "signup": signup.pk,
        "user": signup.user_id,
        "status": "confirmed",
        "meeting": meeting.pk,
    }
    assert not _signup_entries().exists()

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("wagtailsnippets_courses_course:history", args=[course.pk]))
    assert response.status_code == 200
    assert "Tjekket ind" in response.content.decode()


def test_a_refused_check_in_writes_no_entry(course):
    signup = SignupFactory(course=course)

    with pytest.raises(services.CourseError):
        services.check_in(signup, _today(course), by=UserFactory())

    assert not ModelLogEntry.objects.for_instance(course).exists()
    assert not _signup_entries().exists()


def test_all_present_is_one_entry_naming_the_count(course):
    for _ in range(3):
        SignupFactory(course=course)

    assert services.mark_all_present(_today(course), by=course.organisers.get()) == 3

    (entry,) = ModelLogEntry.objects.for_instance(course)
    assert entry.action == "frivilligloeft.courses.attendance_marked"
    assert entry.data == {"meeting": _today(course).pk, "present": 3, "absent": 0}
    assert not _signup_entries().exists()
