"""Questions the organisers ask at signup (e.g. "Which club do you train?", "Do you need a
vegetarian lunch?") and each participant's answers.

Answers are personal data: in "download my data", and erased when the signup ends and once
the course has ended, like special needs (courses.services.signups.end_signup,
erase_needs_of_ended_courses).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from core.models import SingleLineField
from courses.models.courses import Course
from courses.models.signups import Signup

ANSWER_MAX_LENGTH = 500


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "text", _("Short text")
    YES_NO = "yes_no", _("Yes or no")
    CHOICE = "choice", _("One of several options")


class SignupQuestion(Orderable):
    """One question on a course's signup form, in the order the admin sets (sort_order)."""

    course = ParentalKey(Course, on_delete=models.CASCADE, related_name="questions")
    text = SingleLineField(_("question"), max_length=200)
    kind = models.CharField(
        _("kind of answer"), max_length=16, choices=QuestionKind.choices, default="text"
    )
    options = models.TextField(
        _("options"),
        blank=True,
        max_length=2000,
        help_text=_("For one of several options: one option per line."),
    )
    required = models.BooleanField(_("an answer is required"), default=False)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("options"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("signup question")
        verbose_name_plural = _("signup questions")

    def __str__(self):
        return self.text

    @property
    def option_list(self) -> list[str]:
        return list(
            dict.fromkeys(line.strip() for line in self.options.splitlines() if line.strip())
        )

    def clean(self):
        if self.kind == QuestionKind.CHOICE:
            options = self.option_list
            if len(options) < 2:
                raise ValidationError({"options": _("Give at least two options, one per line.")})
            if any(len(option) > ANSWER_MAX_LENGTH for option in options):
                raise ValidationError(
                    {"options": _("An option can be at most 500 characters long.")}
                )


class SignupAnswer(models.Model):
    """A participant's answer to one question. Yes/no answers are stored as "yes" / "no"."""

    signup = models.ForeignKey(Signup, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SignupQuestion, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(_("answer"), max_length=ANSWER_MAX_LENGTH)

    class Meta:
        verbose_name = _("answer to a signup question")
        verbose_name_plural = _("answers to signup questions")
        constraints = [
            models.UniqueConstraint(
                fields=["signup", "question"], name="courses_one_answer_per_question"
            ),
        ]

    def __str__(self):
        return f"{self.question}: {self.display_value}"

    @property
    def display_value(self) -> str:
        """The answer as people read it: yes/no in the active language."""
        if self.question.kind == QuestionKind.YES_NO:
            return str(_("Yes") if self.value == "yes" else _("No"))
        return self.value
