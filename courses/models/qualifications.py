"""Qualifications that courses grant, some of them for a limited time (first aid lasts two
years). Modelled on hitobito's qualification kinds: the kind is the thing a person holds; a
course names the kind it grants; completing the course gives the person the qualification from
the course's last day until that day plus the kind's validity.

Who holds what is worked out from completed signups when it is read
(`courses.queries.qualifications`), so a corrected attendance mark is reflected at once. The
only thing stored per person is that a reminder went out for one period of validity.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.language import in_active_language
from core.models import SingleLineField


class QualificationKind(models.Model):
    """A qualification a course can grant, e.g. "Førstehjælp", valid 24 months."""

    name = SingleLineField(_("name"), max_length=80, unique=True)
    name_en = SingleLineField(_("name in English"), max_length=80, blank=True)
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        help_text=_(
            "Counted from the last day of the course that grants it. Leave empty if it "
            "does not expire."
        ),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=500,
        help_text=_("For staff: what the qualification covers and who asks for it."),
    )

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(validity_months__isnull=True) | models.Q(validity_months__gte=1),
                name="courses_qualification_validity_positive",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the active language (English falls back to Danish)."""
        return in_active_language(self.name, self.name_en)

    @property
    def validity_display(self) -> str:
        """ "2 years", "18 months" — or empty when it does not expire."""
        months = self.validity_months
        if not months:
            return ""
        if months % 12 == 0:
            years = months // 12
            return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}


class QualificationReminder(models.Model):
    """A reminder that the person's qualification runs out on `valid_until` was sent. One per
    period: the unique constraint is the claim, so overlapping runs send it once, and a renewal
    (a later end date) is a new period that gets its own reminder."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.ForeignKey(QualificationKind, on_delete=models.CASCADE, related_name="+")
    valid_until = models.DateField(_("valid until"))
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("qualification reminder")
        verbose_name_plural = _("qualification reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "valid_until"],
                name="courses_one_reminder_per_qualification_period",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.kind} ({self.valid_until})"
