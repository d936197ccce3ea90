"""Rendering emails in the recipient's language and storing them in the outbox.

Every app sends mail through `queue_email`: the message is rendered now (inside
`translation.override(language)`) and stored as an `OutgoingEmail` row in the current
transaction, so the change and its email are committed together or not at all. Once the
transaction has committed, the row is handed to the task worker (`core.tasks.deliver_email`);
`manage.py send_pending_email` sends whatever is still due (cron), and core.outbox retries with
backoff. A mail server that is down never rolls back or loses the change, nor the email.

`queue_email_rendered_later` is for changes made under a lock that others wait for (a course's
signups): it stores the row in the current transaction with what a registered renderer needs
(plain ids and values), and the sender (the task worker, or cron's send_pending_email) renders
it when it sends it — outside the lock and outside the web request. The row is committed with
the change, so the email is never lost.
"""

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core import outbox
from core.email_html import render_html
from core.models import EmailStatus, OutgoingEmail
from core.prepared import PreparedInsert

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class Unsubscribe:
    """A kind of email the recipient may turn off: the one-click link (on SITE_URL, signed
    for the person and the kind) and the kind's name, shown in the footer."""

    url: str
    label: str


def email_context(context: dict, unsubscribe: Unsubscribe | None = None) -> dict:
    site_url = settings.SITE_URL.rstrip("/")
    return {
        "site_url": site_url,
        "site_host": urlsplit(site_url).hostname or site_url,
        "unsubscribe_url": unsubscribe.url if unsubscribe else "",
        "unsubscribe_label": unsubscribe.label if unsubscribe else "",
        **context,
    }


def render_email(
    template_prefix: str, context: dict, language: str, unsubscribe: Unsubscribe | None = None
) -> dict:
    """Render templates/<prefix>_subject.txt and .txt in `language`, and the HTML part: its
    own <prefix>.html if there is one, else the text in the common layout (core.email_html).
    With `unsubscribe`, both parts end with the link that turns this kind of email off."""
    context = email_context(context, unsubscribe)
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}.txt", context)
        try:
            html = render_to_string(f"{template_prefix}.html", context)
        except TemplateDoesNotExist:
            # (The layout's own footer carries the unsubscribe link.)
            html = render_html(subject=subject, body=body, language=language, context=context)
        if unsubscribe is not None:
            body = body.rstrip("\n") + "\n" + render_to_string("emails/_unsubscribe.txt", context)
    return {"subject": subject, "body": body, "html": html}


def email_headers(*, automatic: bool, unsubscribe: Unsubscribe | None) -> dict:
    """Auto-Submitted on mail the site writes by itself (RFC 3834: no vacation replies to
    it), List-Unsubscribe with one-click (RFC 8058) on mail a person may turn off."""
    headers = {}
    if automatic:
        headers["Auto-Submitted"] = "auto-generated"
    if unsubscribe is not None:
        headers["List-Unsubscribe"] = f"<{unsubscribe.url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return headers


def queue_email(
    to: str | list[str],
    template_prefix: str,
    context: dict,
    language: str,
    attachments: tuple[Attachment, ...] = (),
    reply_to: list[str] | None = None,
    *,
    about=None,
    headers: dict | None = None,
    unsubscribe: Unsubscribe | None = None,
    automatic: bool = True,
) -> OutgoingEmail:
    """Render an email now and store it for sending once the current transaction commits.

    `about`: the model instance the email is about (stored as "app.model:pk"), so an app can
    find the email again. `unsubscribe`: the email is of a kind the person may turn off
    (reminders, messages; never a confirmation). `automatic`: written by the site itself,
    not by a person (a coordinator's message to the members is not). If rendering fails (a
    template error, a value the calendar builder refuses), the change still goes through: the
    email is stored as failed with the error, for staff to see in the admin, and the error
    is logged.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    headers = {**email_headers(automatic=automatic, unsubscribe=unsubscribe), **(headers or {})}
    try:
        message = render_email(template_prefix, context, language, unsubscribe)
    except DatabaseError:
        raise  # the transaction itself is broken; the change must not commit
    except Exception as error:
        logger.exception("Could not render email %s to %s", template_prefix, recipients)
        return _store(
            to=recipients,
            subject=template_prefix,
            body="",
            kind=template_prefix,
            about=about,
            language=language,
            status=EmailStatus.FAILED,
            last_error=f"Rendering failed: {type(error).__name__}: {error}"[:2000],
        )
    return queue_rendered_email(
        to=recipients,
        subject=message["subject"],
        body=message["body"],
        html=message["html"],
        attachments=attachments,
        reply_to=reply_to,
        headers=headers,
        kind=template_prefix,
        about=about,
        language=language,
    )


def _render_fields(
    template_prefix: str,
    context: dict,
    language: str,
    attachments: tuple[Attachment, ...] = (),
    reply_to: list[str] | None = None,
    headers: dict | None = None,
    unsubscribe: Unsubscribe | None = None,
    automatic: bool = True,
) -> dict:
    """The rendered email's OutgoingEmail fields (raises what rendering raises)."""
    message = render_email(template_prefix, context, language, unsubscribe)
    return {
        "subject": message["subject"],
        "body": message["body"],
        "html": message["html"],
        "reply_to": reply_to or [],
        "headers": {
            **email_headers(automatic=automatic, unsubscribe=unsubscribe),
            **(headers or {}),
        },
        "attachments": _encoded(attachments),
    }


