"""Sparring requests to the volunteer consultants and their replies."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import SingleLineField, done_by, linked_association_field
from taxonomy.models import Topic


class SparringStatus(models.TextChoices):
    NEW = "new", _("New")
    ASSIGNED = "assigned", _("Assigned to a consultant")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


OPEN_SPARRING_STATUSES = (SparringStatus.NEW, SparringStatus.ASSIGNED, SparringStatus.ANSWERED)


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("By email")
    PHONE = "phone", _("By phone")
    MEETING = "meeting", _("At a meeting")


class SparringRequest(models.Model):
    """A volunteer leader or a board asks the municipality's volunteer consultants for sparring."""

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="sparring_requests",
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sparring_requests",
    )
    subject = SingleLineField(_("subject"), max_length=150)
    description = models.TextField(_("what would you like sparring on?"), max_length=3000)
    association = SingleLineField(
        _("association or board"),
        max_length=150,
        blank=True,
        help_text=_("Who you ask on behalf of, if any."),
    )
    linked_association_id = linked_association_field()
    contact_method = models.CharField(
        _("how would you like to be contacted?"),
        max_length=16,
        choices=ContactMethod.choices,
        default=ContactMethod.EMAIL,
    )
    phone = models.CharField(
        _("phone number"),
        max_length=30,
        blank=True,
        help_text=_("Only if you would like a call."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SparringStatus.choices, default=SparringStatus.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consultant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_sparring_requests",
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("sparring request")
        verbose_name_plural = _("sparring requests")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="networks_sparring_status"),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("my_networks:sparring", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_SPARRING_STATUSES


class SparringReply(models.Model):
    """One message in a sparring conversation: from a consultant, or from the requester."""

    request = models.ForeignKey(
        SparringRequest,
        verbose_name=_("sparring request"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = done_by(_("written by"), blank=False)
    from_staff = models.BooleanField(_("from a consultant"), default=False)
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("sparring reply")
        verbose_name_plural = _("sparring replies")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request}: {self.body[:40]}"
