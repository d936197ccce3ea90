"""Schools, internship offers and placements, theme weeks and their contributions.

Only `schools.services` changes states (see docs/architecture.md); the models hold the data and
the invariants the database can enforce by itself. Pupils are minors: a placement keeps their
first name and class and nothing else.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.validators import validate_single_line


class SchoolType(models.TextChoices):
    FOLKESKOLE = "folkeskole", _("Public school (folkeskole)")
    FRISKOLE = "friskole", _("Free or private school")
    EFTERSKOLE = "efterskole", _("Continuation school (efterskole)")
    GYMNASIUM = "gymnasium", _("Upper secondary school (gymnasium/HF)")
    ERHVERVSSKOLE = "erhvervsskole", _("Vocational school")
    TIENDE_KLASSE = "10-klasse", _("10th grade centre")


class School(models.Model):
    name = models.CharField(
        _("name"),
        max_length=150,
        unique=True,
        validators=[validate_single_line],
    )
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    school_type = models.CharField(_("type of school"), max_length=20, choices=SchoolType.choices)
    address = models.CharField(
        _("address"),
        max_length=250,
        blank=True,
        validators=[validate_single_line],
    )
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    town = models.CharField(
        _("town"),
        max_length=100,
        blank=True,
        validators=[validate_single_line],
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("The school's office; used when no coordinator is set.")
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="SchoolCoordinator",
        verbose_name=_("school coordinators"),
        related_name="coordinated_schools",
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def full_address(self) -> str:
        place = " ".join(part for part in (self.postcode, self.town) if part)
        return ", ".join(part for part in (self.address, place) if part)


class SchoolCoordinator(models.Model):
    """A person who arranges internships and theme weeks on behalf of a school."""

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="coordinator_roles"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="school_coordinator_roles",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("school coordinator")
        verbose_name_plural = _("school coordinators")
        constraints = [
            models.UniqueConstraint(fields=["school", "user"], name="schools_one_coordinator_row"),
        ]

    def __str__(self):
        return f"{self.user} – {self.school}"


# --- Internship offers and placements -----------------------------------------------------


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    FILLED = "filled", _("Filled")
    CLOSED = "closed", _("Closed")


class InternshipOffer(index.Indexed, models.Model):
    """An association's offer of volunteer internships (frivilligpraktik) to pupils."""

    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="internship_offers",
    )
    title = models.CharField(_("title"), max_length=150, validators=[validate_single_line])
    tasks = models.TextField(
        _("tasks"), max_length=5000, help_text=_("What the pupils will do, in plain words.")
    )
    hours_total = models.PositiveSmallIntegerField(
        _("hours in total"), help_text=_("How many hours the internship lasts for each pupil.")
    )
    weeks = models.CharField(
        _("weeks"),
        max_length=100,
        help_text=_("When the internship can take place, e.g. “Week 10–12” or “After school”."),
        validators=[validate_single_line],
    )
    starts_on = models.DateField(_("first possible day"), null=True, blank=True)
    ends_on = models.DateField(_("last possible day"), null=True, blank=True)
    places = models.PositiveSmallIntegerField(_("places"), help_text=_("How many pupils."))
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    grade_from = models.PositiveSmallIntegerField(
        _("from grade"), null=True, blank=True, help_text=_("0–10; leave empty for any grade.")
    )
    grade_to = models.PositiveSmallIntegerField(
        _("to grade"),
        null=True,
        blank=True,
        help_text=_("0–10, or 13 for upper secondary; leave empty for any grade."),
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=150,
        validators=[validate_single_line],
    )
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    involves_children_under_15 = models.BooleanField(
        _("pupils under 15 take part"),
        default=False,
        help_text=_(
            "Tick if pupils under 15 may take part. The association then needs a current "
            "child-record declaration (børneattest) before the offer can be published."
        ),
    )
    conditions = models.TextField(
        _("conditions for young people"),
        blank=True,
        max_length=3000,
        help_text=_("Insurance, clothing, meals, transport, who the pupils work with."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # The site search (schools/search.py) finds public offers by these.
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("tasks"),
        index.SearchField("conditions"),
        index.SearchField("weeks"),
        index.RelatedFields(
            "association", [index.SearchField("name"), index.FilterField("is_public")]
        ),
        index.FilterField("status"),
        index.SearchField("search_kind"),
    ]

    class Meta:
        verbose_name = _("internship offer")
        verbose_name_plural = _("internship offers")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"], name="schools_offer_status")]
        constraints = [
            models.CheckConstraint(condition=Q(places__gte=1), name="schools_offer_places"),
            models.CheckConstraint(condition=Q(hours_total__gte=1), name="schools_offer_hours"),
            models.CheckConstraint(
                condition=Q(grade_from__isnull=True)
                | Q(grade_to__isnull=True)
                | Q(grade_to__gte=F("grade_from")),
                name="schools_offer_grade_range",
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="schools_offer_date_range",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("schools:offer", kwargs={"pk": self.pk})

    def search_kind(self) -> str:
        # The kind itself, in both languages: "praktik" finds every offer, whatever its title.
        return "frivilligpraktik praktik praktikplads volunteer internship"

    @property
    def is_public(self) -> bool:
        return self.status in (OfferStatus.PUBLISHED, OfferStatus.FILLED)

    @property
    def places_left(self) -> int:
        """Free places; needs the `held` annotation of `schools.queries.with_places_held`."""
        return max(self.places - self.held, 0)


class PlacementState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    AGREED = "agreed", _("Agreed")
    COMPLETED = "completed", _("Hours confirmed")
    EVALUATED = "evaluated", _("Evaluated")
    CANCELLED = "cancelled", _("Cancelled")


# A placement in one of these states holds its pupils' places on the offer.
PLACE_HOLDING_STATES = (
    PlacementState.ACCEPTED,
    PlacementState.AGREED,
    PlacementState.COMPLETED,
    PlacementState.EVALUATED,
)
OPEN_STATES = (PlacementState.REQUESTED, PlacementState.ACCEPTED, PlacementState.AGREED)


class Placement(models.Model):
    """A school's request for places on an offer for named pupils, and what became of it."""

    offer = models.ForeignKey(
        InternshipOffer,
        verbose_name=_("internship offer"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.PROTECT, related_name="placements"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message to the association"), blank=True, max_length=2000)
    state = models.CharField(
        _("state"), max_length=16, choices=PlacementState.choices, default=PlacementState.REQUESTED
    )
    pupil_count = models.PositiveSmallIntegerField(_("pupils"), default=0)
    starts_on = models.DateField(_("first day"), null=True, blank=True)
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    hours_confirmed = models.PositiveSmallIntegerField(_("hours confirmed"), null=True, blank=True)
    decision_note = models.TextField(_("note from the association"), blank=True, max_length=2000)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True, max_length=2000)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True)
    completed_at = models.DateTimeField(_("hours confirmed at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hours confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evaluated_at = models.DateTimeField(_("evaluated"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-requested_at", "-pk"]
        indexes = [
            models.Index(fields=["offer", "state"], name="schools_placement_offer"),
            models.Index(fields=["school", "state"], name="schools_placement_school"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="schools_placement_date_range",
            ),
        ]

    def __str__(self):
        return f"{self.offer} – {self.school}"

    def get_absolute_url(self):
        return reverse("schools:placement", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class PlacementPupil(models.Model):
    """A pupil on a placement: first name and class only (data about minors is kept minimal)."""

    placement = models.ForeignKey(
        Placement, verbose_name=_("placement"), on_delete=models.CASCADE, related_name="pupils"
    )
    first_name = models.CharField(_("first name"), max_length=60, validators=[validate_single_line])
    class_name = models.CharField(
        _("class"),
        max_length=20,
        help_text=_("E.g. 8.B or 2.g."),
        validators=[validate_single_line],
    )

    class Meta:
        verbose_name = _("pupil")
        verbose_name_plural = _("pupils")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.first_name} ({self.class_name})"


class EvaluationSide(models.TextChoices):
    SCHOOL = "school", _("School")
    ASSOCIATION = "association", _("Association")


class Rating(models.IntegerChoices):
    POOR = 1, _("Poorly")
    FAIR = 2, _("Fairly")
    GOOD = 3, _("Well")
    VERY_GOOD = 4, _("Very well")


class PlacementEvaluation(models.Model):
    """A short evaluation of a completed placement, one from each side."""

    placement = models.ForeignKey(
        Placement, verbose_name=_("placement"), on_delete=models.CASCADE, related_name="evaluations"
    )
    side = models.CharField(_("from"), max_length=16, choices=EvaluationSide.choices)
    rating = models.PositiveSmallIntegerField(
        _("how did the internship go?"), choices=Rating.choices
    )
    went_well = models.TextField(_("what went well?"), blank=True, max_length=2000)
    could_improve = models.TextField(_("what could be better?"), blank=True, max_length=2000)
    would_repeat = models.BooleanField(_("we would like to do it again"), default=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["placement", "side"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "side"], name="schools_one_evaluation_per_side"
            ),
        ]

    def __str__(self):
        return f"{self.placement} ({self.get_side_display()})"


# --- Theme weeks ----------------------------------------------------------------------------


class ThemeWeekStatus(models.TextChoices):
    OPEN = "open", _("Open for contributions")
    CLOSED = "closed", _("Programme settled")
    CANCELLED = "cancelled", _("Cancelled")


class ThemeWeek(index.Indexed, models.Model):
    """A school's theme week (temauge) that associations can contribute to."""

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="theme_weeks"
    )
    theme = models.CharField(_("theme"), max_length=150, validators=[validate_single_line])
    description = models.TextField(
        _("description"),
        max_length=3000,
        help_text=_("What the pupils work with and what you hope associations can bring."),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    grade_level = models.CharField(
        _("grade level"),
        max_length=50,
        help_text=_("E.g. “7th grade” or “1st year (1.g)”."),
        validators=[validate_single_line],
    )
    classes = models.CharField(
        _("classes"),
        max_length=100,
        blank=True,
        validators=[validate_single_line],
    )
    pupil_count = models.PositiveSmallIntegerField(_("number of pupils"), null=True, blank=True)
    wants_talk = models.BooleanField(_("a talk"), default=False)
    wants_workshop = models.BooleanField(_("a workshop"), default=False)
    wants_visit = models.BooleanField(_("a visit to the association"), default=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ThemeWeekStatus.choices,
        default=ThemeWeekStatus.OPEN,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # The site search (schools/search.py) finds open theme weeks by these.
    search_fields = [
        index.SearchField("theme", boost=3),
        index.AutocompleteField("theme"),
        index.SearchField("description"),
        index.SearchField("grade_level"),
        index.RelatedFields("school", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("ends_on"),
        index.SearchField("search_kind"),
    ]

    class Meta:
        verbose_name = _("theme week")
        verbose_name_plural = _("theme weeks")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="schools_theme_week_dates"
            ),
        ]

    def __str__(self):
        return f"{self.theme} – {self.school}"

    def get_absolute_url(self):
        return reverse("schools:theme_week", kwargs={"pk": self.pk})

    def search_kind(self) -> str:
        # The kind itself, in both languages: "temauge" finds every theme week.
        return "temauge temauger theme week"

    @property
    def wanted_kinds(self) -> list[str]:
        return [
            str(label)
            for wanted, label in (
                (self.wants_talk, ContributionKind.TALK.label),
                (self.wants_workshop, ContributionKind.WORKSHOP.label),
                (self.wants_visit, ContributionKind.VISIT.label),
            )
            if wanted
        ]


class ContributionKind(models.TextChoices):
    TALK = "talk", _("Talk")
    WORKSHOP = "workshop", _("Workshop")
    VISIT = "visit", _("Visit")


class ContributionStatus(models.TextChoices):
    OFFERED = "offered", _("Offered")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ThemeWeekContribution(models.Model):
    """What an association offers to a theme week: a talk, a workshop or a visit."""

    theme_week = models.ForeignKey(
        ThemeWeek,
        verbose_name=_("theme week"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="theme_week_contributions",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ContributionKind.choices)
    title = models.CharField(_("title"), max_length=150, validators=[validate_single_line])
    description = models.TextField(_("description"), max_length=3000)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty if at the school."),
        validators=[validate_single_line],
    )
    capacity = models.PositiveSmallIntegerField(_("how many pupils"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ContributionStatus.choices,
        default=ContributionStatus.OFFERED,
    )
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("offered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # iCalendar SEQUENCE: raised whenever time or status changes.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("theme-week contribution")
        verbose_name_plural = _("theme-week contributions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="schools_contribution_times"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="schools_contribution_capacity",
            ),
        ]

    def __str__(self):
        return self.title
