"""Background tasks shared by every app, run through Django's django.tasks API."""

import base64
import logging

from django.core.mail import EmailMultiAlternatives
from django.tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email(message: dict) -> None:
    """Send one email that was rendered before it was queued (see core.email.queue_email).

    `message` holds only JSON-serialisable values so that every task backend can store it.
    """
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        to=message["to"],
        reply_to=message.get("reply_to") or None,
        headers=message.get("headers") or None,
    )
    if message.get("html"):
        email.attach_alternative(message["html"], "text/html")
    for attachment in message.get("attachments", []):
        email.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    email.send()
