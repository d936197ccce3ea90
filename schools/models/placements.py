"""Placements of named pupils in an internship offer, and their evaluations.

Pupils are minors: a placement keeps their first name and class and nothing else.
"""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import SingleLineField, done_by
from schools.models.offers import InternshipOffer
from schools.models.schools import School


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
    requested_by = done_by(_("requested by"), blank=False)
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
    completed_by = done_by(_("hours confirmed by"))
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
    first_name = SingleLineField(_("first name"), max_length=60)
    class_name = SingleLineField(_("class"), max_length=20, help_text=_("E.g. 8.B or 2.g."))

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
    submitted_by = done_by(_("answered by"), blank=False)
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
