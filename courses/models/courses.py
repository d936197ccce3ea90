"""Courses: providers, courses with their meetings. Signups, attendance and organiser
messages are in `courses.models.signups`; topics and audiences in `taxonomy.models`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.dates import local_date
from core.models import SingleLineField, Timestamped, optional_image
from courses.models.invoicing import PaymentMethod
from courses.models.qualifications import QualificationKind
from taxonomy.models import Audience, Topic

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class Provider(models.Model):
    """Who teaches a course (kursusudbyder): the municipality, an association, a company."""

    name = SingleLineField(_("name"), max_length=150, unique=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = SingleLineField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("course provider")
        verbose_name_plural = _("course providers")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CourseFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class CourseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class WaitingListMode(models.TextChoices):
    AUTOMATIC = "automatic", _("Confirm the next person automatically")
    OFFER = "offer", _("Offer the seat for a limited time")


class Course(index.Indexed, Timestamped, ClusterableModel):
    title = SingleLineField(_("title"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in the catalogue.")
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    topics = ParentalManyToManyField(
        Topic, verbose_name=_("topics"), related_name="courses", blank=True
    )
    provider = models.ForeignKey(
        Provider,
        verbose_name=_("provider"),
        related_name="courses",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    instructors = SingleLineField(
        _("instructors"), max_length=300, blank=True, help_text=_("Names, separated by commas.")
    )
    audience = models.CharField(
        _("audience"), max_length=16, choices=Audience.choices, default=Audience.ALL_VOLUNTEERS
    )
    format = models.CharField(
        _("format"), max_length=16, choices=CourseFormat.choices, default=CourseFormat.IN_PERSON
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    venue_name = SingleLineField(_("venue"), max_length=150, blank=True)
    venue_address = SingleLineField(_("venue address"), max_length=250, blank=True)
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to confirmed participants."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for unlimited seats.")
    )
    min_participants = models.PositiveIntegerField(_("minimum participants"), null=True, blank=True)
    price = models.DecimalField(
        _("price (DKK)"), max_digits=8, decimal_places=2, default=0, help_text=_("0 means free.")
    )
    payment_method = models.CharField(
        _("how to pay"),
        max_length=16,
        choices=PaymentMethod.choices,
        blank=True,
        help_text=_("Required when the course has a price."),
    )
    payment_note = models.TextField(
        _("payment note"),
        blank=True,
        max_length=500,
        help_text=_(
            "Shown on the course page and in the confirmation, e.g. when the invoice is sent, "
            "or MobilePay and cash at the door."
        ),
    )
    signup_opens_at = models.DateTimeField(
        _("signup opens"),
        null=True,
        blank=True,
        help_text=_("Leave empty to open signup as soon as the course is published."),
    )
    signup_deadline = models.DateTimeField(
        _("signup deadline"),
        null=True,
        blank=True,
        help_text=_("Leave empty to allow signup until the course starts."),
    )
    cancellation_deadline = models.DateTimeField(
        _("cancellation deadline"),
        null=True,
        blank=True,
        help_text=_("Participants may cancel themselves until then. Empty: until the start."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=CourseStatus.choices, default=CourseStatus.DRAFT
    )
    contact_name = SingleLineField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    organisers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        related_name="organised_courses",
        blank=True,
        help_text=_("People who may see the participants and run the course."),
    )
    requires_approval = models.BooleanField(
        _("requires approval"),
        default=False,
        help_text=_("An organiser approves each signup before the seat is confirmed."),
    )
    waiting_list_enabled = models.BooleanField(_("waiting list"), default=True)
    waiting_list_mode = models.CharField(
        _("when a seat is freed"),
        max_length=16,
        choices=WaitingListMode.choices,
        default=WaitingListMode.AUTOMATIC,
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept an offer"),
        default=48,
        help_text=_("In offer mode: how long the next person on the waiting list has to accept."),
    )
    issues_certificate = models.BooleanField(_("issues a certificate"), default=True)
    qualification = models.ForeignKey(
        QualificationKind,
        verbose_name=_("grants the qualification"),
        null=True,
        blank=True,
        # A kind that courses grant is not deleted: its holders would lose it silently.
        on_delete=models.PROTECT,
        related_name="courses",
        help_text=_(
            "Participants who complete the course hold it from the last day of the course, "
            "for as long as the qualification is valid."
        ),
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        default=100,
        help_text=_("Share of the meetings a participant must attend to complete the course."),
    )
    show_evaluation_average = models.BooleanField(
        _("show the participants' rating on the course page"),
        default=False,
        help_text=_(
            "The average usefulness from the evaluations of this course and of the run it was "
            "copied from, once at least three participants have answered."
        ),
    )
    image = optional_image(_("image"))
    # The first meeting's start and the last meeting's end, kept by courses.services whenever
    # meetings change, so the catalogue sorts and filters by date without an aggregate.
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True, editable=False)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    cancellation_reason = models.TextField(_("reason for cancellation"), blank=True)
    duplicated_from = models.ForeignKey(
        "self",
        verbose_name=_("copy of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        editable=False,
    )

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("instructors"),
        index.FilterField("status"),
        index.FilterField("starts_at"),
        index.RelatedFields("topics", [index.SearchField("name"), index.SearchField("name_en")]),
    ]

    def __init__(self, *args, **kwargs):
        # ClusterableModel's constructor looks through every related field for child
        # relations passed as keyword arguments: ~60 calls per course, on every catalogue row.
        # A row read from the database (Model.from_db) passes its values positionally only,
        # so Django's own constructor does all there is to do.
        if kwargs:
            super().__init__(*args, **kwargs)
        else:
            models.Model.__init__(self, *args)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["starts_at", "title"]
        indexes = [
            # The catalogue and its count: published courses that have not ended, by start.
            # Partial (published only) and with ends_at in the index, so courses that have
            # already ended are skipped in the index instead of fetching each row (at 20,000
            # courses the first page took 10–14 ms and the count 40 ms; with it 0.2 and 2–6).
            # format and id after them so the filtered count (a format, a topic's course ids) is
            # an index-only scan too instead of a scan of the table (35 -> 9 ms at 20,000
            # courses). Key columns rather than INCLUDE, which SQLite does not have.
            models.Index(
                fields=["starts_at", "ends_at", "format", "id"],
                condition=Q(status=CourseStatus.PUBLISHED) & Q(starts_at__isnull=False),
                name="courses_published_start_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="courses_capacity_positive",
            ),
            models.CheckConstraint(condition=Q(price__gte=0), name="courses_price_not_negative"),
            models.CheckConstraint(
                condition=Q(min_attendance_percent__lte=100),
                name="courses_min_attendance_at_most_100",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("courses:detail", kwargs={"slug": self.slug})

    @property
    def is_free(self) -> bool:
        return self.price == 0

    @property
    def is_invoiced(self) -> bool:
        """The signup form asks for the association's invoicing details."""
        return self.price > 0 and self.payment_method == PaymentMethod.INVOICE

    @property
    def is_unlimited(self) -> bool:
        return self.capacity is None

    @property
    def has_started(self) -> bool:
        return self.starts_at is not None and self.starts_at <= timezone.now()

    @property
    def has_ended(self) -> bool:
        return self.ends_at is not None and self.ends_at <= timezone.now()

    @property
    def is_cancelled(self) -> bool:
        return self.status == CourseStatus.CANCELLED

    @property
    def signup_closes_at(self):
        """Signup closes at the deadline, or when the first meeting starts."""
        return self.signup_deadline or self.starts_at

    @property
    def cancellation_closes_at(self):
        """Participants may cancel a confirmed seat themselves until then."""
        return self.cancellation_deadline or self.starts_at

    @property
    def is_online(self) -> bool:
        return self.format == CourseFormat.ONLINE

    @property
    def has_venue(self) -> bool:
        return self.format != CourseFormat.ONLINE and bool(self.venue_name or self.venue_address)


