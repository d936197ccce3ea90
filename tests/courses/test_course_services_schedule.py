"""Course-wide services: cancelling a course and changing its schedule
(courses/services/courses.py).
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from courses import services
from courses.models import (
    Course,
    CourseFormat,
    CourseStatus,
    Meeting,
    SignupStatus,
)
from tests.calendars.conftest import invitations
from tests.courses.factories import CourseFactory, SignupFactory, local, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def ics_of(message) -> str:
    content = message.attachments[0][1]
    return (content if isinstance(content, str) else content.decode()).replace("\r\n ", "")


def test_cancel_course_tells_everyone_keeps_signups_and_cancels_meetings(
    course_admin, django_capture_on_commit_callbacks
):
    course = CourseFactory(capacity=1, meetings=2)
    confirmed = SignupFactory(course=course)
    (waiting,) = waitlist(course, [UserFactory(preferred_language="en")])
    SignupFactory(course=course, status=SignupStatus.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        told = services.cancel_course(course, by=course_admin, reason="Underviseren er syg.")

    course.refresh_from_db()
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert told == 2
    assert course.status == CourseStatus.CANCELLED
    assert course.cancelled_at is not None
    assert (confirmed.status, waiting.status) == (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)
    assert list(course.meetings.values_list("sequence", flat=True)) == [1, 1]
    assert course.meetings.filter(cancelled_at__isnull=True).count() == 0
    by_person = {m.to[0]: m for m in mail.outbox}
    assert by_person[confirmed.user.email].subject == f"Aflyst: {course.title}"
    assert "Underviseren er syg." in by_person[confirmed.user.email].body
    assert "STATUS:CANCELLED" in ics_of(by_person[confirmed.user.email])
    assert by_person[waiting.user.email].subject == f"Cancelled: {course.title}"
    assert by_person[waiting.user.email].attachments == []


def test_cancel_course_twice_tells_nobody_the_second_time(
    course_admin, django_capture_on_commit_callbacks
):
    course = CourseFactory()
    SignupFactory(course=course)
    services.cancel_course(course, by=course_admin)

    with django_capture_on_commit_callbacks(execute=True):
        told = services.cancel_course(course, by=course_admin)

    assert told == 0
    assert mail.outbox == []


def test_organisers_who_are_not_staff_cannot_cancel_a_course():
    organiser = UserFactory()
    course = CourseFactory(organisers=[organiser])

    with pytest.raises(services.CourseError, match="kursusadministratorer"):
        services.cancel_course(course, by=organiser)


def test_signup_is_refused_and_offers_cannot_be_accepted_on_a_cancelled_course(course_admin):
    course = CourseFactory(capacity=1)
    offer = SignupFactory(course=course, status=SignupStatus.OFFERED)
    services.cancel_course(course, by=course_admin)

    with pytest.raises(services.CourseError, match="aflyst"):
        services.sign_up(course, UserFactory())
    with pytest.raises(services.CourseError, match="gælder ikke længere"):
        services.accept_offer(offer, by=offer.user)


def test_refresh_schedule_keeps_course_dates_and_bumps_changed_meetings(
    django_capture_on_commit_callbacks,
):
    day = timezone.localdate() + timedelta(days=10)
    course = CourseFactory(
        meetings=[
            (local(day, 17), local(day, 19)),
            (local(day + timedelta(7), 17), local(day + timedelta(7), 19)),
        ]
    )
    participant = SignupFactory(course=course)
    first, second = course.meetings.order_by("starts_at")
    before = services.meeting_snapshot(course)
    Meeting.objects.filter(pk=second.pk).update(
        starts_at=local(day + timedelta(8), 18), ends_at=local(day + timedelta(8), 21)
    )

    with django_capture_on_commit_callbacks(execute=True):
        changed = services.refresh_schedule(course, before=before)

    course.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert [m.pk for m in changed] == [second.pk]
    assert (first.sequence, second.sequence) == (0, 1)
    assert course.starts_at == local(day, 17)
    assert course.ends_at == local(day + timedelta(8), 21)
    (message,) = mail.outbox
    assert message.to == [participant.user.email]
    assert message.subject == f"Ny tid eller nyt sted: {course.title}"
    assert f"UID:meeting-{second.pk}@testserver" in ics_of(message)
    assert "SEQUENCE:1" in ics_of(message)


def test_refresh_schedule_without_changes_bumps_nothing_and_sends_nothing(
    django_capture_on_commit_callbacks,
):
    course = CourseFactory(meetings=2)
    SignupFactory(course=course)
    before = services.meeting_snapshot(course)

    with django_capture_on_commit_callbacks(execute=True):
        changed = services.refresh_schedule(course, before=before)

    assert changed == []
    assert list(course.meetings.values_list("sequence", flat=True)) == [0, 0]
    assert mail.outbox == []


def invitation(message):
    """The METHOD:REQUEST calendar attached to an email."""
    (calendar,) = (calendar for method, calendar in invitations(message) if method == "REQUEST")
    return calendar


def edit_course(course_admin, course, **changes):
    """Save an edit the way the admin does: the new values are on the instance before
    save_course sees it."""
    edited = Course.objects.get(pk=course.pk)
    for name, value in changes.items():
        setattr(edited, name, value)
    return services.save_course(
        edited,
        by=course_admin,
        save=edited.save,
        capacity=edited.capacity,
        status=edited.status,
    )


def test_changing_the_course_venue_moves_every_meeting_without_a_place_of_its_own(
    course_admin, django_capture_on_commit_callbacks
):
    course = CourseFactory(meetings=4)
    participant = SignupFactory(course=course)
    waitlist(course, [UserFactory()])
    first, second, own_place, called_off = course.meetings.order_by("starts_at")
    Meeting.objects.filter(pk=own_place.pk).update(
        venue_name="Ungdomsskolen", venue_address="Skolevej 3"
    )
    Meeting.objects.filter(pk=called_off.pk).update(cancelled_at=timezone.now(), sequence=1)

    with django_capture_on_commit_callbacks(execute=True):
        edit_course(course_admin, course, venue_name="Kulturhuset", venue_address="Skolegade 2")

    sequences = dict(course.meetings.values_list("pk", "sequence"))
    assert sequences == {first.pk: 1, second.pk: 1, own_place.pk: 0, called_off.pk: 1}
    (message,) = mail.outbox
    assert message.to == [participant.user.email]
    assert message.subject == f"Ny tid eller nyt sted: {course.title}"
    events = {str(e["UID"]): e for e in invitation(message).events}
    for meeting in (first, second):
        event = events[f"meeting-{meeting.pk}@testserver"]
        assert str(event["LOCATION"]) == "Kulturhuset, Skolegade 2"
        assert event["SEQUENCE"] == 1
    assert str(events[f"meeting-{own_place.pk}@testserver"]["LOCATION"]) == (
        "Ungdomsskolen, Skolevej 3"
    )


def test_switching_the_course_online_moves_every_meeting_and_sends_the_link(
    course_admin, django_capture_on_commit_callbacks
):
    course = CourseFactory(meetings=2)
    participant = SignupFactory(course=course)

    with django_capture_on_commit_callbacks(execute=True):
        edit_course(
            course_admin,
            course,
            format=CourseFormat.ONLINE,
            online_link="https://meet.example.org/bestyrelse",
        )

    assert list(course.meetings.values_list("sequence", flat=True)) == [1, 1]
    (message,) = mail.outbox
    assert message.to == [participant.user.email]
    # The email says where as the calendar does, not the venue the course left behind.
    changed_lines = message.body.split("Ændret:")[1].split("\n\n")[0]
    assert changed_lines.count(", Online") == 2
    assert course.venue_name not in changed_lines
    events = invitation(message).events
    assert len(events) == 2
    for event in events:
        assert str(event["LOCATION"]) == "Online"
        assert "https://meet.example.org/bestyrelse" in str(event["DESCRIPTION"])
        assert event["SEQUENCE"] == 1


@pytest.mark.parametrize(
    ("start", "changes"),
    [
        ({}, {"format": CourseFormat.HYBRID, "online_link": "https://meet.example.org/a"}),
        ({}, {"venue_name": "Kulturhuset"}),
        ({}, {"venue_address": "Skolegade 2, 4400 Kalundborg"}),
        (
            {"format": CourseFormat.ONLINE, "online_link": "https://meet.example.org/a"},
            {"online_link": "https://meet.example.org/b"},
        ),
    ],
    ids=["hybrid", "venue-name", "venue-address", "online-link"],
)
def test_course_changes_that_reach_the_calendar_raise_the_sequence(
    course_admin, django_capture_on_commit_callbacks, start, changes
):
    course = CourseFactory(**start)
    SignupFactory(course=course)

    with django_capture_on_commit_callbacks(execute=True):
        edit_course(course_admin, course, **changes)

    assert course.meetings.get().sequence == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("start", "changes"),
    [
        ({}, {"description": "<p>Vi gennemgår også regnskabet.</p>"}),
        ({}, {"online_link": "https://meet.example.org/a"}),
        (
            {"format": CourseFormat.ONLINE, "online_link": "https://meet.example.org/a"},
            {"venue_name": "Kulturhuset", "venue_address": "Skolegade 2"},
        ),
    ],
    ids=["description", "link-of-an-in-person-course", "venue-of-an-online-course"],
)
def test_course_changes_that_do_not_reach_the_calendar_raise_nothing_and_tell_nobody(
    course_admin, django_capture_on_commit_callbacks, start, changes
):
    course = CourseFactory(meetings=2, **start)
    SignupFactory(course=course)

    with django_capture_on_commit_callbacks(execute=True):
        saved = edit_course(course_admin, course, **changes)

    assert all(getattr(saved, name) == value for name, value in changes.items())
    assert list(course.meetings.values_list("sequence", flat=True)) == [0, 0]
    assert mail.outbox == []


def test_meeting_snapshot_reads_the_stored_course_not_the_edited_instance():
    course = CourseFactory()
    stored = services.meeting_snapshot(course)
    course.venue_name = "Kulturhuset"  # edited in a form, not saved yet

    assert services.meeting_snapshot(course) == stored
    course.save()
    assert services.meeting_snapshot(course) != stored


def test_cancel_meeting_marks_it_cancelled_in_calendars_and_moves_the_course_dates(
    django_capture_on_commit_callbacks,
):
    organiser = UserFactory()
    course = CourseFactory(meetings=3, organisers=[organiser])
    SignupFactory(course=course)
    _first, second, third = course.meetings.order_by("starts_at")

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_meeting(third, by=organiser)

    third.refresh_from_db()
    course.refresh_from_db()
    assert third.cancelled_at is not None
    assert third.sequence == 1
    assert course.ends_at == second.ends_at
    # The meetings that take place as an invitation, the called-off one as a cancellation.
    (_, request, request_type), (_, cancel, cancel_type) = mail.outbox[0].attachments
    assert request_type == "text/calendar; charset=utf-8; method=REQUEST"
    assert cancel_type == "text/calendar; charset=utf-8; method=CANCEL"
    request, cancel = (ics.decode() if isinstance(ics, bytes) else ics for ics in (request, cancel))
    assert request.count("STATUS:CONFIRMED") == 2
    assert "STATUS:CANCELLED" not in request
    assert cancel.count("STATUS:CANCELLED") == 1
    assert f"UID:meeting-{third.pk}@testserver" in cancel
    assert "SEQUENCE:1" in cancel
