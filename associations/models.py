"""Associations (foreninger): who they are, who runs them, where and what they do.

Only `associations.services` changes these rows; other apps read them through
`associations.queries`. Volunteer fairs live here too, because every stand belongs to an
association.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from accounts.models import InvitationBase
from associations.validators import validate_cvr
from core.models import SingleLineField, Timestamped, done_by, optional_image
from taxonomy.models import Topic, Vocabulary


class Category(Vocabulary):
    """What kind of association it is: sport, social work, culture …"""

    class Meta(Vocabulary.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class Association(index.Indexed, Timestamped):
    name = SingleLineField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    cvr = models.CharField(
        _("CVR number"),
        max_length=8,
        blank=True,
        validators=[validate_cvr],
        help_text=_("Optional. Eight digits, as registered at virk.dk."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown in the directory."),
    )
    description = models.TextField(_("description"), blank=True, max_length=5000)
    categories = models.ManyToManyField(
        Category, verbose_name=_("categories"), related_name="associations", blank=True
    )
    town = SingleLineField(
        _("town or area"), max_length=80, help_text=_("For example Høng, Gørlev or Kalundborg.")
    )
    address = SingleLineField(_("address"), max_length=250, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    logo = optional_image(_("logo"))
    is_public = models.BooleanField(
        _("shown in the directory"),
        default=True,
        help_text=_("Hidden associations are seen only by their own admins and by staff."),
    )
    verified_by_staff = models.BooleanField(_("verified by staff"), default=False, editable=False)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True, editable=False)

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.FilterField("is_public"),
    ]

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name", "pk"]
        indexes = [models.Index(Lower("town"), name="associations_town_lower")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("associations:detail", kwargs={"slug": self.slug})


class RoleKind(models.TextChoices):
    CHAIR = "chair", _("Chair")
    TREASURER = "treasurer", _("Treasurer")
    BOARD_MEMBER = "board_member", _("Board member")
    VOLUNTEER_LEADER = "volunteer_leader", _("Volunteer leader")
    CONTACT_PERSON = "contact_person", _("Contact person")


BOARD_ROLES = (RoleKind.CHAIR, RoleKind.TREASURER, RoleKind.BOARD_MEMBER)


class AssociationRole(models.Model):
    """One role of a person in an association (a person may hold several: chair and treasurer).

    Admins manage the association on the site. Being an admin and the consent to show
    completed courses belong to the person, not to one of their roles: `associations.services`
    keeps them the same on all of a person's roles in the association.
    """

    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.CASCADE, related_name="roles"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="association_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    is_admin = models.BooleanField(
        _("can manage the association"),
        default=False,
        help_text=_("Admins edit the association, its people, venues and activities."),
    )
    consent_show_competences = models.BooleanField(
        _("show my completed courses to the board"),
        default=False,
        help_text=_(
            "The board's competence overview then counts the topics of courses you have completed."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("role in an association")
        verbose_name_plural = _("roles in associations")
        ordering = ["association", "user__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "user", "role"], name="associations_each_role_once"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.association} ({self.get_role_display()})"

    @property
    def is_board(self) -> bool:
        return self.role in BOARD_ROLES


class Venue(models.Model):
    """A place the association uses (lokalitet): a hall, a clubhouse, a field."""

    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.CASCADE, related_name="venues"
    )
    name = SingleLineField(_("name"), max_length=150)
    address = SingleLineField(_("address"), max_length=250)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        max_length=1000,
        help_text=_("Step-free access, accessible toilet, hearing loop, parking …"),
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["association", "name", "pk"]

    def __str__(self):
        return self.name


class ActivityAudience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    CHILDREN = "children", _("Children")
    YOUNG = "young", _("Young people")
    ADULTS = "adults", _("Adults")
    SENIORS = "seniors", _("Seniors")
    FAMILIES = "families", _("Families")


class Activity(models.Model):
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    title = SingleLineField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True, max_length=3000)
    schedule = SingleLineField(
        _("when"),
        max_length=150,
        blank=True,
        help_text=_('For recurring activities, e.g. "Tuesdays 17–19" or "every other Saturday".'),
    )
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    audience = models.CharField(
        _("for whom"), max_length=16, choices=ActivityAudience.choices, default="everyone"
    )
    looking_for_volunteers = models.BooleanField(_("we are looking for volunteers"), default=False)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["association", "starts_at", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(starts_at__isnull=False, ends_at__gte=models.F("starts_at")),
                name="associations_activity_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title


class ChildRecordDeclaration(models.Model):
    """The association declares it has obtained child-record checks (børneattester) this year.

    Required before it may host pupils under 15 (schools reads it through
    `queries.has_current_child_record_declaration`).
    """

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="child_record_declarations",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    declared_by = done_by(_("declared by"), blank=False)
    declared_at = models.DateTimeField(_("declared"), default=timezone.now)

    class Meta:
        verbose_name = _("child-record declaration")
        verbose_name_plural = _("child-record declarations")
        ordering = ["association", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year"], name="associations_one_declaration_per_year"
            ),
        ]

    def __str__(self):
        return f"{self.association} {self.year}"


class BoardCompetenceNeed(models.Model):
    """A topic the board says it needs competence in."""

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="competence_needs",
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("note"), max_length=250, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("board competence need")
        verbose_name_plural = _("board competence needs")
        ordering = ["association", "topic__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "topic"], name="associations_one_need_per_topic"
            ),
        ]

    def __str__(self):
        return f"{self.association}: {self.topic}"


class Fair(models.Model):
    """A volunteer fair (frivilligmesse) where associations have stands."""

    title = SingleLineField(_("title"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("opens"), null=True, blank=True)
    ends_at = models.TimeField(_("closes"), null=True, blank=True)
    place = SingleLineField(_("place"), max_length=150)
    address = SingleLineField(_("address"), max_length=250, blank=True)
    registration_deadline = models.DateField(
        _("registration deadline"), help_text=_("Associations can register a stand until then.")
    )
    description = models.TextField(_("description"), blank=True, max_length=5000)
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer fair")
        verbose_name_plural = _("volunteer fairs")
        ordering = ["-date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(registration_deadline__lte=models.F("date")),
                name="associations_fair_deadline_before_date",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("associations:fair", kwargs={"slug": self.slug})

    def registration_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return today <= self.registration_deadline


class FairStand(models.Model):
    fair = models.ForeignKey(
        Fair, verbose_name=_("fair"), on_delete=models.CASCADE, related_name="stands"
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="fair_stands",
    )
    offer = models.TextField(
        _("what we offer"), max_length=1000, help_text=_("What visitors meet at the stand.")
    )
    volunteers_sought = models.TextField(_("volunteers we seek"), max_length=1000, blank=True)
    registered_by = done_by(_("registered by"), blank=False)
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)

    class Meta:
        verbose_name = _("stand")
        verbose_name_plural = _("stands")
        ordering = ["fair", "association__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "association"], name="associations_one_stand_per_fair"
            ),
        ]

    def __str__(self):
        return f"{self.association} @ {self.fair}"


class AssociationInvitation(InvitationBase):
    """An invitation by email to take a role in an association, for a person who may not have
    a profile yet. The link's token is random (256 bits, `core.tokens`) and only its SHA-256
    hash is stored; the link gives the role only to an account that has verified `email`."""

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    is_admin = models.BooleanField(_("can manage the association"), default=False)

    class Meta(InvitationBase.Meta):
        verbose_name = _("invitation to an association")
        verbose_name_plural = _("invitations to associations")
        indexes = [
            models.Index(Lower("email"), "association", name="associations_invitation_email"),
        ]

    def __str__(self):
        return f"{self.email} → {self.association}"
