"""Sending the email outbox: claim a due row, send it, record the outcome, retry with backoff.

Guarantees:
- A row is claimed with one conditional UPDATE (due, and pending or with a lapsed claim), so two
  senders — the task worker and `manage.py send_pending_email` from cron, or two workers — never
  send the same row at the same time. A sent row is never sent again.
- The only window for a repeat is a sender dying after the mail server accepted a message and
  before the row was marked sent; the claim then lapses (`CLAIM_MINUTES`) and the row is tried
  again with the same Message-ID, which mail clients use to recognise the repeat.
- A temporary failure (server unreachable, 4xx) is retried after 1, 5, 15 and 60 minutes, then
  every 4 hours, until `GIVE_UP_AFTER` has passed since the email was queued; after that last
  try the row is FAILED. A permanent refusal (5xx for every recipient) fails it at once.
  Staff see failed and waiting emails in the admin and can send one again (`resend`).
- After a row is sent, `email_sent` is sent (outside the sender's transaction) so an app can
  act on delivery — courses starts a seat offer's deadline then.
"""

import base64
import logging
import smtplib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.tasks import default_task_backend
from django.utils import timezone

from core.models import EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)

RETRY_DELAYS = [timedelta(minutes=m) for m in (1, 5, 15, 60)]
LATER_RETRY_DELAY = timedelta(hours=4)
GIVE_UP_AFTER = timedelta(days=2)
CLAIM_MINUTES = 10
BATCH_SIZE = 200

# Sent after a row was marked SENT, with `email` (the OutgoingEmail).
email_sent = Signal()


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self):
        return f"{self.sent} sent, {self.retrying} to retry, {self.failed} failed"


def next_attempt_after(email: OutgoingEmail, now: datetime) -> datetime | None:
    """When to try `email` again after its `attempts`-th try failed at `now`; None: give up."""
    tries = email.attempts
    delay = RETRY_DELAYS[tries - 1] if 0 < tries <= len(RETRY_DELAYS) else LATER_RETRY_DELAY
    deadline = email.queued_at + GIVE_UP_AFTER
    if now >= deadline:
        return None
    # One last try exactly when the window closes, however the delays fall.
    return min(now + delay, deadline)


def due_emails(now: datetime):
    return OutgoingEmail.objects.filter(
        Q(status=EmailStatus.PENDING) | Q(status=EmailStatus.SENDING),
        next_attempt_at__lte=now,
    )


