"""The waiting list: its order, promotion first in, first out, and seats given by hand.

A free seat goes to the waiting list before anyone new (`sign_up` checks that nobody is
waiting), so promotion runs in the same transaction as whatever freed the seat: a cancellation,
a declined or expired offer, more seats.
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Course, CourseStatus, Signup, SignupStatus, WaitingListMode
from courses.rules import is_course_administrator
from courses.services import notifications
from courses.services.base import (
    CourseError,
    lock_course,
    lock_for_organiser,
    log_course_change,
    log_signup_change,
    seat_counts,
)

logger = logging.getLogger(__name__)


def waiting_position(signup: Signup) -> int | None:
    """1 for the first person on the waiting list; None when not waiting. A signup that
    already knows it (`position`: annotated by a query, or set by sign_up under the lock)
    is not asked again."""
    if signup.status != SignupStatus.WAITLISTED or signup.queue_number is None:
        return None
    if getattr(signup, "position", None) is not None:
        return signup.position
    return Signup.objects.filter(
        course_id=signup.course_id,
        status=SignupStatus.WAITLISTED,
        queue_number__lte=signup.queue_number,
    ).count()


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
    # One entry for the whole step, by the site: nobody chose whom (first in, first out).
    log_course_change(
        "waiting_list_promoted",
        course,
        by=None,
        signups=[signup.pk for signup in promoted],
        count=len(promoted),
        status=str(promoted[0].status),
    )
    return promoted


def give_seat(signup: Signup, *, by, now: datetime | None = None) -> Signup:
    """An organiser moves someone from the waiting list to a seat, whatever their place in
    the queue. Only into a free seat: a full course needs more seats first (a course
    administrator raises the capacity), so the organisers never overfill a room by a click."""
    now = now or timezone.now()
    with transaction.atomic():
        course, signup = lock_for_organiser(
            signup, by, _("Only the course's organisers can give seats.")
        )
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
        log_signup_change("seat_given", course, signup, by=by)
        notifications.signup_confirmed(signup, how="moved")
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
        log_course_change("capacity_changed", course, by=by, **{"from": old, "to": capacity})
        if capacity is None or (old is not None and capacity > old):
            return promote_waiting_list(course, now=now)
    return []
