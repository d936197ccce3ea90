"""Rendering emails in the recipient's language and sending them after the transaction commits.

Every app sends mail through `queue_email`: the message is rendered now (inside
`translation.override(language)`), then handed to the `core.tasks.send_email` task once the
surrounding transaction has committed. A failing mail server can therefore never roll back or
lose the change that caused the email.
"""

import base64
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from core.tasks import send_email

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


def render_email(template_prefix: str, context: dict, language: str) -> dict:
    """Render templates/<prefix>_subject.txt, .txt and (if present) .html in `language`."""
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    with translation.override(language):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body = render_to_string(f"{template_prefix}.txt", context)
        try:
            html = render_to_string(f"{template_prefix}.html", context)
        except TemplateDoesNotExist:  # the HTML part is optional
            html = ""
    return {"subject": " ".join(subject.split()), "body": body, "html": html}


def queue_email(
    to: str | list[str],
    template_prefix: str,
    context: dict,
    language: str,
    attachments: tuple[Attachment, ...] = (),
    reply_to: list[str] | None = None,
) -> None:
    """Render an email now and send it in the background after the current transaction."""
    message = render_email(template_prefix, context, language)
    queue_rendered_email(
        to=[to] if isinstance(to, str) else list(to),
        subject=message["subject"],
        body=message["body"],
        html=message["html"],
        attachments=attachments,
        reply_to=reply_to,
    )


def queue_rendered_email(
    to: list[str],
    subject: str,
    body: str,
    html: str = "",
    attachments: tuple[Attachment, ...] = (),
    reply_to: list[str] | None = None,
    headers: dict | None = None,
) -> None:
    message = {
        "to": to,
        "subject": subject,
        "body": body,
        "html": html,
        "reply_to": reply_to or [],
        "headers": headers or {},
        "attachments": [
            {
                "filename": a.filename,
                "content": base64.b64encode(a.content).decode("ascii"),
                "mimetype": a.mimetype,
            }
            for a in attachments
        ],
    }

    def enqueue():
        try:
            send_email.enqueue(message)
        except Exception:
            # The change that caused this email is committed; losing the email must not
            # turn into an error page for the person who made the change.
            logger.exception("Could not queue email %r to %s", subject, to)

    transaction.on_commit(enqueue)
