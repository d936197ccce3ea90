"""Signing up, and the organisers' decisions on a signup: the only code that creates a signup.

Every function in `courses.services` that changes a signup locks the course row first
(`lock_course`) and decides inside that one transaction, so two people can never take the last
seat, a waiting list is promoted first in, first out, and calling a function twice does no more
than calling it once. This module signs people up and ends signups; the waiting list is in
`waiting_list.py`, cancelling and taking it back in `cancellation.py`, seat offers in
`offers.py`.

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
from datetime import datetime

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from core.prepared import PreparedInsert
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    Course,
    CourseStatus,
    Signup,
    SignupAnswer,
    SignupEndReason,
    SignupStatus,
)
from courses.rules import is_organiser
from courses.services import notifications, questions
from courses.services.base import (
    CourseError,
    lock_course,
    lock_course_and_count,
    lock_for_organiser,
    lock_signup,
    log_signup_change,
    seat_counts,
)

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


def _organisers(course: Course):
    return list(course.organisers.filter(is_active=True))


# The signup's INSERT, built once per process (core.prepared): it runs while others queue.
_NEW_SIGNUP = PreparedInsert(Signup)


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
    # The answers are checked against the questions before the lock, which signups of other
    # people do not change: one query less while others queue. A refusal still comes after
    # the checks below (a repeated signup is returned, a closed course says so first).
    try:
        kept_answers, answers_refused = questions.checked_answers(course, answers), None
    except CourseError as error:
        kept_answers, answers_refused = {}, error
    with transaction.atomic():
        # The commit does not wait for the disk while others queue for the lock; the email's
        # task row, written right after the commit, does, and with it this signup: it is on
        # disk before the person is told (lock_course, core.outbox.schedule_after_commit).
        # The counts also say whether they already hold a signup.
        course, counts = lock_course_and_count(course.pk, user)
        if counts.mine:
            existing = Signup.objects.filter(
                course=course, user=user, status__in=ACTIVE_SIGNUP_STATUSES
            ).first()
            if existing is not None:
                return existing
        check_signup_open(course, now)
        invoice = _invoicing(course, invoicing)
        if answers_refused is not None:
            raise answers_refused
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
            # Their place as the queries' waiting_position_expression() would read it now.
            signup.position = counts.waiting + 1
        _NEW_SIGNUP.save(signup)
        if kept_answers:  # a new signup has no answers to replace: no DELETE inside the lock
            questions.save_answers(signup, kept_answers)
        log_signup_change("signed_up", course, signup, by=user)

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
    logger.info("Signup %s: %s for course %s", signup.pk, signup.status, course.pk)
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
        log_signup_change("signup_details_changed", signup.course, signup, by=by)
    return signup


def approve_signup(signup: Signup, *, by, now: datetime | None = None) -> Signup:
    """An organiser lets a pending signup in: a free seat if there is one, else the waiting
    list (or an error when the course is full and has no waiting list)."""
    now = now or timezone.now()
    with transaction.atomic():
        course, signup = lock_for_organiser(
            signup, by, _("Only the course's organisers can approve signups.")
        )
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
            log_signup_change("signup_approved", course, signup, by=by)
            notifications.signup_confirmed(signup, how="approved")
        elif course.waiting_list_enabled:
            signup.status = SignupStatus.WAITLISTED
            signup.waitlisted_at = now
            signup.queue_number = counts.last_queue_number + 1
            signup.save(update_fields=["status", "waitlisted_at", "queue_number", "updated_at"])
            log_signup_change("signup_approved", course, signup, by=by)
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
        log_signup_change("participant_added", course, signup, by=by)
        if signup.status == SignupStatus.CONFIRMED:
            notifications.signup_confirmed(signup, how="added")
        else:
            notifications.signup_waitlisted(signup, position=counts.waiting + 1, how="added")
    return signup


def decline_signup(signup: Signup, *, by, message: str = "", now=None) -> Signup:
    """An organiser says no to a pending signup; the person is told, with `message`."""
    now = now or timezone.now()
    with transaction.atomic():
        course, signup = lock_for_organiser(
            signup, by, _("Only the course's organisers can decline signups.")
        )
        if signup.status == SignupStatus.DECLINED:
            return signup
        if signup.status != SignupStatus.PENDING:
            raise CourseError(_("This signup is not waiting for approval."))
        end_signup(signup, SignupStatus.DECLINED, SignupEndReason.NOT_APPROVED, now, by=by)
        # The message to the person is not logged: it may say why, in personal terms.
        log_signup_change(
            "signup_declined", course, signup, by=by, reason=SignupEndReason.NOT_APPROVED
        )
        notifications.signup_declined(signup, message=message.strip())
    return signup


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
