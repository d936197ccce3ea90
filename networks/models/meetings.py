"""A network's meetings and the members' answers (RSVP)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import local_date
from core.models import SingleLineField, Timestamped, done_by
from networks.models.networks import Network


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CANCELLED = "cancelled", _("Cancelled")


class NetworkMeeting(Timestamped):
    """One meeting of a network. Place and online link are shown to members only."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = SingleLineField(_("title"), max_length=150)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place_name = SingleLineField(_("place"), max_length=150, blank=True)
    place_address = SingleLineField(_("address"), max_length=250, blank=True)
    online_link = models.URLField(
        _("online link"), blank=True, help_text=_("For online or hybrid meetings.")
    )
    agenda = models.TextField(
        _("agenda"), blank=True, max_length=5000, help_text=_("Shown to everyone.")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("How many can come. Leave empty for no limit."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancellation_reason = models.TextField(_("reason for cancellation"), blank=True)
    notes = models.TextField(
        _("notes"),
        blank=True,
        max_length=20000,
        help_text=_("Notes or minutes from the meeting. Shown to members only."),
    )
    notes_updated_at = models.DateTimeField(_("notes updated"), null=True, blank=True)
    # iCalendar SEQUENCE: raised whenever time, place or status changes, so subscribed
    # calendars replace their copy.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created_by = done_by(_("planned by"))

    class Meta:
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["network", "starts_at"], name="networks_meeting_net_start"),
            models.Index(fields=["status", "starts_at"], name="networks_meeting_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="networks_meeting_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="networks_meeting_capacity_positive",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({local_date(self.starts_at, 'SHORT_DATE_FORMAT')})"

    def get_absolute_url(self):
        return reverse(
            "networks:meeting", kwargs={"slug": self.network.slug, "meeting_id": self.pk}
        )

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def is_online(self) -> bool:
        return bool(self.online_link) and not self.place_name


class RsvpAnswer(models.TextChoices):
    YES = "yes", _("Coming")
    NO = "no", _("Not coming")
    MAYBE = "maybe", _("Maybe")


class Rsvp(Timestamped):
    """A member's answer to a meeting invitation: kommer, kommer ikke or måske."""

    meeting = models.ForeignKey(
        NetworkMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="rsvps"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="network_rsvps",
    )
    answer = models.CharField(_("answer"), max_length=8, choices=RsvpAnswer.choices)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["meeting", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="networks_one_rsvp_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.meeting}: {self.get_answer_display()}"
