"""The email outbox, and the field shapes the apps' models share (`SingleLineField`,
`Timestamped`, `optional_image`, `done_by`, `linked_association_field`).

The outbox: every email the platform sends is a row here before it is sent.

A row is written in the same transaction as the change that causes the email, so a change and
its email are committed together or not at all. core.outbox sends due rows, retries with backoff
and records the outcome; the Wagtail admin (core/wagtail_hooks.py) lists them for staff.
"""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.validators import validate_single_line


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutgoingEmail(models.Model):
    """One email, rendered in the recipient's language when it was queued.

    `about` names what the email is about ("courses.signup:42"), so an app can find its emails
    (e.g. a seat offer's deadline starts when its email has gone out). `message_id` is fixed
    when the row is written: a retry sends the same Message-ID, so a mail client that already
    has the message can recognise a repeat.
    """

    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    # Start of the retry window: the creation time, or when staff asked to send it again.
    queued_at = models.DateTimeField(_("queued"))
    kind = models.CharField(_("kind"), max_length=120, blank=True, db_index=True)
    about = models.CharField(_("about"), max_length=120, blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    to = models.JSONField(_("to"), default=list)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # [{"filename", "mimetype", "content" (base64)}]
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    # An email stored before it was rendered (core.email.queue_email_rendered_later): which
    # registered renderer builds it and with what; empty once it is rendered. The sender
    # renders it when it sends it.
    render_later = models.JSONField(_("to be rendered"), default=dict, blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # When a pending email is due; while SENDING, when the sender's claim lapses (a sender
    # that died mid-send leaves the row to be tried again after that).
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="core_email_due"),
        ]
        permissions = [("resend_outgoingemail", _("Can send an email again"))]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @admin.display(description=_("recipients"))
    def recipients_display(self) -> str:
        return ", ".join(self.to)


class SingleLineField(models.CharField):
    """A one-line text: a name, a title, a place. `validate_single_line` always applies (no
    control characters, no bidi overrides), in every ModelForm and on `full_clean()`, so no
    field can forget it. The column is a plain varchar."""

    default_validators = [validate_single_line]


def optional_image(verbose_name, **kwargs) -> models.ForeignKey:
    """An optional Wagtail image (a logo, a photo, a signature): deleting the image leaves the
    row without one."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **kwargs,
    )


def done_by(verbose_name, *, blank=True) -> models.ForeignKey:
    """The person who did something to the row (issued, revoked, decided, sent it…): the row
    stays when their account is deleted, and the user gets no reverse accessor."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=blank,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def linked_association_field() -> models.PositiveBigIntegerField:
    """The association a person chose among their own (`accounts.association_choice`), kept
    beside the name snapshot. The id, not a foreign key: courses and networks may not depend
    on associations (docs/architecture.md)."""
    return models.PositiveBigIntegerField(
        _("association on Frivilligløft"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when chosen among the person's own associations; the name is kept."),
    )


class Timestamped(models.Model):
    """When a row was created and last saved, for the models that show or sort by both."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
