"""Cancelling a signup, leaving the waiting list, and taking one's own cancellation back.

A cancelled seat goes to the waiting list in the same transaction (`promote_waiting_list`).
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.prepared import PreparedQuery
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    SEAT_HOLDING_STATUSES,
    Course,
    CourseStatus,
    Signup,
    SignupEndReason,
    SignupStatus,
)
from courses.rules import is_organiser
from courses.services import notifications
from courses.services.base import (
    CourseError,
    lock_course,
    lock_signup,
    log_signup_change,
    seat_counts,
)
from courses.services.signups import end_signup
from courses.services.waiting_list import promote_waiting_list

logger = logging.getLogger(__name__)

# How long a participant can take back their own cancellation ("Fortryd").
UNDO_WINDOW = timedelta(minutes=10)
UNDOABLE_END_REASONS = (
    SignupEndReason.CANCELLED_BY_PARTICIPANT,
    SignupEndReason.LEFT_WAITING_LIST,
)


def cancel_signup(signup: Signup, *, by, now: datetime | None = None) -> Signup:
    """Cancel an active signup and give a freed seat to the waiting list in the same step.

    The participant may cancel until the course's cancellation deadline (an offer or a
    place on the waiting list can always be given up); organisers may cancel at any time.
    Cancelling a signup that is no longer active returns it unchanged.
    """
    now = now or timezone.now()
    with transaction.atomic():
        course = lock_course(signup.course_id)
        signup = lock_signup(signup.pk)
        if not signup.is_active:
            return signup
        by_participant = by.pk == signup.user_id
        organiser = is_organiser(by, course)
        if not by_participant and not organiser:
            raise CourseError(_("You cannot cancel someone else's signup."))
        if (
            by_participant
            and not organiser
            and signup.status == SignupStatus.CONFIRMED
            and course.cancellation_closes_at is not None
            and now >= course.cancellation_closes_at
        ):
            raise CourseError(
                _(
                    "The cancellation deadline has passed. Please contact the organiser "
                    "if you cannot come."
                )
            )
        if by_participant and signup.status == SignupStatus.WAITLISTED:
            reason = SignupEndReason.LEFT_WAITING_LIST
        elif by_participant:
            reason = SignupEndReason.CANCELLED_BY_PARTICIPANT
        else:
            reason = SignupEndReason.CANCELLED_BY_ORGANISER
        held_seat = signup.status in SEAT_HOLDING_STATUSES
        was_confirmed = signup.status == SignupStatus.CONFIRMED
        end_signup(signup, SignupStatus.CANCELLED, reason, now, by=by)
        log_signup_change("signup_cancelled", course, signup, by=by, reason=reason)
        notifications.signup_cancelled(
            signup, by_organiser=not by_participant, had_seat=was_confirmed
        )
        if held_seat:
            promote_waiting_list(course, now=now)
    return signup


def leave_waiting_list(signup: Signup, *, by, now: datetime | None = None) -> Signup:
    """Take yourself off the waiting list. Leaving twice is the same as leaving once."""
    if by.pk != signup.user_id:
        raise CourseError(_("You can only leave the waiting list yourself."))
    with transaction.atomic():
        lock_course(signup.course_id)
        signup = lock_signup(signup.pk)
        if signup.status == SignupStatus.CANCELLED:
            return signup
        if signup.status != SignupStatus.WAITLISTED:
            raise CourseError(_("You are not on the waiting list for this course."))
        return cancel_signup(signup, by=by, now=now)


def withdraw_deleted_account(user, *, now: datetime | None = None) -> int:
    """Give up every active signup of a person whose account is being deleted, so their
    seats go to the waiting list. No deadline applies and nobody emails a deleted address.
    Runs inside the account-deletion transaction. Returns the number of signups ended."""
    now = now or timezone.now()
    ended = 0
    with transaction.atomic():
        course_ids = sorted(
            set(
                Signup.objects.filter(user=user, status__in=ACTIVE_SIGNUP_STATUSES).values_list(
                    "course_id", flat=True
                )
            )
        )
        for course_id in course_ids:
            course = lock_course(course_id)
            for signup in Signup.objects.select_for_update(of=("self",)).filter(
                course=course, user=user, status__in=ACTIVE_SIGNUP_STATUSES
            ):
                held_seat = signup.status in SEAT_HOLDING_STATUSES
                end_signup(
                    signup, SignupStatus.CANCELLED, SignupEndReason.CANCELLED_BY_PARTICIPANT, now
                )
                log_signup_change(
                    "signup_cancelled",
                    course,
                    signup,
                    by=user,
                    reason=SignupEndReason.CANCELLED_BY_PARTICIPANT,
                )
                if held_seat:
                    promote_waiting_list(course, now=now)
                ended += 1
    return ended


def undoable_cancellation(
    course: Course, user, now: datetime | None = None, *, holds_no_active_signup: bool = False
) -> Signup | None:
    """The participant's own cancellation of this course that they may still take back:
    within UNDO_WINDOW, and only while they hold no other active signup for it
    (`holds_no_active_signup`: the caller has just read that, e.g. the course page; one query
    fewer)."""
    if not user.is_authenticated:
        return None
    now = now or timezone.now()
    signups = Signup.objects.filter(course=course, user=user)
    if not holds_no_active_signup and signups.filter(status__in=ACTIVE_SIGNUP_STATUSES).exists():
        return None
    return (
        signups.filter(
            status=SignupStatus.CANCELLED,
            cancelled_by=user,
            end_reason__in=UNDOABLE_END_REASONS,
            cancelled_at__gt=now - UNDO_WINDOW,
        )
        .order_by("-cancelled_at", "-pk")
        .first()
    )


def own_signup_and_undoable(
    signups: QuerySet[Signup], course: Course, user, now: datetime | None = None
) -> tuple[Signup | None, Signup | None]:
    """The person's active signup for the course, and — only when they hold none — the
    cancellation `undoable_cancellation` would answer, from one query of all their signups for
    the course (a handful at most: one active, and what they cancelled before). The course page
    asks this on every view; the undo offer cost a query of its own. `signups`: the queryset to
    read them from, e.g. with the annotations the caller shows, or a PreparedQuery of them
    taking (course id, user id)."""
    if not user.is_authenticated:
        return None, None
    now = now or timezone.now()
    if isinstance(signups, PreparedQuery):
        rows = signups.instances(course.pk, user.pk)
    else:
        rows = list(signups.filter(course_id=course.pk, user_id=user.pk))
    # At most one active signup per person and course (a database constraint).
    active = next((row for row in rows if row.status in ACTIVE_SIGNUP_STATUSES), None)
    if active is not None:
        return active, None
    undoable = [row for row in rows if _undoable_by(row, user, now)]
    return None, max(undoable, key=lambda row: (row.cancelled_at, row.pk), default=None)


def _undoable_by(signup: Signup, user, now: datetime) -> bool:
    """`undoable_cancellation`'s conditions, for a row already read."""
    return (
        signup.status == SignupStatus.CANCELLED
        and signup.cancelled_by_id == user.pk
        and signup.end_reason in UNDOABLE_END_REASONS
        and signup.cancelled_at is not None
        and signup.cancelled_at > now - UNDO_WINDOW
    )


