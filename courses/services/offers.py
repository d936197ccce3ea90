"""Seat offers from the waiting list: accepting, declining and letting them expire.

An offer holds a seat (SEAT_HOLDING_STATUSES) for `Course.offer_hours`, never beyond the
signup deadline. When it is declined or runs out, the seat goes to the next person in the
same transaction (promote_waiting_list).

The hours count from when the offer's email actually left: if the mail server was down, the
deadline moves on by the delay once the email is sent (`start_offer_clock`), and an offer
whose email is still waiting in the outbox never expires.
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.email import about_key
from core.models import EmailStatus, OutgoingEmail
from courses.models import Signup, SignupEndReason, SignupStatus
from courses.services import notifications
from courses.services.base import (
    CourseError,
    lock_course,
    lock_signup,
    log_course_change,
    log_signup_change,
)
from courses.services.signups import end_signup, format_local
from courses.services.waiting_list import promote_waiting_list

logger = logging.getLogger(__name__)

OFFER_EMAIL = "emails/courses/seat_offered"
# Deliveries later than this after the offer move its deadline; quicker ones are not worth a lock.
CLOCK_SLACK = timedelta(minutes=1)


def accept_offer(signup: Signup, *, by, now: datetime | None = None) -> Signup:
    """Take the offered seat. An expired offer is passed on and the person is told so."""
    if by.pk != signup.user_id:
        raise CourseError(_("This offer is for someone else."))
    now = now or timezone.now()
    expired = False
    with transaction.atomic():
        course = lock_course(signup.course_id)
        signup = lock_signup(signup.pk)
        if signup.status == SignupStatus.CONFIRMED:
            return signup
        if signup.status != SignupStatus.OFFERED or course.is_cancelled:
            raise CourseError(_("This offer is no longer open."))
        if signup.offer_expires_at is not None and now >= signup.offer_expires_at:
            _expire_offer(signup, now)
            _log_expired(course, [signup])
            promote_waiting_list(course, now=now)
            expired = True
        else:
            signup.status = SignupStatus.CONFIRMED
            signup.confirmed_at = now
            signup.save(update_fields=["status", "confirmed_at", "updated_at"])
            log_signup_change("offer_accepted", course, signup, by=by)
            notifications.signup_confirmed(signup, how="offer_accepted")
    if expired:
        # Raised after the commit, so the seat has already gone to the next person.
        raise CourseError(
            _("Sorry, the offer expired %(time)s and the seat has gone to the next person.")
            % {"time": format_local(signup.offer_expires_at)}
        )
    return signup


def decline_offer(signup: Signup, *, by, now: datetime | None = None) -> Signup:
    """Say no to an offered seat; it goes to the next person on the waiting list."""
    if by.pk != signup.user_id:
        raise CourseError(_("This offer is for someone else."))
    now = now or timezone.now()
    with transaction.atomic():
        course = lock_course(signup.course_id)
        signup = lock_signup(signup.pk)
        if signup.status == SignupStatus.DECLINED:
            return signup
        if signup.status != SignupStatus.OFFERED:
            raise CourseError(_("This offer is no longer open."))
        end_signup(signup, SignupStatus.DECLINED, SignupEndReason.OFFER_DECLINED, now)
        log_signup_change(
            "offer_declined", course, signup, by=by, reason=SignupEndReason.OFFER_DECLINED
        )
        promote_waiting_list(course, now=now)
    return signup


def expire_offers(*, now: datetime | None = None) -> int:
    """Pass every offer that was not accepted in time to the next person. Idempotent.

    Each course is handled in its own short transaction, so a run every minute never holds
    many locks. Returns the number of offers that expired.
    """
    now = now or timezone.now()
    course_ids = (
        Signup.objects.filter(status=SignupStatus.OFFERED, offer_expires_at__lte=now)
        .values_list("course_id", flat=True)
        .distinct()
    )
    expired = 0
    for course_id in sorted(set(course_ids)):
        with transaction.atomic():
            course = lock_course(course_id)
            # Re-read under the lock: the person may have accepted a moment ago.
            signups = list(
                Signup.objects.select_for_update(of=("self",))
                .select_related("user", "course")
                .filter(course=course, status=SignupStatus.OFFERED, offer_expires_at__lte=now)
            )
            unsent = _offers_with_unsent_email(signups)
            signups = [signup for signup in signups if signup.pk not in unsent]
            for signup in signups:
                _expire_offer(signup, now)
            _log_expired(course, signups)
            expired += len(signups)
            promote_waiting_list(course, now=now)
    return expired


def _expire_offer(signup: Signup, now: datetime) -> None:
    end_signup(signup, SignupStatus.DECLINED, SignupEndReason.OFFER_EXPIRED, now)
    notifications.offer_expired(signup)
    logger.info("Offer to signup %s expired", signup.pk)


def _log_expired(course, signups: list[Signup]) -> None:
    """One entry per course and run, by the site: nobody let the offers go on purpose."""
    if signups:
        log_course_change(
            "offers_expired",
            course,
            by=None,
            signups=sorted(signup.pk for signup in signups),
            count=len(signups),
        )


def _offers_with_unsent_email(signups: list[Signup]) -> set[int]:
    """The signups among `signups` whose offer email is still waiting in the outbox."""
    if not signups:
        return set()
    keys = {about_key(signup): signup.pk for signup in signups}
    waiting = OutgoingEmail.objects.filter(
        kind=OFFER_EMAIL,
        about__in=list(keys),
        status__in=[EmailStatus.PENDING, EmailStatus.SENDING],
    ).values_list("about", flat=True)
    return {keys[about] for about in waiting}


def start_offer_clock(signup_id: int, *, sent_at: datetime) -> Signup | None:
    """The offer's email left at `sent_at`: give the person the offer's full hours from then
    (never past the signup deadline). Does nothing when the offer is no longer open or the
    email went out within CLOCK_SLACK. Returns the signup when its deadline moved."""
    signup = Signup.objects.filter(pk=signup_id).only("course_id", "status", "offered_at").first()
    if signup is None or signup.status != SignupStatus.OFFERED or signup.offered_at is None:
        return None
    if sent_at - signup.offered_at < CLOCK_SLACK:
        return None
    with transaction.atomic():
        course = lock_course(signup.course_id)
        signup = lock_signup(signup_id)
        if signup.status != SignupStatus.OFFERED or course.signup_closes_at is None:
            return None
        new_deadline = min(sent_at + timedelta(hours=course.offer_hours), course.signup_closes_at)
        if signup.offer_expires_at is not None and new_deadline <= signup.offer_expires_at:
            return None
        signup.offer_expires_at = new_deadline
        signup.save(update_fields=["offer_expires_at", "updated_at"])
    logger.info(
        "Offer to signup %s: email sent %s late, deadline now %s",
        signup_id,
        sent_at - signup.offered_at,
        new_deadline.isoformat(),
    )
    return signup


def offer_email_sent(sender, email, **kwargs) -> None:
    """core.outbox.email_sent receiver: start the offer's clock when its email has left."""
    if email.kind != OFFER_EMAIL or not email.about.startswith("courses.signup:"):
        return
    start_offer_clock(int(email.about.split(":", 1)[1]), sent_at=email.sent_at)
