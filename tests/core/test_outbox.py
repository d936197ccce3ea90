"""The email outbox (core/email.py, core/outbox.py) against a real SMTP server (aiosmtpd) that
is down, comes back, refuses recipients — nothing lost, nothing sent twice."""

import itertools
import smtplib
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections, transaction
from django.utils import timezone

from core import outbox
from core.email import Attachment, queue_email
from core.models import EmailStatus, OutgoingEmail
from tests.core.netfaults import Sink

pytestmark = pytest.mark.django_db


def greet(to="mette@example.org", **kwargs):
    return queue_email(to, "emails/test/greeting", {"name": "Mette"}, "da", **kwargs)


def test_the_email_is_stored_in_the_changes_transaction(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = greet(about="courses.signup:7")

    stored = OutgoingEmail.objects.get(pk=email.pk)
    assert stored.status == EmailStatus.PENDING
    assert stored.to == ["mette@example.org"]
    assert stored.subject == "Velkommen, Mette"
    assert stored.about == "courses.signup:7"
    assert stored.kind == "emails/test/greeting"
    assert stored.message_id.endswith("@testserver>")
    assert len(callbacks) == 1  # handed to the worker only after the commit
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_change_leaves_no_email():
    def change_that_fails():
        with transaction.atomic():
            greet()
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        change_that_fails()

    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_server_down_loses_nothing_and_sends_once_when_back(smtp_port, start_smtp, user):
    """The outage end to end: the change commits, the email waits and is retried, and once the
    server is back it is delivered exactly once, with its attachment and Message-ID."""
    with transaction.atomic():
        user.full_name = "Ændret Navn"
        user.save()
        email = greet(
            to=user.email,
            attachments=(Attachment("kursus.ics", b"BEGIN:VCALENDAR\r\n", "text/calendar"),),
        )

    user.refresh_from_db()
    assert user.full_name == "Ændret Navn"
    email.refresh_from_db()
    assert email.status == EmailStatus.PENDING
    assert email.attempts == 1
    assert "Connection refused" in email.last_error or "ConnectionRefused" in email.last_error
    assert email.next_attempt_at - email.last_attempt_at == timedelta(minutes=1)

    # Still down a minute later: another try, the next one five minutes on.
    first_retry = email.next_attempt_at
    report = outbox.send_due_emails(now=first_retry)
    assert (report.sent, report.retrying) == (0, 1)
    email.refresh_from_db()
    assert email.attempts == 2
    assert email.next_attempt_at == first_retry + timedelta(minutes=5)

    sink = start_smtp(Sink())
    later = email.next_attempt_at
    report = outbox.send_due_emails(now=later)
    again = outbox.send_due_emails(now=later + timedelta(days=3))

    assert (report.sent, again.sent) == (1, 0)
    assert len(sink.messages) == 1
    delivered = sink.messages[0]
    assert delivered["Message-ID"] == email.message_id
    assert delivered["To"] == user.email
    assert [part.get_filename() for part in delivered.walk() if part.get_filename()] == [
        "kursus.ics"
    ]
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.sent_at == later


def test_retries_back_off_and_fail_after_two_days(smtp_port):
    email = greet()
    tries = []
    while email.status == EmailStatus.PENDING:
        outbox.send_due_emails(now=email.next_attempt_at)
        email.refresh_from_db()
        tries.append(email.last_attempt_at)

    gaps = [later - earlier for earlier, later in itertools.pairwise(tries)]
    assert gaps[:5] == [timedelta(minutes=m) for m in (1, 5, 15, 60, 240)]
    assert email.status == EmailStatus.FAILED
    assert tries[-1] == email.queued_at + outbox.GIVE_UP_AFTER
    # 0, 1, 6, 21, 81 minutes, then every 4 hours to 45 h 21 min, and the last try at 48 h.
    assert email.attempts == len(tries) == 17
    assert email.next_attempt_at is None


def test_a_refused_recipient_fails_at_once(start_smtp, django_capture_on_commit_callbacks):
    sink = start_smtp(Sink(refuse={"findes.ikke@example.org"}))

    with django_capture_on_commit_callbacks(execute=True):
        email = greet(to="findes.ikke@example.org")

    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == 1
    assert "550" in email.last_error
    assert sink.messages == []


def test_a_sender_that_died_mid_send_leaves_the_email_to_be_tried_again(start_smtp):
    sink = start_smtp(Sink())
    now = timezone.now()
    email = OutgoingEmail.objects.create(
        queued_at=now,
        to=["a@example.org"],
        subject="Hej",
        body="Tekst",
        message_id="<crashed@testserver>",
        status=EmailStatus.SENDING,
        attempts=1,
        next_attempt_at=now + timedelta(minutes=outbox.CLAIM_MINUTES),
    )

    assert outbox.send_due_emails(now=now).sent == 0  # the claim still holds
    assert outbox.send_due_emails(now=email.next_attempt_at).sent == 1
    assert len(sink.messages) == 1


def test_an_email_is_claimed_by_one_sender_only():
    now = timezone.now()
    email = OutgoingEmail.objects.create(
        queued_at=now, to=["a@example.org"], subject="Hej", body="x", message_id="<c@t>"
    )
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=now)

    assert outbox._claim(email.pk, now) is not None
    assert outbox._claim(email.pk, now) is None
    assert outbox.deliver(email.pk, now=now) is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_senders_at_once_send_every_email_exactly_once(start_smtp, settings):
    sink = start_smtp(Sink())
    now = timezone.now()
    OutgoingEmail.objects.bulk_create(
        OutgoingEmail(
            queued_at=now,
            next_attempt_at=now,
            to=[f"p{i}@example.org"],
            subject=f"Besked {i}",
            body="x",
            message_id=f"<m{i}@testserver>",
        )
        for i in range(30)
    )
    barrier = threading.Barrier(2)
    reports = []

    def sender():
        barrier.wait()
        try:
            reports.append(outbox.send_due_emails(now=now))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sum(report.sent for report in reports) == 30
    assert sorted(m["Subject"] for m in sink.messages) == sorted(f"Besked {i}" for i in range(30))
    assert OutgoingEmail.objects.filter(status=EmailStatus.SENT).count() == 30