class Meeting(models.Model):
    """One session of a course (kursusgang)."""

    course = ParentalKey(Course, on_delete=models.CASCADE, related_name="meetings")
    title = SingleLineField(
        _("title"), max_length=150, blank=True, help_text=_("Optional, e.g. 'Part 2: the budget'.")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue_name = SingleLineField(
        _("venue"), max_length=150, blank=True, help_text=_("Only if it differs from the course's.")
    )
    venue_address = SingleLineField(_("venue address"), max_length=250, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    # iCalendar SEQUENCE: raised whenever time, place or status changes (also the place,
    # format or online link taken from the course), so subscribed calendars replace their copy.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="courses_meeting_ends_after_start",
            ),
        ]

    def __str__(self):
        return (
            self.title or f"{self.course.title} {local_date(self.starts_at, 'SHORT_DATE_FORMAT')}"
        )

    def clean(self):
        # In words before the constraint: a form shows this on the end time, and Django then
        # skips the constraint on a field that already has an error.
        from courses.validators import validate_meeting_times  # it imports these models

        validate_meeting_times(self.starts_at, self.ends_at)

    @property
    def place_name(self) -> str:
        return self.venue_name or self.course.venue_name

    @property
    def place_address(self) -> str:
        return self.venue_address or self.course.venue_address
