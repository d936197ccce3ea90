"""sign_up writes the participant's email in its transaction but renders it after the commit,
outside the course's row lock (issue 17: rendering was ~40 % of the time the lock was held)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core import outbox
from core.models import EmailStatus, OutgoingEmail
from courses import services
from courses.models import SignupStatus
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_confirmation_is_stored_unrendered_and_rendered_after_the_commit(
    django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    start = timezone.now() + timedelta(days=7)
    course = CourseFactory(capacity=2, meetings=[(start, start + timedelta(hours=2))])
    person = UserFactory(preferred_language="da")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        signup = services.sign_up(course, person)
    stored = OutgoingEmail.objects.get(about=f"courses.signup:{signup.pk}")
    assert stored.to == [person.email]
    assert stored.kind == "emails/courses/signup_confirmed"
    assert stored.status == EmailStatus.PENDING
    assert stored.render_later["arguments"] == {
        "signup_id": signup.pk,
        "template": "signup_confirmed",
        "attach_calendar": True,
        "how": "signup",
    }
    assert stored.body == ""

    for callback in callbacks:
        callback()

    stored.refresh_from_db()
    assert stored.render_later == {}
    assert stored.subject == f"Du har en plads: {course.title}"
    assert stored.attachments[0]["filename"] == f"{course.slug}.ics"
    assert [m.subject for m in mail.outbox] == [stored.subject]


def test_a_waitlisted_signup_gets_its_position(django_capture_on_commit_callbacks):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course, status=SignupStatus.CONFIRMED)
    person = UserFactory(preferred_language="da")

    with django_capture_on_commit_callbacks(execute=True):
        signup = services.sign_up(course, person)

    assert signup.status == SignupStatus.WAITLISTED
    assert "nummer 1 på ventelisten" in mail.outbox[-1].body


def test_a_confirmation_whose_rendering_never_happened_is_sent_by_cron(
    django_capture_on_commit_callbacks,
):
    """The web process stopped right after the commit: send_pending_email renders and sends
    it, so a signup never goes without its confirmation."""
    course = CourseFactory(capacity=2)
    person = UserFactory(preferred_language="en")

    with django_capture_on_commit_callbacks(execute=False):
        services.sign_up(course, person)
    assert mail.outbox == []

    assert outbox.send_due_emails().sent == 1
    assert mail.outbox[0].to == [person.email]
    assert mail.outbox[0].subject == f"You have a seat: {course.title}"
