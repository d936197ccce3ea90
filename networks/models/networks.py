"""Networks and their members: memberships, invitations by link and messages to members."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from accounts.models import InvitationBase
from core.models import (
    SingleLineField,
    Timestamped,
    done_by,
    linked_association_field,
    optional_image,
)
from taxonomy.models import Audience, Topic


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Open: anyone can join")
    APPROVAL = "approval", _("By approval: a coordinator approves each request")
    INVITATION = "invitation", _("By invitation only")


class Network(index.Indexed, Timestamped):
    """A network of volunteer leaders or board members who meet and learn from each other."""

    name = SingleLineField(_("name"), max_length=150, unique=True)
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
    image = optional_image(_("image"))

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


class Membership(Timestamped):
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
    association = SingleLineField(
        _("association"),
        max_length=150,
        blank=True,
        help_text=_("The association or board you come from, if any."),
    )
    linked_association_id = linked_association_field()
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
    requested_at = models.DateTimeField(_("requested"), null=True, blank=True)
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = done_by(_("decided by"))
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


class Invitation(InvitationBase):
    """An invitation by email to join a network. The link's token is random (256 bits) and
    only its SHA-256 hash is stored, so a database leak reveals no usable link."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="invitations"
    )

    class Meta(InvitationBase.Meta):
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [
            models.Index(Lower("email"), "network", name="networks_invitation_email"),
        ]

    def __str__(self):
        return f"{self.email} → {self.network}"


class NetworkMessage(models.Model):
    """A message a coordinator sent to all members; kept so coordinators see what was sent."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="messages"
    )
    sender = done_by(_("sender"), blank=False)
    subject = SingleLineField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message to members")
        verbose_name_plural = _("messages to members")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.subject
