"""Answers to a course's own signup questions (courses.models.questions).

The signup form validates them first (courses.forms.SignupAnswersForm); these functions check
again against the questions as they are now (sign_up just before it takes the course's lock,
update_signup_details inside its transaction), so an answer to a removed question or an option
that no longer exists is refused in words.
"""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from courses import queries
from courses.models import QuestionKind, Signup, SignupAnswer, SignupQuestion
from courses.models.questions import ANSWER_MAX_LENGTH
from courses.services.base import CourseError

YES_NO = ("yes", "no")


def checked_answers(course, answers: Mapping[int, str] | None) -> dict[SignupQuestion, str]:
    """The answers to keep (question → value), checked against the course's questions now.
    Raises CourseError when a required question is unanswered or an answer does not fit."""
    answers = {int(key): (value or "").strip() for key, value in (answers or {}).items()}
    questions = queries.signup_questions(course)
    if set(answers) - {question.pk for question in questions}:
        raise CourseError(_("The questions have changed. Please look at them again."))
    kept = {}
    for question in questions:
        value = answers.get(question.pk, "")
        if not value:
            if question.required:
                raise CourseError(
                    _("Please answer the question “%(question)s”.") % {"question": question.text}
                )
            continue
        if len(value) > ANSWER_MAX_LENGTH:
            raise CourseError(
                _("The answer to “%(question)s” is too long.") % {"question": question.text}
            )
        if (question.kind == QuestionKind.YES_NO and value not in YES_NO) or (
            question.kind == QuestionKind.CHOICE and value not in question.option_list
        ):
            raise CourseError(
                _("The answer to “%(question)s” is not one of the choices.")
                % {"question": question.text}
            )
        kept[question] = value
    return kept


def save_answers(signup: Signup, answers: dict[SignupQuestion, str]) -> None:
    """Replace the signup's answers with `answers` (from checked_answers)."""
    SignupAnswer.objects.filter(signup=signup).exclude(question__in=list(answers)).delete()
    SignupAnswer.objects.bulk_create(
        [
            SignupAnswer(signup=signup, question=question, value=value)
            for question, value in answers.items()
        ],
        update_conflicts=True,
        unique_fields=["signup", "question"],
        update_fields=["value"],
    )