def _encoded(attachments: tuple[Attachment, ...]) -> list[dict]:
    return [
        {
            "filename": a.filename,
            "content": base64.b64encode(a.content).decode("ascii"),
            "mimetype": a.mimetype,
        }
        for a in attachments
    ]


@dataclass(frozen=True)
class EmailToRender:
    """What a renderer answers: queue_email's arguments, built from the stored arguments."""

    template_prefix: str
    context: dict
    language: str
    attachments: tuple[Attachment, ...] = ()
    reply_to: list[str] | None = None
    headers: dict = field(default_factory=dict)
    unsubscribe: Unsubscribe | None = None
    automatic: bool = True


# name -> function(**arguments) -> EmailToRender | None (None: nothing to send any more)
_RENDERERS: dict[str, Callable[..., EmailToRender | None]] = {}


def register_renderer(name: str, renderer: Callable[..., EmailToRender | None]) -> None:
    """Register a renderer for queue_email_rendered_later (an app does this in ready())."""
    _RENDERERS[name] = renderer


def queue_email_rendered_later(
    renderer: str, *, to: str, kind: str, language: str, about=None, **arguments
) -> OutgoingEmail:
    """Store an email in the current transaction; the sender renders it when it sends it.

    `arguments` must be JSON values (ids, not model instances): the renderer reads the data
    again when the sender runs it, after the commit (the task worker, moments later; cron's
    send_pending_email if the worker is away). Use it where rendering would otherwise happen
    while holding a lock others wait for; the row itself is written here, so the change and
    its email are still committed together or not at all.
    """
    if renderer not in _RENDERERS:
        raise LookupError(f"No email renderer {renderer!r} is registered")
    email = _store(
        to=[to],
        subject=kind,
        body="",
        kind=kind,
        about=about,
        language=language,
        render_later={"renderer": renderer, "arguments": arguments},
    )
    outbox.schedule_after_commit(email.pk)
    return email


def render_stored(email: OutgoingEmail) -> OutgoingEmail:
    """Render a row stored by queue_email_rendered_later and save the result on it.

    Rendering failures are handled as queue_email handles them: the row becomes FAILED with
    the error (for staff in the admin). A renderer answering None (say, the signup it was
    about is gone) fails the row with that reason. Returns the row as it is now."""
    spec = email.render_later
    if not spec:
        return email
    try:
        prepared = _RENDERERS[spec["renderer"]](**spec["arguments"])
        if prepared is None:
            raise LookupError("what the email was about no longer exists")
        fields = _render_fields(
            prepared.template_prefix,
            prepared.context,
            prepared.language,
            prepared.attachments,
            prepared.reply_to,
            prepared.headers,
            prepared.unsubscribe,
            prepared.automatic,
        )
        fields["language"] = prepared.language
    except DatabaseError:
        raise
    except Exception as error:
        logger.exception("Could not render email %s (%s)", email.pk, email.kind)
        fields = {
            "status": EmailStatus.FAILED,
            "next_attempt_at": None,
            "last_error": f"Rendering failed: {type(error).__name__}: {error}"[:2000],
        }
    fields["render_later"] = {}
    # Only a row that is still unrendered: a sender and the after-commit hook may race.
    updated = OutgoingEmail.objects.filter(pk=email.pk).exclude(render_later={}).update(**fields)
    if updated:
        for name, value in fields.items():
            setattr(email, name, value)
        return email
    email.refresh_from_db()
    return email


def queue_rendered_email(
    to: list[str],
    subject: str,
    body: str,
    html: str = "",
    attachments: tuple[Attachment, ...] = (),
    reply_to: list[str] | None = None,
    headers: dict | None = None,
    *,
    kind: str = "",
    about=None,
    language: str = "",
) -> OutgoingEmail:
    """Store an already rendered email; it is sent after the current transaction commits."""
    email = _store(
        to=list(to),
        subject=subject,
        body=body,
        html=html,
        reply_to=reply_to or [],
        headers=headers or {},
        attachments=_encoded(attachments),
        kind=kind,
        about=about,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
    )
    outbox.schedule_after_commit(email.pk)
    return email


def about_key(instance) -> str:
    """ "app_label.model:pk" for a model instance (what OutgoingEmail.about holds)."""
    if instance is None:
        return ""
    if isinstance(instance, str):
        return instance
    return f"{instance._meta.label_lower}:{instance.pk}"


def new_message_id() -> str:
    host = urlsplit(settings.SITE_URL).hostname or "frivilligloeft.invalid"
    return make_msgid(domain=host)


# The row's INSERT, built once per process (core.prepared): emails are stored inside the
# change's transaction, a signup's while others queue for the course's lock.
_NEW_EMAIL = PreparedInsert(OutgoingEmail)


def _store(*, about=None, status=EmailStatus.PENDING, **fields) -> OutgoingEmail:
    now = timezone.now()
    return _NEW_EMAIL.save(
        OutgoingEmail(
            about=about_key(about),
            status=status,
            queued_at=now,
            next_attempt_at=now if status == EmailStatus.PENDING else None,
            message_id=new_message_id(),
            **fields,
        )
    )