def test_send_pending_email_sends_what_is_due_and_purges_old_ones(smtp_port, start_smtp):
    email = greet()  # refused: waiting for its next try
    old = OutgoingEmail.objects.create(
        queued_at=timezone.now(),
        to=["gammel@example.org"],
        subject="Gammel",
        body="x",
        message_id="<old@t>",
        status=EmailStatus.SENT,
    )
    OutgoingEmail.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    sink = start_smtp(Sink())

    call_command("send_pending_email", verbosity=0)

    assert len(sink.messages) == 1
    assert not OutgoingEmail.objects.filter(pk=old.pk).exists()
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT


def test_resend_a_failed_email_tries_it_again_with_a_new_window(
    smtp_port, start_smtp, django_capture_on_commit_callbacks
):
    email = greet()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=EmailStatus.FAILED, next_attempt_at=None
    )
    sink = start_smtp(Sink())

    with django_capture_on_commit_callbacks(execute=True):
        again = outbox.resend(email)

    assert again.pk == email.pk
    again.refresh_from_db()
    assert again.status == EmailStatus.SENT
    assert len(sink.messages) == 1


def test_resend_a_sent_email_sends_a_copy_with_its_own_message_id(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        email = greet()
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT

    with django_capture_on_commit_callbacks(execute=True):
        copy = outbox.resend(email)

    assert copy.pk != email.pk
    assert copy.message_id != email.message_id
    assert [m.subject for m in mail.outbox] == ["Velkommen, Mette", "Velkommen, Mette"]


def test_a_template_error_is_recorded_not_raised(caplog):
    email = queue_email("a@example.org", "emails/test/findes_ikke", {}, "da")

    assert email.status == EmailStatus.FAILED
    assert "Rendering failed" in email.last_error
    assert mail.outbox == []


def test_is_permanent_tells_refusals_from_outages():
    refused = smtplib.SMTPRecipientsRefused({"a@x.dk": (550, b"no"), "b@x.dk": (553, b"no")})
    busy = smtplib.SMTPRecipientsRefused({"a@x.dk": (450, b"try later")})

    assert outbox._is_permanent(refused) is True
    assert outbox._is_permanent(busy) is False
    assert outbox._is_permanent(smtplib.SMTPDataError(552, b"too big")) is True
    assert outbox._is_permanent(smtplib.SMTPSenderRefused(550, b"no", "noreply@x")) is False
    assert outbox._is_permanent(ConnectionRefusedError()) is False
