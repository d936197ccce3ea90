"""Leader networks: networks, memberships, meetings with RSVP, invitations and sparring requests.

Only `networks.services` changes these rows (see docs/architecture.md); the models hold the
data and the invariants the database can enforce by itself.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.dates import local_date
from core.validators import validate_single_line
from courses.models import Audience, Topic


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Open: anyone can join")
    APPROVAL = "approval", _("By approval: a coordinator approves each request")
    INVITATION = "invitation", _("By invitation only")


class Network(index.Indexed, models.Model):
    """A network of volunteer leaders or board members who meet and learn from each other."""

    name = models.CharField(
        _("name"),
        max_length=150,
        unique=True,
        validators=[validate_single_line],
    )
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in the list of networks."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Who the network is for and what happens in it. Shown to everyone."),
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="networks", blank=True
    )
    audience = models.CharField(
        _("audience"), max_length=16, choices=Audience.choices, default=Audience.VOLUNTEER_LEADERS
    )
    join_policy = models.CharField(
        _("who can join"), max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.APPROVAL
    )
    is_listed = models.BooleanField(
        _("listed"),
        default=True,
        help_text=_(
            "Listed networks appear on the list of networks. Unlisted ones are found only "
            "through a direct link or an invitation."
        ),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Where questions about the network go. Replies to network emails go here."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.FilterField("is_listed"),
    ]

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("networks:detail", kwargs={"slug": self.slug})


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    ACTIVE = "active", _("Member")
    DECLINED = "declined", _("Request declined")
    LEFT = "left", _("Left the network")


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    COORDINATOR = "coordinator", _("Coordinator")


class Membership(models.Model):
    """A person's place in a network. One row per person and network, kept when they leave, so
    a returning member keeps their history and a coordinator sees who left."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="network_memberships",
    )
    status = models.CharField(_("status"), max_length=16, choices=MembershipStatus.choices)
    role = models.CharField(
        _("role"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    association = models.CharField(
        _("association"),
        max_length=150,
        blank=True,
        help_text=_("The association or board you come from, if any."),
        validators=[validate_single_line],
    )
    # The id, not a foreign key: networks may not depend on associations (docs/architecture.md).
    linked_association_id = models.PositiveBigIntegerField(
        _("association on Frivilligløft"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when chosen among the person's own associations; the name is kept."),
    )
    request_message = models.TextField(
        _("message to the coordinators"),
        max_length=1000,
        blank=True,
        help_text=_("Optional: a few words about you and why you would like to join."),
    )
    show_name_to_members = models.BooleanField(
        _("show my name to the other members"),
        default=False,
        help_text=_(
            "Other members see your name and association on the member list. "
            "You can change this at any time."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    requested_at = models.DateTimeField(_("requested"), null=True, blank=True)
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    left_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["network", "user__full_name"]
        indexes = [
            models.Index(fields=["network", "status"], name="networks_member_net_status"),
            models.Index(fields=["user", "status"], name="networks_member_user_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"], name="networks_one_membership_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.network} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_coordinator(self) -> bool:
        return self.is_active and self.role == MembershipRole.COORDINATOR


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CANCELLED = "cancelled", _("Cancelled")


class NetworkMeeting(models.Model):
    """One meeting of a network. Place and online link are shown to members only."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=150, validators=[validate_single_line])
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place_name = models.CharField(
        _("place"),
        max_length=150,
        blank=True,
        validators=[validate_single_line],
    )
    place_address = models.CharField(
        _("address"),
        max_length=250,
        blank=True,
        validators=[validate_single_line],
    )
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("planned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

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


class Rsvp(models.Model):
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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

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


class Invitation(models.Model):
    """An invitation by email to join a network. The link's token is random (256 bits) and
    only its SHA-256 hash is stored, so a database leak reveals no usable link."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(Lower("email"), "network", name="networks_invitation_email"),
        ]

    def __str__(self):
        return f"{self.email} → {self.network}"

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"

    @property
    def is_usable(self) -> bool:
        return self.status == "open"

    def get_status_display(self) -> str:
        return {
            "accepted": _("Accepted"),
            "revoked": _("Withdrawn"),
            "expired": _("Expired"),
            "open": _("Waiting for an answer"),
        }[self.status]


class NetworkMessage(models.Model):
    """A message a coordinator sent to all members; kept so coordinators see what was sent."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=150, validators=[validate_single_line])
    body = models.TextField(_("message"), max_length=5000)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message to members")
        verbose_name_plural = _("messages to members")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.subject


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
    subject = models.CharField(_("subject"), max_length=150, validators=[validate_single_line])
    description = models.TextField(_("what would you like sparring on?"), max_length=3000)
    association = models.CharField(
        _("association or board"),
        max_length=150,
        blank=True,
        help_text=_("Who you ask on behalf of, if any."),
        validators=[validate_single_line],
    )
    linked_association_id = models.PositiveBigIntegerField(
        _("association on Frivilligløft"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when chosen among the person's own associations; the name is kept."),
    )
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
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_staff = models.BooleanField(_("from a consultant"), default=False)
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("sparring reply")
        verbose_name_plural = _("sparring replies")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request}: {self.body[:40]}"
