"""Internship offers (praktikopslag) from associations to pupils."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.models import SingleLineField, Timestamped, done_by


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    FILLED = "filled", _("Filled")
    CLOSED = "closed", _("Closed")


class InternshipOffer(index.Indexed, Timestamped):
    """An association's offer of volunteer internships (frivilligpraktik) to pupils."""

    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="internship_offers",
    )
    title = SingleLineField(_("title"), max_length=150)
    tasks = models.TextField(
        _("tasks"), max_length=5000, help_text=_("What the pupils will do, in plain words.")
    )
    hours_total = models.PositiveSmallIntegerField(
        _("hours in total"), help_text=_("How many hours the internship lasts for each pupil.")
    )
    weeks = SingleLineField(
        _("weeks"),
        max_length=100,
        help_text=_("When the internship can take place, e.g. “Week 10–12” or “After school”."),
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
    contact_name = SingleLineField(_("contact person"), max_length=150)
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
    created_by = done_by(_("created by"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

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
