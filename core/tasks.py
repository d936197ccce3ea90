"""Background tasks shared by every app, run through Django's django.tasks API."""

import base64
import logging

from django.tasks import task

from core import outbox

logger = logging.getLogger(__name__)


@task()
def deliver_email(email_id: int) -> None:
    """Send one outbox row if it is still due (core.outbox.deliver). A failure is recorded on
    the row and retried there; the task itself never fails, so the worker keeps no stale
    FAILED tasks around."""
    outbox.deliver(email_id)


@task()
def send_email(message: dict) -> None:
    """Tasks queued before the outbox existed (a rolling deploy): store the message in the
    outbox, which sends it."""
    from core.email import Attachment, queue_rendered_email

    queue_rendered_email(
        to=message["to"],
        subject=message["subject"],
        body=message["body"],
        html=message.get("html", ""),
        reply_to=message.get("reply_to") or None,
        headers=message.get("headers") or None,
        attachments=tuple(
            Attachment(a["filename"], base64.b64decode(a["content"]), a["mimetype"])
            for a in message.get("attachments", [])
        ),
    )