def _claim(pk: int, now: datetime) -> OutgoingEmail | None:
    claimed = (
        due_emails(now)
        .filter(pk=pk)
        .update(
            status=EmailStatus.SENDING,
            next_attempt_at=now + timedelta(minutes=CLAIM_MINUTES),
            last_attempt_at=now,
            attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        return None
    return OutgoingEmail.objects.get(pk=pk)


def build_message(email: OutgoingEmail) -> EmailMultiAlternatives:
    headers = {**email.headers, "Message-ID": email.message_id}
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        to=email.to,
        reply_to=email.reply_to or None,
        headers=headers,
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    for attachment in email.attachments:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    return message


class NotRendered(Exception):
    """A row stored to be rendered later could not be rendered (recorded on the row)."""


def _is_permanent(error: Exception) -> bool:
    """A refusal that the same message will meet again (5xx), as opposed to a server that is
    down or busy (connection errors, timeouts, 4xx)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(error, smtplib.SMTPDataError):  # the message itself (size, content)
        return error.smtp_code >= 500
    # Everything else — connection and greeting errors, our login or sender address refused —
    # is about the server or our configuration, and worth trying again once that is fixed.
    return False


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:2000]


def _record_failure(email: OutgoingEmail, error: Exception, now: datetime) -> str:
    if isinstance(error, NotRendered):
        logger.error("Email %s (%s) could not be rendered: %s", email.pk, email.kind, error)
        return EmailStatus.FAILED  # render_stored has recorded it
    retry_at = None if _is_permanent(error) else next_attempt_after(email, now)
    status = EmailStatus.PENDING if retry_at else EmailStatus.FAILED
    OutgoingEmail.objects.filter(pk=email.pk, status=EmailStatus.SENDING).update(
        status=status, next_attempt_at=retry_at, last_error=_describe(error)
    )
    if retry_at:
        logger.warning(
            "Email %s (%s) not sent on try %d, retrying at %s: %s",
            email.pk,
            email.kind,
            email.attempts,
            retry_at.isoformat(),
            _describe(error),
        )
        _schedule(email.pk, retry_at)
    else:
        logger.error(
            "Email %s (%s) failed for good after %d tries: %s",
            email.pk,
            email.kind,
            email.attempts,
            _describe(error),
        )
    return status


def _record_sent(email: OutgoingEmail, now: datetime) -> None:
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=EmailStatus.SENT, sent_at=now, next_attempt_at=None, last_error=""
    )
    email.status, email.sent_at = EmailStatus.SENT, now
    try:
        email_sent.send(sender=OutgoingEmail, email=email)
    except Exception:
        # The email is out; whatever an app does on delivery must not make it look unsent.
        logger.exception("Handling the delivery of email %s failed", email.pk)


def _send_claimed(email: OutgoingEmail, connection, now: datetime) -> None:
    if email.render_later:
        # Stored unrendered (core.email.queue_email_rendered_later): render it now, outside
        # the transaction and the lock that wrote it.
        from core.email import render_stored

        email = render_stored(email)
        if email.status == EmailStatus.FAILED:
            raise NotRendered(email.last_error)
    connection.send_messages([build_message(email)])
    _record_sent(email, now)


def send_due_emails(*, now: datetime | None = None, limit: int | None = None) -> SendReport:
    """Send every email that is due now (or was claimed by a sender that died), oldest first,
    over one connection. Returns what happened. Safe to run from several processes at once."""
    now = now or timezone.now()
    report = SendReport()
    ids = list(due_emails(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True))
    if limit is not None:
        ids = ids[:limit]
    if not ids:
        return report
    connection = mailers.default
    unreachable: Exception | None = None
    try:
        try:
            connection.open()  # one connection for the whole batch
        except Exception as error:
            unreachable = error
        for pk in ids:
            email = _claim(pk, now)
            if email is None:  # another sender took it
                continue
            if unreachable is not None:
                # The server refused the connection a moment ago: count this as a try too,
                # instead of waiting for the same timeout once per queued email.
                status = _record_failure(email, unreachable, now)
            else:
                try:
                    _send_claimed(email, connection, now)
                    report.sent += 1
                    continue
                except (OSError, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError) as e:
                    unreachable = e
                    status = _record_failure(email, e, now)
                except Exception as error:
                    status = _record_failure(email, error, now)
            if status == EmailStatus.FAILED:
                report.failed += 1
            else:
                report.retrying += 1
            report.errors.append(f"{pk}: {email.last_error or ''}")
    finally:
        try:
            connection.close()
        except Exception:
            logger.debug("Closing the mail connection failed", exc_info=True)
    return report


def deliver(pk: int, *, now: datetime | None = None) -> str | None:
    """Send one email now if it is due; the new status, or None when it was not due (already
    sent, claimed by another sender, or waiting for a later try)."""
    now = now or timezone.now()
    email = _claim(pk, now)
    if email is None:
        return None
    connection = mailers.default
    try:
        _send_claimed(email, connection, now)
        return EmailStatus.SENT
    except Exception as error:
        return _record_failure(email, error, now)
    finally:
        try:
            connection.close()
        except Exception:
            logger.debug("Closing the mail connection failed", exc_info=True)


def _schedule(pk: int, when: datetime | None = None) -> None:
    """Ask the task worker to deliver row `pk` (at `when`). Without a worker that can run
    tasks later (the immediate backend), a retry waits for `send_pending_email`."""
    from core.tasks import deliver_email

    try:
        if when is None:
            deliver_email.enqueue(pk)
        elif default_task_backend.supports_defer:
            deliver_email.using(run_after=when).enqueue(pk)
    except Exception:
        # The row is stored; cron's send_pending_email sends it even without the task.
        logger.exception("Could not hand email %s to the task worker", pk)


def schedule_after_commit(pk: int) -> None:
    transaction.on_commit(lambda: _schedule(pk), robust=True)


def resend(email: OutgoingEmail, *, now: datetime | None = None) -> OutgoingEmail:
    """Send an email again at staff's request: a failed or waiting one is tried now with a new
    retry window; a sent one is sent once more as a new row (its own Message-ID)."""
    from core.email import new_message_id

    now = now or timezone.now()
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
        if email.status == EmailStatus.SENT:
            email.pk = None
            email.message_id = new_message_id()
            email.sent_at = None
            email.last_error = ""
        elif email.status == EmailStatus.SENDING:
            return email  # a sender has it right now
        email.attempts = 0  # a new retry window, with the short delays first
        email.status = EmailStatus.PENDING
        email.queued_at = now
        email.next_attempt_at = now
        email.save()
        schedule_after_commit(email.pk)
    return email


def purge_sent_emails(*, older_than: timedelta, now: datetime | None = None) -> int:
    """Delete sent emails older than `older_than` (they hold personal data); failed ones stay
    for staff to look at until the same age."""
    now = now or timezone.now()
    deleted, _ = OutgoingEmail.objects.filter(
        status__in=[EmailStatus.SENT, EmailStatus.FAILED], created_at__lt=now - older_than
    ).delete()
    return deleted
