"""A seat offer's hours count from when its email left (courses.services.offers with the
outbox): a mail outage never lets an offer run out before the person was told."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core import outbox
from core.models import EmailStatus, OutgoingEmail
from courses import services
from courses.models import SignupStatus, WaitingListMode
from tests.core.netfaults import Sink
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def offer_course(django_capture_on_commit_callbacks, now):
    course = CourseFactory(
        capacity=1,
        waiting_list_mode=WaitingListMode.OFFER,
        offer_hours=24,
        meetings=[(now + timedelta(days=20), now + timedelta(days=20, hours=3))],
    )
    leaver = SignupFactory(course=course)
    (waiting,) = waitlist(course, [UserFactory()])
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_signup(leaver, by=leaver.user, now=now)
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.OFFERED
    return waiting


def offer_email(signup):
    return OutgoingEmail.objects.get(
        kind="emails/courses/seat_offered", about=f"courses.signup:{signup.pk}"
    )


def test_an_offer_whose_email_waits_in_the_outbox_never_expires(
    smtp_port, django_capture_on_commit_callbacks
):
    now = timezone.now()
    offered = offer_course(django_capture_on_commit_callbacks, now)
    assert offer_email(offered).status == EmailStatus.PENDING  # the mail server is down

    expired = services.expire_offers(now=now + timedelta(hours=30))

    offered.refresh_from_db()
    assert expired == 0
    assert offered.status == SignupStatus.OFFERED


def test_the_offer_hours_start_when_the_email_is_finally_sent(
    smtp_port, start_smtp, django_capture_on_commit_callbacks
):
    now = timezone.now()
    offered = offer_course(django_capture_on_commit_callbacks, now)
    sink = start_smtp(Sink())
    sent_at = now + timedelta(hours=26)

    report = outbox.send_due_emails(now=sent_at)

    offered.refresh_from_db()
    assert report.sent == 2  # the leaver's confirmation and the offer
    assert sum(m["Subject"].startswith("Der er en ledig plads") for m in sink.messages) == 1
    assert offered.offer_expires_at == sent_at + timedelta(hours=24)
    assert services.expire_offers(now=sent_at + timedelta(hours=23)) == 0
    assert services.expire_offers(now=sent_at + timedelta(hours=24)) == 1


def test_a_prompt_email_leaves_the_deadline_alone(django_capture_on_commit_callbacks):
    now = timezone.now()

    offered = offer_course(django_capture_on_commit_callbacks, now)

    assert offer_email(offered).status == EmailStatus.SENT
    assert offered.offer_expires_at == now + timedelta(hours=24)


def test_the_clock_never_runs_past_the_signup_deadline(
    smtp_port, start_smtp, django_capture_on_commit_callbacks
):
    now = timezone.now()
    offered = offer_course(django_capture_on_commit_callbacks, now)
    deadline = now + timedelta(hours=30)
    offered.course.__class__.objects.filter(pk=offered.course_id).update(signup_deadline=deadline)
    start_smtp(Sink())

    outbox.send_due_emails(now=now + timedelta(hours=20))

    offered.refresh_from_db()
    assert offered.offer_expires_at == deadline


def test_an_offer_whose_email_failed_for_good_expires_on_time(
    smtp_port, django_capture_on_commit_callbacks
):
    now = timezone.now()
    offered = offer_course(django_capture_on_commit_callbacks, now)
    OutgoingEmail.objects.filter(pk=offer_email(offered).pk).update(status=EmailStatus.FAILED)

    assert services.expire_offers(now=now + timedelta(hours=24)) == 1
