"""Signups: the only code that creates a signup or changes its status.

Every function here locks the course row first (`lock_course`) and decides inside that one
transaction, so two people can never take the last seat, a waiting list is promoted first in,
first out, and calling a function twice does no more than calling it once.

The states and the transitions between them (organiser = staff or a named organiser):

    (none)      -> confirmed | waitlisted | pending       sign_up
    pending     -> confirmed | waitlisted                 approve_signup (organiser)
    pending     -> declined                               decline_signup (organiser)
    (none)      -> confirmed | waitlisted                 add_participant (organiser)
    waitlisted  -> confirmed                              give_seat (organiser, free seat)
    waitlisted  -> confirmed | offered                    promote_waiting_list (automatic / offer)
    offered     -> confirmed                              accept_offer
    offered     -> declined                               decline_offer, expire_offers
    waitlisted  -> cancelled                              leave_waiting_list
    any active  -> cancelled                              cancel_signup
    cancelled   -> (a new) confirmed | waitlisted | pending   undo_cancellation (the
                   participant, within UNDO_WINDOW, while the seat is still free)

Special needs (`Signup.needs`, often health details) and the answers to the course's own
signup questions (`SignupAnswer`) are erased when a signup ends
(`end_signup`: cancelled, declined, offer expired, not approved, account deleted) and for
everyone once the course has ended (`erase_needs_of_ended_courses`, nightly).
"""

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    SEAT_HOLDING_STATUSES,
    Course,
    CourseStatus,
    Signup,
    SignupAnswer,
    SignupEndReason,
    SignupStatus,
    WaitingListMode,
)
from courses.rules import is_course_administrator, is_organiser
from courses.services import notifications, questions
from courses.services.base import CourseError, lock_course, lock_signup, seat_counts

logger = logging.getLogger(__name__)

SIGNUP_DETAIL_FIELDS = (
    "association",
    "linked_association_id",
    "needs",
    "show_name_to_participants",
)
INVOICE_FIELDS = ("invoice_association", "invoice_ean", "invoice_cvr", "invoice_reference")


def _invoicing(course: Course, details: dict) -> dict:
    """The invoicing details to store: for a course invoiced to the association the name and
    an EAN or CVR number are required (the form checks the numbers); otherwise none."""
    if not course.is_invoiced:
        return dict.fromkeys(INVOICE_FIELDS, "")
    values = {name: (details.get(name) or "").strip() for name in INVOICE_FIELDS}
    if not values["invoice_association"] or not (values["invoice_ean"] or values["invoice_cvr"]):
        raise CourseError(
            _("This course is invoiced to the association: give its name and EAN or CVR number.")
        )
    return values


