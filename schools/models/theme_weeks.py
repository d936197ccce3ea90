"""Theme weeks (temauger) at schools and the associations' contributions to them."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.models import SingleLineField, Timestamped, done_by
from schools.models.schools import School


class ThemeWeekStatus(models.TextChoices):
    OPEN = "open", _("Open for contributions")
    CLOSED = "closed", _("Programme settled")
    CANCELLED = "cancelled", _("Cancelled")


class ThemeWeek(index.Indexed, Timestamped):
    """A school's theme week (temauge) that associations can contribute to."""

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="theme_weeks"
    )
    theme = SingleLineField(_("theme"), max_length=150)
    description = models.TextField(
        _("description"),
        max_length=3000,
        help_text=_("What the pupils work with and what you hope associations can bring."),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    grade_level = SingleLineField(
        _("grade level"), max_length=50, help_text=_("E.g. “7th grade” or “1st year (1.g)”.")
    )
    classes = SingleLineField(_("classes"), max_length=100, blank=True)
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
    created_by = done_by(_("created by"))

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


class ThemeWeekContribution(Timestamped):
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
    title = SingleLineField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=3000)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = SingleLineField(
        _("place"), max_length=200, blank=True, help_text=_("Leave empty if at the school.")
    )
    capacity = models.PositiveSmallIntegerField(_("how many pupils"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ContributionStatus.choices,
        default=ContributionStatus.OFFERED,
    )
    offered_by = done_by(_("offered by"))
    # iCalendar SEQUENCE: raised whenever time or status changes.
    sequence = models.PositiveIntegerField(default=0, editable=False)

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
