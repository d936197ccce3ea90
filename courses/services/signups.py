"""Signups: the only code that creates a signup or changes its status.

Every function here locks the course row first (`lock_course`) and decides inside that one
transaction, so two people can never take the last seat, a waiting list is promoted first in,
first out, and calling a function twice does no more than calling it once.

The states and the transitions between them (organiser = staff or a named organiser):

    (none)      -> confirmed | waitlisted | pending       sign_up
    pending     -> confirmed | waitlisted                 approve_signup (organiser)
    pending     -> declined                               decline_signup (organiser)
    waitlisted  -> confirmed | offered                    promote_waiting_list (automatic / offer)
    offered     -> confirmed                              accept_offer
    offered     -> declined                               decline_offer, expire_offers
    waitlisted  -> cancelled                              leave_waiting_list
    any active  -> cancelled                              cancel_signup
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from courses.access import can_manage_courses, is_organiser
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    SEAT_HOLDING_STATUSES,
    Course,
    CourseStatus,
    Signup,
    SignupEndReason,
    SignupStatus,
    WaitingListMode,
)
from courses.services import notifications
from courses.services.base import CourseError, lock_course, lock_signup, seat_counts

logger = logging.getLogger(__name__)

SIGNUP_DETAIL_FIELDS = ("association", "needs", "show_name_to_participants")


def format_local(value: datetime) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def check_signup_open(course: Course, now: datetime) -> None:
    """Raise CourseError unless `course` takes signups at `now`."""
    if course.status == CourseStatus.CANCELLED:
        raise CourseError(_("This course has been cancelled."))
    if course.status != CourseStatus.PUBLISHED or course.starts_at is None:
        raise CourseError(_("This course is not open for signup."))
    if course.signup_opens_at and now < course.signup_opens_at:
        raise CourseError(
            _("Signup opens %(time)s.") % {"time": format_local(course.signup_opens_at)}
        )
    if now >= course.signup_closes_at:
        raise CourseError(_("Signup for this course has closed."))


def waiting_position(signup: Signup) -> int | None:
    """1 for the first person on the waiting list; None when not waiting."""
    if signup.status != SignupStatus.WAITLISTED or signup.queue_number is None:
        return None
    return Signup.objects.filter(
        course_id=signup.course_id,
        status=SignupStatus.WAITLISTED,
        queue_number__lte=signup.queue_number,
    ).count()


def _organisers(course: Course):
    return list(course.organisers.filter(is_active=True))


def sign_up(
    course: Course,
    user,
    *,
    association: str = "",
    needs: str = "",
    show_name_to_participants: bool = False,
    now: datetime | None = None,
) -> Signup:
    """Sign `user` up for `course` and return the signup.

    Confirmed when a seat is free and nobody is waiting before them; otherwise on the
    waiting list (or refused when the course has none); pending when an organiser approves
    signups. A person who already holds an active signup gets that signup back unchanged,
    so a double click or a repeated POST creates nothing.
    """
    if not user.is_authenticated:
        raise CourseError(_("Log in to sign up."))
    now = now or timezone.now()
    with transaction.atomic():
        course = lock_course(course.pk)
        existing = Signup.objects.filter(
            course=course, user=user, status__in=ACTIVE_SIGNUP_STATUSES
        ).first()
        if existing is not None:
            return existing
        check_signup_open(course, now)
        counts = seat_counts(course)
        has_seat = counts.has_free_seat(course) and counts.waiting == 0
        if not has_seat and not course.waiting_list_enabled:
            raise CourseError(_("The course is full."))

        signup = Signup(
            course=course,
            user=user,
            association=association.strip(),
            needs=needs.strip(),
            show_name_to_participants=show_name_to_participants,
        )
        if course.requires_approval:
            signup.status = SignupStatus.PENDING
        elif has_seat:
            signup.status = SignupStatus.CONFIRMED
            signup.confirmed_at = now
        else:
            signup.status = SignupStatus.WAITLISTED
            signup.waitlisted_at = now
            signup.queue_number = counts.last_queue_number + 1
        signup.save()
        logger.info("Signup %s: %s for course %s", signup.pk, signup.status, course.pk)

        if signup.status == SignupStatus.CONFIRMED:
            notifications.signup_confirmed(signup, how="signup")
        elif signup.status == SignupStatus.WAITLISTED:
            notifications.signup_waitlisted(signup, position=counts.waiting + 1, how="signup")
        else:
            notifications.signup_pending(signup, _organisers(course))
    return signup


def update_signup_details(
    signup: Signup, *, by, association: str, needs: str, show_name_to_participants: bool
) -> Signup:
    """Let a participant change what they told the organisers, and their list consent."""
    if by.pk != signup.user_id:
        raise CourseError(_("You can only change your own signup."))
    with transaction.atomic():
        lock_course(signup.course_id)
        signup = lock_signup(signup.pk)
        if not signup.is_active:
            raise CourseError(_("This signup is no longer active."))
        signup.association = association.strip()
        signup.needs = needs.strip()
        signup.show_name_to_participants = show_name_to_participants
        signup.save(update_fields=[*SIGNUP_DETAIL_FIELDS, "updated_at"])
    return signup


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
        notifications.signup_cancelled(
            signup, by_organiser=not by_participant, had_seat=was_confirmed
        )
        if held_seat:
            promote_waiting_list(course, now=now)
    return signup


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
                if held_seat:
                    promote_waiting_list(course, now=now)
                ended += 1
    return ended


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


def promote_waiting_list(course: Course, *, now: datetime | None = None) -> list[Signup]:
    """Give free seats to the waiting list, first in, first out. Needs the course lock.

    Automatic mode confirms the next people; offer mode holds the seat for them for
    `offer_hours`, but never beyond the signup deadline or the start of the course. After
    the deadline, or for a course that is not published, nobody is promoted.
    """
    now = now or timezone.now()
    course = lock_course(course.pk)  # re-entrant: the same transaction already holds it
    if course.status != CourseStatus.PUBLISHED or course.signup_closes_at is None:
        return []
    if now >= course.signup_closes_at:
        return []
    counts = seat_counts(course)
    free = counts.free_seats(course)
    if counts.waiting == 0 or free == 0:
        return []
    waiting = Signup.objects.select_for_update(of=("self",)).select_related("user", "course")
    waiting = waiting.filter(course=course, status=SignupStatus.WAITLISTED).order_by(
        "queue_number", "pk"
    )
    if free is not None:
        waiting = waiting[:free]
    promoted = list(waiting)
    if not promoted:
        return []
    meetings = list(course.meetings.all())
    for signup in promoted:
        signup.course = course
        if course.waiting_list_mode == WaitingListMode.OFFER:
            signup.status = SignupStatus.OFFERED
            signup.offered_at = now
            signup.offer_expires_at = min(
                now + timedelta(hours=course.offer_hours), course.signup_closes_at
            )
            signup.save(update_fields=["status", "offered_at", "offer_expires_at", "updated_at"])
            notifications.seat_offered(signup, meetings=meetings)
        else:
            signup.status = SignupStatus.CONFIRMED
            signup.confirmed_at = now
            signup.save(update_fields=["status", "confirmed_at", "updated_at"])
            notifications.signup_confirmed(signup, how="promoted", meetings=meetings)
        logger.info("Signup %s promoted to %s", signup.pk, signup.status)
    return promoted


def approve_signup(signup: Signup, *, by, now: datetime | None = None) -> Signup:
    """An organiser lets a pending signup in: a free seat if there is one, else the waiting
    list (or an error when the course is full and has no waiting list)."""
    now = now or timezone.now()
    with transaction.atomic():
        course = lock_course(signup.course_id)
        if not is_organiser(by, course):
            raise CourseError(_("Only the course's organisers can approve signups."))
        signup = lock_signup(signup.pk)
        if signup.status in (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED):
            return signup
        if signup.status != SignupStatus.PENDING:
            raise CourseError(_("This signup is not waiting for approval."))
        if course.is_cancelled:
            raise CourseError(_("This course has been cancelled."))
        counts = seat_counts(course)
        if counts.has_free_seat(course) and counts.waiting == 0:
            signup.status = SignupStatus.CONFIRMED
            signup.confirmed_at = now
            signup.save(update_fields=["status", "confirmed_at", "updated_at"])
            notifications.signup_confirmed(signup, how="approved")
        elif course.waiting_list_enabled:
            signup.status = SignupStatus.WAITLISTED
            signup.waitlisted_at = now
            signup.queue_number = counts.last_queue_number + 1
            signup.save(update_fields=["status", "waitlisted_at", "queue_number", "updated_at"])
            notifications.signup_waitlisted(signup, position=counts.waiting + 1, how="approved")
        else:
            raise CourseError(
                _("The course is full. Raise the capacity first, or decline the signup.")
            )
    return signup


def decline_signup(signup: Signup, *, by, message: str = "", now=None) -> Signup:
    """An organiser says no to a pending signup; the person is told, with `message`."""
    now = now or timezone.now()
    with transaction.atomic():
        course = lock_course(signup.course_id)
        if not is_organiser(by, course):
            raise CourseError(_("Only the course's organisers can decline signups."))
        signup = lock_signup(signup.pk)
        if signup.status == SignupStatus.DECLINED:
            return signup
        if signup.status != SignupStatus.PENDING:
            raise CourseError(_("This signup is not waiting for approval."))
        end_signup(signup, SignupStatus.DECLINED, SignupEndReason.NOT_APPROVED, now, by=by)
        notifications.signup_declined(signup, message=message.strip())
    return signup


def change_capacity(course: Course, capacity: int | None, *, by, now=None) -> list[Signup]:
    """Set the number of seats. Raising it (or removing the limit) promotes the waiting list
    at once; lowering it never removes anyone who already holds a seat."""
    if not can_manage_courses(by):
        raise CourseError(_("Only course administrators can change the number of seats."))
    if capacity is not None and capacity < 1:
        raise CourseError(_("A course needs at least one seat. Leave it empty for no limit."))
    with transaction.atomic():
        course = lock_course(course.pk)
        old = course.capacity
        if old == capacity:
            return []
        course.capacity = capacity
        course.save(update_fields=["capacity", "updated_at"])
        logger.info("Course %s capacity %s -> %s", course.pk, old, capacity)
        if capacity is None or (old is not None and capacity > old):
            return promote_waiting_list(course, now=now)
    return []


def end_signup(signup: Signup, status: str, reason: str, now: datetime, *, by=None) -> None:
    signup.status = status
    signup.end_reason = reason
    fields = ["status", "end_reason", "updated_at"]
    if status == SignupStatus.CANCELLED:
        signup.cancelled_at = now
        signup.cancelled_by = by
        fields += ["cancelled_at", "cancelled_by"]
    else:
        signup.declined_at = now
        fields.append("declined_at")
    signup.save(update_fields=fields)
    logger.info("Signup %s ended: %s (%s)", signup.pk, status, reason)
