"""Course emails carry iTIP invitations: METHOD:REQUEST on a seat, METHOD:CANCEL when the
person leaves or the course is called off — same UID, higher SEQUENCE."""

import pytest
from django.core import mail

from accounts.roles import Role
from courses import services
from courses.models import SignupStatus
from tests.calendars.conftest import invitations
from tests.courses.factories import CourseFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def sign_up(course, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.sign_up(course, user)


def test_signup_confirmation_is_an_invitation_with_organizer_and_attendee(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(full_name="Mette Hansen", email="mette@example.org")
    course = CourseFactory(
        contact_name="Frivilligcentret", contact_email="kurser@example.org", meetings=2
    )

    sign_up(course, user, django_capture_on_commit_callbacks)

    ((method, calendar),) = invitations(mail.outbox[0])
    assert method == "REQUEST"
    uids = {f"meeting-{m.pk}@testserver" for m in course.meetings.all()}
    assert {str(e["UID"]) for e in calendar.events} == uids
    for event in calendar.events:
        assert str(event["ORGANIZER"]) == "mailto:kurser@example.org"
        assert event["ORGANIZER"].params["CN"] == "Frivilligcentret"
        assert str(event["ATTENDEE"]) == "mailto:mette@example.org"
        assert event["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"
        assert event["SEQUENCE"] == 0
        assert str(event["STATUS"]) == "CONFIRMED"


def test_organizer_falls_back_to_the_sites_sender_address(django_capture_on_commit_callbacks):
    course = CourseFactory(contact_email="")

    sign_up(course, UserFactory(), django_capture_on_commit_callbacks)

    ((_method, calendar),) = invitations(mail.outbox[0])
    (event,) = calendar.events
    assert str(event["ORGANIZER"]) == "mailto:noreply@frivilligloeft.dk"


def test_cancelling_my_signup_sends_a_cancel_with_the_same_uid_and_a_higher_sequence(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    course = CourseFactory()
    signup = sign_up(course, user, django_capture_on_commit_callbacks)
    ((_, invitation),) = invitations(mail.outbox[0])

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_signup(signup, by=user)

    ((method, cancellation),) = invitations(mail.outbox[1])
    (request_event,) = invitation.events
    (cancel_event,) = cancellation.events
    assert method == "CANCEL"
    assert cancel_event["UID"] == request_event["UID"]
    assert cancel_event["SEQUENCE"] > request_event["SEQUENCE"]
    assert str(cancel_event["STATUS"]) == "CANCELLED"


def test_signing_up_again_outranks_the_earlier_cancellation(django_capture_on_commit_callbacks):
    user = UserFactory()
    course = CourseFactory()
    signup = sign_up(course, user, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_signup(signup, by=user)

    sign_up(course, user, django_capture_on_commit_callbacks)

    sequences = [
        (method, calendar.events[0]["SEQUENCE"])
        for message in mail.outbox
        for method, calendar in invitations(message)
    ]
    assert sequences == [("REQUEST", 0), ("CANCEL", 1), ("REQUEST", 2)]


def test_leaving_the_waiting_list_sends_no_calendar(django_capture_on_commit_callbacks):
    course = CourseFactory(capacity=1)
    (waiting,) = waitlist(course, [UserFactory()])

    with django_capture_on_commit_callbacks(execute=True):
        waiting = services.cancel_signup(waiting, by=waiting.user)

    assert waiting.status == SignupStatus.CANCELLED
    assert mail.outbox[0].attachments == []


def test_cancelling_the_course_sends_a_cancel_with_a_higher_sequence(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    course = CourseFactory(meetings=2)
    sign_up(course, user, django_capture_on_commit_callbacks)
    admin = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_course(course, by=admin, reason="Sygdom")

    ((_, invitation),) = invitations(mail.outbox[0])
    ((method, cancellation),) = invitations(mail.outbox[1])
    assert method == "CANCEL"
    before = {str(e["UID"]): e["SEQUENCE"] for e in invitation.events}
    after = {str(e["UID"]): e["SEQUENCE"] for e in cancellation.events}
    assert before.keys() == after.keys()
    assert all(after[uid] > before[uid] for uid in before)
    assert {str(e["STATUS"]) for e in cancellation.events} == {"CANCELLED"}