# How long a participant can take back their own cancellation ("Fortryd").
UNDO_WINDOW = timedelta(minutes=10)
UNDOABLE_END_REASONS = (
    SignupEndReason.CANCELLED_BY_PARTICIPANT,
    SignupEndReason.LEFT_WAITING_LIST,
)


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
    linked_association_id: int | None = None,
    needs: str = "",
    show_name_to_participants: bool = False,
    now: datetime | None = None,
    answers: Mapping[int, str] | None = None,
    **invoicing: str,
) -> Signup:
    """Sign `user` up for `course` and return the signup.

    `answers`: question id → answer to the course's own signup questions (checked here too).

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
        invoice = _invoicing(course, invoicing)
        kept_answers = questions.checked_answers(course, answers)
        counts = seat_counts(course)
        has_seat = counts.has_free_seat(course) and counts.waiting == 0
        if not has_seat and not course.waiting_list_enabled:
            raise CourseError(_("The course is full."))

        signup = Signup(
            course=course,
            user=user,
            association=association.strip(),
            linked_association_id=linked_association_id,
            needs=needs.strip(),
            show_name_to_participants=show_name_to_participants,
            **invoice,
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
        if kept_answers:  # a new signup has no answers to replace: no DELETE inside the lock
            questions.save_answers(signup, kept_answers)
        logger.info("Signup %s: %s for course %s", signup.pk, signup.status, course.pk)

        # The row lock is held until the commit: the participant's email is stored now and
        # rendered (templates, calendar file) by the sender after the commit, so the next
        # person in line does not wait for it.
        if signup.status == SignupStatus.CONFIRMED:
            notifications.signup_confirmed(signup, how="signup", after_commit=True)
        elif signup.status == SignupStatus.WAITLISTED:
            notifications.signup_waitlisted(
                signup, position=counts.waiting + 1, how="signup", after_commit=True
            )
        else:
            notifications.signup_pending(signup, _organisers(course), after_commit=True)
    return signup


def update_signup_details(
    signup: Signup,
    *,
    by,
    association: str,
    needs: str,
    show_name_to_participants: bool,
    linked_association_id: int | None = None,
    answers: Mapping[int, str] | None = None,
    **invoicing: str,
) -> Signup:
    """Let a participant change what they told the organisers, their list consent, their
    answers to the course's questions (when `answers` is given) and, for an invoiced course,
    whom to invoice."""
    if by.pk != signup.user_id:
        raise CourseError(_("You can only change your own signup."))
    with transaction.atomic():
        lock_course(signup.course_id)
        signup = lock_signup(signup.pk)
        if not signup.is_active:
            raise CourseError(_("This signup is no longer active."))
        signup.association = association.strip()
        signup.linked_association_id = linked_association_id
        signup.needs = needs.strip()
        signup.show_name_to_participants = show_name_to_participants
        fields = [*SIGNUP_DETAIL_FIELDS, "updated_at"]
        if signup.course.is_invoiced:
            for name, value in _invoicing(signup.course, invoicing).items():
                setattr(signup, name, value)
            fields += INVOICE_FIELDS
        signup.save(update_fields=fields)
        if answers is not None:
            questions.save_answers(signup, questions.checked_answers(signup.course, answers))
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


def add_participant(course: Course, user, *, by, now: datetime | None = None) -> Signup:
    """An organiser signs an existing account up by hand.

    A seat when one is free and nobody is waiting before them, else the waiting list (or an
    error when the course is full and has no waiting list). No approval is asked: the
    organiser is the one who approves. Unlike a signup of one's own, it may happen after the
    signup deadline, but not for a cancelled or ended course or a draft. The person is told
    by email as for a normal signup.
    """
    now = now or timezone.now()
    with transaction.atomic():
        course = lock_course(course.pk)
        if not is_organiser(by, course):
            raise CourseError(_("Only the course's organisers can add participants."))
        if not user.is_active:
            raise CourseError(_("This account is closed and cannot be signed up."))
        if course.is_cancelled:
            raise CourseError(_("This course has been cancelled."))
        if course.status != CourseStatus.PUBLISHED or course.ends_at is None:
            raise CourseError(_("Participants can be added once the course is published."))
        if course.ends_at <= now:
            raise CourseError(_("The course has ended, so nobody can be added."))
        existing = Signup.objects.filter(
            course=course, user=user, status__in=ACTIVE_SIGNUP_STATUSES
        ).first()
        if existing is not None:
            raise CourseError(
                _("%(name)s is already on the list (%(status)s).")
                % {"name": user.get_full_name(), "status": existing.get_status_display()}
            )
        counts = seat_counts(course)
        signup = Signup(course=course, user=user)
        if counts.has_free_seat(course) and counts.waiting == 0:
            signup.status = SignupStatus.CONFIRMED
            signup.confirmed_at = now
        elif course.waiting_list_enabled:
            signup.status = SignupStatus.WAITLISTED
            signup.waitlisted_at = now
            signup.queue_number = counts.last_queue_number + 1
        else:
            raise CourseError(_("The course is full and has no waiting list."))
        signup.save()
        logger.info("Signup %s added by %s: %s", signup.pk, by.pk, signup.status)
        if signup.status == SignupStatus.CONFIRMED:
            notifications.signup_confirmed(signup, how="added")
        else:
            notifications.signup_waitlisted(signup, position=counts.waiting + 1, how="added")
    return signup


def give_seat(signup: Signup, *, by, now: datetime | None = None) -> Signup:
    """An organiser moves someone from the waiting list to a seat, whatever their place in
    the queue. Only into a free seat: a full course needs more seats first (a course
    administrator raises the capacity), so the organisers never overfill a room by a click."""
    now = now or timezone.now()
    with transaction.atomic():
        course = lock_course(signup.course_id)
        if not is_organiser(by, course):
            raise CourseError(_("Only the course's organisers can give seats."))
        signup = lock_signup(signup.pk)
        if signup.status == SignupStatus.CONFIRMED:
            return signup
        if signup.status != SignupStatus.WAITLISTED:
            raise CourseError(_("This person is not on the waiting list."))
        if course.is_cancelled:
            raise CourseError(_("This course has been cancelled."))
        if course.ends_at is not None and course.ends_at <= now:
            raise CourseError(_("The course has ended."))
        if not seat_counts(course).has_free_seat(course):
            raise CourseError(
                _(
                    "There is no free seat. A course administrator can raise the number of "
                    "seats first, or a participant must cancel."
                )
            )
        signup.status = SignupStatus.CONFIRMED
        signup.confirmed_at = now
        signup.save(update_fields=["status", "confirmed_at", "updated_at"])
        logger.info("Signup %s given a seat by %s", signup.pk, by.pk)
        notifications.signup_confirmed(signup, how="moved")
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
    if not is_course_administrator(by):
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
    """End a signup. Its "special needs" (often health details) go at once: nobody needs them
    for a seat that is no longer held, and an undo starts a fresh signup without them."""
    signup.status = status
    signup.end_reason = reason
    signup.needs = ""
    fields = ["status", "end_reason", "needs", "updated_at"]
    if status == SignupStatus.CANCELLED:
        signup.cancelled_at = now
        signup.cancelled_by = by
        fields += ["cancelled_at", "cancelled_by"]
    else:
        signup.declined_at = now
        fields.append("declined_at")
    signup.save(update_fields=fields)
    # Answers to the course's own questions are personal data too: they go the same way.
    SignupAnswer.objects.filter(signup=signup).delete()
    logger.info("Signup %s ended: %s (%s)", signup.pk, status, reason)


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
        logger.info("Signup %s restored as %s (%s)", signup.pk, restored.pk, restored.status)
        if restored.status == SignupStatus.CONFIRMED:
            notifications.signup_confirmed(restored, how="restored")
    return restored


def erase_needs_of_ended_courses(*, now: datetime | None = None) -> int:
    """Erase every signup's special needs on courses that have ended (or were cancelled):
    organisers need them to prepare and run the course, nobody after. Returns how many."""
    now = now or timezone.now()
    ended = Course.objects.filter(ends_at__lt=now) | Course.objects.filter(
        status=CourseStatus.CANCELLED
    )
    # The answers to the course's own questions go too (not counted: a count of needs).
    SignupAnswer.objects.filter(signup__course__in=ended.values("pk")).delete()
    return (
        Signup.objects.filter(course__in=ended.values("pk"))
        .exclude(needs="")
        .update(needs="", updated_at=now)
    )
