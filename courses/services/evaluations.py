"""Course evaluations: invite participants after the last meeting, take their anonymous answer.

Guarantees:
- One invitation per person and course, however often `send_course_evaluations` runs and
  whether two runs overlap (a unique constraint; each invitation and its email are written in
  one transaction, so there is never an invitation without its email or the other way round).
- Only confirmed participants who were present at a meeting that took place are invited, and
  only within `INVITE_WITHIN_DAYS` of the course's end; a person marked present a few days
  late is invited on the next run.
- An invitation is answered at most once; the answer keeps no link to the person
  (see courses.models.evaluations).
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.services import unsubscribe_for, wants_email
from core.email import queue_email
from core.tokens import hash_token, new_token
from courses.models import (
    Attendance,
    Course,
    CourseStatus,
    EvaluationAnswer,
    EvaluationInvitation,
    Signup,
    SignupStatus,
)
from courses.models.evaluations import ANSWER_DAYS, INVITE_WITHIN_DAYS
from courses.services.base import CourseError
from courses.services.notifications import EVALUATIONS

logger = logging.getLogger(__name__)


def evaluation_path(token: str, language: str) -> str:
    with translation.override(language):
        return reverse("courses:evaluation", kwargs={"token": token})


def answer_deadline(invitation: EvaluationInvitation) -> datetime:
    return invitation.sent_at + timedelta(days=ANSWER_DAYS)


def can_answer(invitation: EvaluationInvitation, now: datetime | None = None) -> bool:
    return not invitation.answered and (now or timezone.now()) < answer_deadline(invitation)


def participants_to_invite(course: Course):
    """Confirmed participants present at a held meeting who have no invitation yet."""
    present = Attendance.objects.filter(
        signup=OuterRef("pk"), present=True, meeting__cancelled_at__isnull=True
    )
    invited = EvaluationInvitation.objects.filter(course=course, user=OuterRef("user"))
    return (
        Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED)
        .filter(Exists(present))
        .exclude(Exists(invited))
        .select_related("user")
        .order_by("pk")
    )


def courses_to_evaluate(now: datetime | None = None):
    """Published courses whose last meeting ended within the last INVITE_WITHIN_DAYS days."""
    now = now or timezone.now()
    return Course.objects.filter(
        status=CourseStatus.PUBLISHED,
        ends_at__lte=now,
        ends_at__gt=now - timedelta(days=INVITE_WITHIN_DAYS),
    ).order_by("ends_at", "pk")


def invite_to_evaluation(
    course: Course, *, now: datetime | None = None, notify: bool = True
) -> int:
    """Invite everyone of `course` who should be and is not yet; returns how many.

    `notify=False` (demo content) records the invitations without emailing anybody.
    """
    now = now or timezone.now()
    invited = 0
    for signup in participants_to_invite(course):
        token = new_token()
        try:
            with transaction.atomic():
                invitation = EvaluationInvitation.objects.create(
                    course=course, user=signup.user, token_hash=hash_token(token), sent_at=now
                )
                if notify:
                    _email_invitation(invitation, token)
        except IntegrityError:
            # Another run invited this person a moment ago.
            continue
        invited += 1
    return invited


def _email_invitation(invitation: EvaluationInvitation, token: str) -> None:
    user = invitation.user
    if not wants_email(user, EVALUATIONS):
        return  # the invitation stays: the course's page on Mine sider still links to it
    language = user.preferred_language
    queue_email(
        user.email,
        "emails/courses/evaluation_invitation",
        {
            "user": user,
            "course": invitation.course,
            "path": evaluation_path(token, language),
            "deadline": answer_deadline(invitation),
        },
        language,
        about=invitation,
        unsubscribe=unsubscribe_for(user, EVALUATIONS),
    )


def send_course_evaluations(*, now: datetime | None = None) -> int:
    """Invite the participants of every course that has just ended (see the module docstring).
    Returns the number of invitations sent."""
    now = now or timezone.now()
    return sum(invite_to_evaluation(course, now=now) for course in courses_to_evaluate(now))


def invitation_for_token(token: str) -> EvaluationInvitation | None:
    if not token or len(token) > 100:
        return None
    return (
        EvaluationInvitation.objects.select_related("course")
        .filter(token_hash=hash_token(token))
        .first()
    )


@dataclass(frozen=True)
class Answer:
    usefulness: int
    would_recommend: bool
    keep: str = ""
    change: str = ""


def submit_evaluation(
    invitation: EvaluationInvitation, answer: Answer, *, now: datetime | None = None
) -> EvaluationAnswer:
    """Store one anonymous answer and mark the invitation answered, in one transaction.

    The invitation row is locked and re-read, so a double submit stores one answer.
    """
    now = now or timezone.now()
    if answer.usefulness not in range(1, 6):
        raise CourseError(_("Choose how useful the course was, from 1 to 5."))
    with transaction.atomic():
        invitation = EvaluationInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.answered:
            raise CourseError(_("You have already answered. Thank you!"))
        if not can_answer(invitation, now):
            raise CourseError(_("The evaluation is closed."))
        invitation.answered = True
        invitation.save(update_fields=["answered"])
        return EvaluationAnswer.objects.create(
            course_id=invitation.course_id,
            usefulness=answer.usefulness,
            would_recommend=answer.would_recommend,
            keep=answer.keep.strip(),
            change=answer.change.strip(),
        )
