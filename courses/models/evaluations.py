"""Course evaluations: after a course's last meeting, each confirmed participant who attended
is invited once to a short anonymous evaluation.

Anonymity is built into the tables: an `EvaluationAnswer` names its course and nothing else —
no person, no signup, no invitation and no time of its own — and an `EvaluationInvitation`
records only *that* its person answered, not when. So nobody, organisers and staff included,
can tell from the database who gave which answer. Organisers see aggregates only once
`ANONYMITY_THRESHOLD` people have answered (courses.queries.evaluation_summary).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.models.courses import Course

# Aggregates and free text are shown only when at least this many people have answered.
ANONYMITY_THRESHOLD = 3
# How long after the invitation the form takes answers.
ANSWER_DAYS = 30
# Courses that ended longer ago than this are never invited (a first run of the command on
# an old database must not email everyone who ever took a course).
INVITE_WITHIN_DAYS = 14


class Usefulness(models.IntegerChoices):
    NOT_AT_ALL = 1, _("1 – not useful")
    A_LITTLE = 2, _("2 – a little useful")
    SOMEWHAT = 3, _("3 – somewhat useful")
    QUITE = 4, _("4 – quite useful")
    VERY = 5, _("5 – very useful")


class EvaluationInvitation(models.Model):
    """One person's invitation to evaluate one course (at most one per person and course).

    The link in the email carries a random token; only its SHA-256 hash is stored.
    """

    course = models.ForeignKey(
        Course,
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="evaluation_invitations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="course_evaluation_invitations",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_at = models.DateTimeField(_("invited"))
    # Whether the person has answered — deliberately without a time, which could be matched
    # with the order of the answers.
    answered = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("evaluation invitation")
        verbose_name_plural = _("evaluation invitations")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "user"], name="courses_one_evaluation_invitation"
            ),
        ]

    def __str__(self):
        return f"{self.course} – {self.user}"


class EvaluationAnswer(models.Model):
    """One anonymous answer. It belongs to its course only (see the module docstring)."""

    course = models.ForeignKey(
        Course,
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="evaluation_answers",
    )
    usefulness = models.PositiveSmallIntegerField(
        _("how useful was the course for you?"),
        choices=Usefulness.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    would_recommend = models.BooleanField(_("would you recommend the course to others?"))
    keep = models.TextField(_("what should we keep?"), max_length=1000, blank=True)
    change = models.TextField(_("what should we change?"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("evaluation answer")
        verbose_name_plural = _("evaluation answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(usefulness__gte=1, usefulness__lte=5),
                name="courses_evaluation_usefulness_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.course}: {self.usefulness}"
