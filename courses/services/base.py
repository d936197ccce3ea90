"""What every course service shares: the one exception, the course lock and the log."""

from dataclasses import dataclass

from django.db import OperationalError, connection
from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from core.audit import record
from core.services import ServiceError
from courses.models import SEAT_HOLDING_STATUSES, Course, Signup, SignupStatus

# How long a service waits for another request holding the same course before it gives up
# and asks the person to try again (PostgreSQL; on SQLite the busy timeout plays this part).
LOCK_TIMEOUT = "10s"


class CourseError(ServiceError):
    """A change to a course or a signup that is not allowed; the message is shown as is."""


def lock_course(course_id: int) -> Course:
    """Fetch the course row locked FOR UPDATE, so only one signup change runs at a time.

    Refuses to run outside a transaction: a lock that ends with the query protects nothing.
    On SQLite, select_for_update() is a no-op and the IMMEDIATE transaction is the lock.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("lock_course() must be called inside transaction.atomic().")
    try:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
        return Course.objects.select_for_update().get(pk=course_id)
    except OperationalError as error:
        if "lock timeout" not in str(error):
            raise
        raise CourseError(
            _("Many people are signing up right now. Please try again in a moment.")
        ) from error


@dataclass(frozen=True)
class SeatCounts:
    taken: int
    waiting: int
    last_queue_number: int

    def free_seats(self, course: Course) -> int | None:
        """Free seats, or None when the course has no limit."""
        if course.capacity is None:
            return None
        return max(course.capacity - self.taken, 0)

    def has_free_seat(self, course: Course) -> bool:
        free = self.free_seats(course)
        return free is None or free > 0


def seat_counts(course: Course) -> SeatCounts:
    """Seats taken, people waiting and the last queue number, in one aggregate query."""
    counts = Signup.objects.filter(course=course).aggregate(
        taken=Count("pk", filter=Q(status__in=SEAT_HOLDING_STATUSES)),
        waiting=Count("pk", filter=Q(status=SignupStatus.WAITLISTED)),
        last_queue_number=Max("queue_number"),
    )
    return SeatCounts(
        taken=counts["taken"],
        waiting=counts["waiting"],
        last_queue_number=counts["last_queue_number"] or 0,
    )


def lock_signup(signup_id: int) -> Signup:
    """Re-read a signup under the course lock: its state may have changed meanwhile."""
    return (
        Signup.objects.select_for_update(of=("self",))
        .select_related("course", "user")
        .get(pk=signup_id)
    )


def log_signup_change(action: str, course: Course, signup: Signup, *, by, **data) -> None:
    """Log a change to `signup` on its course's history (core.audit), where the course
    administrators look: one INSERT in the change's transaction, nothing rendered under the
    course lock. Only ids, the new status and the like are kept: never special needs, answers
    or a message to the person, which are personal data erased when the signup ends."""
    log_course_change(
        action,
        course,
        by=by,
        signup=signup.pk,
        user=signup.user_id,
        status=str(signup.status),
        **data,
    )


def log_course_change(action: str, course: Course, *, by, **data) -> None:
    """Log `frivilligloeft.courses.<action>` on `course`; `by=None` is the site itself."""
    record(course, f"frivilligloeft.courses.{action}", by=by, title=course.title, data=data)
