"""What every course service shares: the one exception, the course lock and the log."""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import OperationalError, connection
from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from core.audit import record
from core.prepared import PreparedQuery
from core.services import ServiceError
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    SEAT_HOLDING_STATUSES,
    Course,
    Signup,
    SignupStatus,
)
from courses.rules import is_organiser

# How long a service waits for another request holding the same course before it gives up
# and asks the person to try again (PostgreSQL; on SQLite the busy timeout plays this part).
LOCK_TIMEOUT = "10s"


class CourseError(ServiceError):
    """A change to a course or a signup that is not allowed; the message is shown as is."""


def lock_course(course_id: int, *, commit_waits_for_disk: bool = True) -> Course:
    """Fetch the course row locked FOR UPDATE, so only one signup change runs at a time.

    Refuses to run outside a transaction: a lock that ends with the query protects nothing.
    On SQLite, select_for_update() is a no-op and the IMMEDIATE transaction is the lock.

    `commit_waits_for_disk=False` (PostgreSQL): the commit hands its WAL record to the
    server and returns without waiting for the disk (`synchronous_commit = off` for this
    transaction only), so the lock is released at once instead of after a flush (4–7 ms on a
    virtual disk, paid by everyone queued behind it). The change is visible and consistent
    at once; only a crash of the database server in the next fraction of a second could lose
    it. The caller makes sure a commit that does wait follows before it answers: that one
    flushes everything logged before it, this commit included (see `sign_up`).
    """
    if not connection.in_atomic_block:
        raise RuntimeError("lock_course() must be called inside transaction.atomic().")
    with _lock_timeout_says_try_again():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("; ".join(_lock_settings(commit_waits_for_disk)))
        course = _LOCKED_COURSE.instance(course_id)
    if course is None:
        raise Course.DoesNotExist(f"No course {course_id}.")
    return course


def lock_course_and_count(course_id: int, user) -> tuple[Course, "SeatCounts"]:
    """lock_course(course_id, commit_waits_for_disk=False) and then seat_counts(course,
    user=user), for a signup: on PostgreSQL in one round trip (the settings, the lock and the
    counts sent as one string of statements; each statement reads the rows committed before
    it starts, so the counts see everything committed by whoever held the lock before)."""
    if connection.vendor != "postgresql" or _server_side_binding():
        course = lock_course(course_id, commit_waits_for_disk=False)
        return course, seat_counts(course, user=user)
    if not connection.in_atomic_block:
        raise RuntimeError("lock_course_and_count() must be called inside transaction.atomic().")
    lock = _LOCKED_COURSE.bind(course_id)
    counts = _SEAT_COUNTS_AND_MINE.bind(course_id, user.pk)
    statements = [*_lock_settings(commit_waits_for_disk=False), lock.sql, counts.sql]
    with _lock_timeout_says_try_again(), connection.cursor() as cursor:
        cursor.execute("; ".join(statements), [*lock.params, *counts.params])
        for _setting in range(len(statements) - 2):
            cursor.nextset()
        course = lock.instance(cursor.fetchall())
        cursor.nextset()
        counted = counts.values(cursor.fetchall())
    if course is None:
        raise Course.DoesNotExist(f"No course {course_id}.")
    return course, _seat_counts_from(counted)


def _lock_settings(commit_waits_for_disk: bool) -> list[str]:
    settings = [f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"]
    if not commit_waits_for_disk:
        settings.append("SET LOCAL synchronous_commit = off")
    return settings


def _server_side_binding() -> bool:
    """Whether PostgreSQL binds the parameters (OPTIONS server_side_binding): it then takes
    one statement per call. Django binds them itself by default."""
    return bool(connection.settings_dict["OPTIONS"].get("server_side_binding"))


@contextmanager
def _lock_timeout_says_try_again():
    try:
        yield
    except OperationalError as error:
        if "lock timeout" not in str(error):
            raise
        raise CourseError(
            _("Many people are signing up right now. Please try again in a moment.")
        ) from error


# The SQL of the lock and of the seat counts is built once per process (core.prepared):
# building it from the queryset each time was most of their cost, paid while others wait.
_LOCKED_COURSE = PreparedQuery(lambda pk: Course.objects.select_for_update().filter(pk=pk))


def _seat_counts(course_id, *user_id):
    filters = {
        "taken": Q(status__in=SEAT_HOLDING_STATUSES),
        "waiting": Q(status=SignupStatus.WAITLISTED),
    }
    if user_id:
        filters["mine"] = Q(user_id=user_id[0], status__in=ACTIVE_SIGNUP_STATUSES)
    return (
        Signup.objects.filter(course_id=course_id)
        .order_by()
        .values("course_id")
        .annotate(
            **{name: Count("pk", filter=condition) for name, condition in filters.items()},
            last_queue_number=Max("queue_number"),
        )
    )


_SEAT_COUNTS = PreparedQuery(lambda course_id: _seat_counts(course_id))
_SEAT_COUNTS_AND_MINE = PreparedQuery(lambda course_id, user_id: _seat_counts(course_id, user_id))


@dataclass(frozen=True)
class SeatCounts:
    taken: int
    waiting: int
    last_queue_number: int
    # Active signups of the person asked about (seat_counts' `user`), 0 when none was asked.
    mine: int = 0

    def free_seats(self, course: Course) -> int | None:
        """Free seats, or None when the course has no limit."""
        if course.capacity is None:
            return None
        return max(course.capacity - self.taken, 0)

    def has_free_seat(self, course: Course) -> bool:
        free = self.free_seats(course)
        return free is None or free > 0


def seat_counts(course: Course, *, user=None) -> SeatCounts:
    """Seats taken, people waiting and the last queue number, in one aggregate query; with
    `user`, also how many active signups they hold (a signup's "already signed up?")."""
    if user is None:
        counts = _SEAT_COUNTS.values(course.pk)
    else:
        counts = _SEAT_COUNTS_AND_MINE.values(course.pk, user.pk)
    return _seat_counts_from(counts)


def _seat_counts_from(counts: dict | None) -> SeatCounts:
    if counts is None:  # no signups at all
        return SeatCounts(taken=0, waiting=0, last_queue_number=0)
    return SeatCounts(
        taken=counts["taken"],
        waiting=counts["waiting"],
        last_queue_number=counts["last_queue_number"] or 0,
        mine=counts.get("mine", 0),
    )


def lock_signup(signup_id: int) -> Signup:
    """Re-read a signup under the course lock: its state may have changed meanwhile."""
    return (
        Signup.objects.select_for_update(of=("self",))
        .select_related("course", "user")
        .get(pk=signup_id)
    )


def lock_for_organiser(signup: Signup, by, refusal) -> tuple[Course, Signup]:
    """For an organiser's change to `signup`, inside the transaction: lock its course, refuse
    (`refusal`) unless `by` organises the course, and re-read the signup under the lock."""
    course = lock_course(signup.course_id)
    if not is_organiser(by, course):
        raise CourseError(refusal)
    return course, lock_signup(signup.pk)


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
