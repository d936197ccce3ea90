"""Courses in the Wagtail admin: edits that go through the services (capacity, cancelling,
meetings, calendars, deletion).
"""

import pytest
from django.core import mail
from wagtail.test.utils.form_data import rich_text

from courses.models import Course, CourseStatus, Signup, SignupStatus
from tests.calendars.conftest import invitations
from tests.courses.admin_helpers import (
    course_form,
    edit_url,
    meeting_row,
    stored_meeting_row,
)
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def save_in_admin(course_admin_client, django_capture_on_commit_callbacks):
    """Save the course in the admin with these fields changed, run the emails the save
    queues, and check that the admin accepted it (a redirect to the list)."""

    def save(course, **changes):
        with django_capture_on_commit_callbacks(execute=True):
            response = course_admin_client.post(edit_url(course), course_form(course, **changes))
        assert response.status_code == 302
        return response

    return save


def test_raising_capacity_in_the_admin_promotes_the_waiting_list(save_in_admin):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    first, second = waitlist(course, [UserFactory(), UserFactory()])

    save_in_admin(course, capacity="2")

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)
    assert [m.to[0] for m in mail.outbox] == [first.user.email]


def test_lowering_capacity_in_the_admin_keeps_everyone(course_admin_client):
    course = CourseFactory(capacity=5)
    SignupFactory.create_batch(4, course=course)

    course_admin_client.post(edit_url(course), course_form(course, capacity="2"))

    course.refresh_from_db()
    assert course.capacity == 2
    assert Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED).count() == 4


def test_cancelling_in_the_admin_emails_everyone(save_in_admin):
    course = CourseFactory()
    signup = SignupFactory(course=course)

    save_in_admin(course, status="cancelled", cancellation_reason="For få tilmeldte.")

    course.refresh_from_db()
    assert course.status == CourseStatus.CANCELLED
    assert course.meetings.filter(cancelled_at__isnull=True).count() == 0
    (message,) = mail.outbox
    assert message.to == [signup.user.email]
    assert "For få tilmeldte." in message.body


def test_moving_a_meeting_in_the_admin_bumps_its_sequence_and_tells_participants(save_in_admin):
    course = CourseFactory()
    SignupFactory(course=course)
    meeting = course.meetings.get()
    moved = [meeting_row(30, 19, 21) | {"id": str(meeting.pk)}]

    save_in_admin(course, meetings=moved)

    meeting.refresh_from_db()
    course.refresh_from_db()
    assert meeting.sequence == 1
    assert course.starts_at == meeting.starts_at
    assert mail.outbox[0].subject == f"Ny tid eller nyt sted: {course.title}"


def request_events(message) -> list:
    """The events of the METHOD:REQUEST calendar attached to an email, its only attachment."""
    ((method, calendar),) = invitations(message)
    assert method == "REQUEST"
    return calendar.events


def test_changing_the_course_venue_in_the_admin_moves_its_meetings_in_calendars(save_in_admin):
    course = CourseFactory(meetings=2)
    signup = SignupFactory(course=course)

    save_in_admin(course, venue_name="Kulturhuset", venue_address="Skolegade 2")

    assert list(course.meetings.values_list("sequence", flat=True)) == [1, 1]
    (message,) = mail.outbox
    assert message.to == [signup.user.email]
    assert message.subject == f"Ny tid eller nyt sted: {course.title}"
    events = request_events(message)
    assert [str(e["LOCATION"]) for e in events] == ["Kulturhuset, Skolegade 2"] * 2
    assert [e["SEQUENCE"] for e in events] == [1, 1]


def test_switching_a_course_online_in_the_admin_moves_its_meetings_in_calendars(save_in_admin):
    course = CourseFactory()
    signup = SignupFactory(course=course)

    save_in_admin(course, format="online", online_link="https://meet.example.org/kursus")

    assert course.meetings.get().sequence == 1
    (message,) = mail.outbox
    assert message.to == [signup.user.email]
    (event,) = request_events(message)
    assert str(event["LOCATION"]) == "Online"
    assert "https://meet.example.org/kursus" in str(event["DESCRIPTION"])
    assert event["SEQUENCE"] == 1


def test_editing_only_the_description_in_the_admin_tells_nobody(save_in_admin):
    course = CourseFactory()
    SignupFactory(course=course)

    save_in_admin(course, description=rich_text("<p>Nu også om regnskab.</p>"))

    course.refresh_from_db()
    assert "regnskab" in course.description
    assert course.meetings.get().sequence == 0
    assert mail.outbox == []


@pytest.mark.indexes
def test_a_cancelled_course_cannot_be_reopened(course_admin_client):
    course = CourseFactory(status=CourseStatus.CANCELLED)

    response = course_admin_client.post(edit_url(course), course_form(course, status="published"))

    assert response.status_code == 200
    assert "kan ikke genåbnes" in response.text


@pytest.mark.indexes
def test_a_course_with_signups_cannot_become_a_draft(course_admin_client):
    course = CourseFactory()
    SignupFactory(course=course)

    response = course_admin_client.post(edit_url(course), course_form(course, status="draft"))

    assert response.status_code == 200
    assert "aflys det i stedet" in response.text


@pytest.mark.indexes
def test_a_course_with_signups_cannot_be_deleted(course_admin_client):
    course = CourseFactory()
    SignupFactory(course=course)

    response = course_admin_client.post(
        f"/admin/snippets/courses/course/delete/{course.pk}/", follow=True
    )

    assert Course.objects.filter(pk=course.pk).exists()
    assert "kan ikke slettes" in response.text


@pytest.mark.indexes
def test_a_course_without_signups_can_be_deleted(course_admin_client):
    course = CourseFactory()

    course_admin_client.post(f"/admin/snippets/courses/course/delete/{course.pk}/")

    assert not Course.objects.filter(pk=course.pk).exists()


def test_adding_a_meeting_tells_participants(save_in_admin):
    course = CourseFactory()
    SignupFactory(course=course)
    existing = course.meetings.get()
    meetings = [stored_meeting_row(existing), meeting_row(40, 18, 20, title="Opfølgning")]

    save_in_admin(course, meetings=meetings)

    assert course.meetings.count() == 2
    existing.refresh_from_db()
    assert existing.sequence == 0
    (message,) = mail.outbox
    assert "Opfølgning" in message.body


@pytest.mark.indexes
def test_a_meeting_of_a_course_with_participants_cannot_be_deleted(course_admin_client):
    course = CourseFactory(meetings=2)
    SignupFactory(course=course)
    first, second = course.meetings.order_by("starts_at")
    meetings = [
        stored_meeting_row(m) | {"DELETE": "on" if m == second else ""} for m in (first, second)
    ]

    response = course_admin_client.post(edit_url(course), course_form(course, meetings=meetings))

    assert response.status_code == 200
    assert "Aflys den i stedet fra arrangørsiden" in response.text
    assert course.meetings.count() == 2