def undo_cancellation(signup: Signup, *, by, now: datetime | None = None) -> Signup:
    """Take back one's own cancellation within UNDO_WINDOW and return the restored signup.

    A seat comes back only if it is still free: when the waiting list got it (or it was
    offered on, or someone signed up for it), the undo is refused with a message. A place on
    the waiting list comes back with its number, a request for approval as a request. The
    restored signup is a new row (the cancelled one stays in the history), so calendar
    invitations rank above the cancellation sent a moment ago. Special needs were erased with
    the cancellation and are not restored.
    """
    now = now or timezone.now()
    too_late = _("It is too late to undo the cancellation. You can sign up again if there is room.")
    with transaction.atomic():
        course = lock_course(signup.course_id)
        signup = lock_signup(signup.pk)
        if signup.user_id != by.pk:
            raise CourseError(_("You can only undo your own cancellation."))
        if Signup.objects.filter(
            course=course, user_id=by.pk, status__in=ACTIVE_SIGNUP_STATUSES
        ).exists():
            raise CourseError(_("You are already signed up for this course."))
        if (
            signup.status != SignupStatus.CANCELLED
            or signup.cancelled_by_id != by.pk
            or signup.end_reason not in UNDOABLE_END_REASONS
            or signup.cancelled_at is None
            or now - signup.cancelled_at > UNDO_WINDOW
        ):
            raise CourseError(too_late)
        if course.status != CourseStatus.PUBLISHED:
            raise CourseError(_("This course is not open for signup."))
        restored = Signup(
            course=course,
            user_id=signup.user_id,
            association=signup.association,
            show_name_to_participants=signup.show_name_to_participants,
        )
        if signup.end_reason == SignupEndReason.LEFT_WAITING_LIST:
            # The same place in the queue: move the number from the cancelled row.
            restored.status = SignupStatus.WAITLISTED
            restored.waitlisted_at = signup.waitlisted_at
            restored.queue_number = signup.queue_number
            signup.queue_number = None
            signup.save(update_fields=["queue_number", "updated_at"])
        elif signup.confirmed_at is None:
            restored.status = SignupStatus.PENDING
        else:
            if not seat_counts(course).has_free_seat(course):
                raise CourseError(
                    _(
                        "Your seat has already gone to someone else, so the cancellation "
                        "cannot be undone. You can join the waiting list."
                    )
                )
            restored.status = SignupStatus.CONFIRMED
            restored.confirmed_at = now
        restored.save()
        log_signup_change("cancellation_undone", course, restored, by=by, cancelled=signup.pk)
        logger.info("Signup %s restored as %s (%s)", signup.pk, restored.pk, restored.status)
        if restored.status == SignupStatus.CONFIRMED:
            notifications.signup_confirmed(restored, how="restored")
    return restored
