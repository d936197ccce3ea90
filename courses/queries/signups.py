"""Courses, seats, signups and completion: what the catalogue, the course pages and the
organiser tools read.

Each function costs a fixed number of queries however many courses or signups it covers,
so list pages keep a constant query count.
"""

from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from functools import cache

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Ceil, Coalesce
from django.utils import timezone

from core.prepared import PreparedQuery
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    SEAT_HOLDING_STATUSES,
    Attendance,
    Course,
    CourseStatus,
    Meeting,
    Signup,
    SignupQuestion,
    SignupStatus,
)
from taxonomy.models import Topic

# The SQL is built once per process (core.prepared).
_SIGNUP_QUESTIONS = PreparedQuery(
    lambda course_id: SignupQuestion.objects.filter(course_id=course_id).order_by(
        "sort_order", "pk"
    )
)


def signup_questions(course: Course) -> list[SignupQuestion]:
    """The course's own signup questions, in the admin's order: read once per course instance,
    so a signup's form and the service's check of the answers share one query (a request's
    course instance lives as long as the request)."""
    questions = course.__dict__.get("_signup_questions")
    if questions is None:
        questions = course.__dict__["_signup_questions"] = _SIGNUP_QUESTIONS.instances(course.pk)
    return questions


class SignupState(StrEnum):
    """Whether a course takes signups right now (see services.check_signup_open)."""

    DRAFT = "draft"
    CANCELLED = "cancelled"
    NOT_OPEN_YET = "not_open_yet"
    OPEN = "open"
    CLOSED = "closed"


def signup_state(course: Course, now: datetime | None = None) -> SignupState:
    now = now or timezone.now()
    if course.status == CourseStatus.CANCELLED:
        return SignupState.CANCELLED
    if course.status != CourseStatus.PUBLISHED or course.starts_at is None:
        return SignupState.DRAFT
    if course.signup_opens_at and now < course.signup_opens_at:
        return SignupState.NOT_OPEN_YET
    if now >= course.signup_closes_at:
        return SignupState.CLOSED
    return SignupState.OPEN


def _counted(grouped: QuerySet):
    """A subquery of one count (`grouped` is grouped and annotated with `n`) as an integer, 0
    when no row matches: a count per outer row that multiplies no rows."""
    return Coalesce(Subquery(grouped.order_by().values("n"), output_field=IntegerField()), 0)


def _count(status_filter: Q):
    return _counted(
        Signup.objects.filter(status_filter, course=OuterRef("pk"))
        .values("course")
        .annotate(n=Count("pk"))
    )


def with_seat_counts(courses: QuerySet[Course]) -> QuerySet[Course]:
    """Annotate `seats_taken` and `waiting_count` (subqueries: no row multiplication)."""
    return courses.annotate(
        seats_taken=_count(Q(status__in=SEAT_HOLDING_STATUSES)),
        waiting_count=_count(Q(status=SignupStatus.WAITLISTED)),
    )


def seats_left(course: Course) -> int | None:
    """For an annotated course: free seats, or None when unlimited."""
    if course.capacity is None:
        return None
    return max(course.capacity - course.seats_taken, 0)


def published_courses() -> QuerySet[Course]:
    return Course.objects.filter(status=CourseStatus.PUBLISHED, starts_at__isnull=False)


def _held_meetings(course: str):
    """The meetings held (not cancelled) of the course the outer row's `course` field names."""
    return _counted(
        Meeting.objects.filter(course=OuterRef(course), cancelled_at__isnull=True)
        .values("course")
        .annotate(n=Count("pk"))
    )


def meeting_count_expression():
    """Annotation for courses: their meetings that were not cancelled."""
    return _held_meetings("pk")


def attendance_counts() -> dict:
    """Annotations for signups, as subqueries: `attended` (meetings they were present at, not
    cancelled) and `meetings_held` (their course's meetings, not cancelled)."""
    attended = (
        Attendance.objects.filter(
            signup=OuterRef("pk"), present=True, meeting__cancelled_at__isnull=True
        )
        .values("signup")
        .annotate(n=Count("pk"))
    )
    return {"attended": _counted(attended), "meetings_held": _held_meetings("course")}


def catalogue_courses(now: datetime | None = None) -> QuerySet[Course]:
    """Published courses that have not ended, with what a catalogue card shows."""
    return _catalogue_annotated().filter(ends_at__gte=now or timezone.now())


# Built once per process and only filtered per request (the catalogue, the course feed, the
# home page): resolving the subquery annotations was most of building the query. A QuerySet
# is never evaluated here, only cloned.
@cache
def _catalogue_annotated() -> QuerySet[Course]:
    return (
        with_seat_counts(published_courses())
        .annotate(meeting_count=meeting_count_expression())
        .select_related("provider")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .order_by("starts_at", "title", "pk")
    )


def active_signups_by_course(user, course_ids: Iterable[int]) -> Mapping[int, Signup]:
    """The user's active signups among these courses, by course id (one query)."""
    course_ids = set(course_ids)
    if not user.is_authenticated or not course_ids:
        return {}
    # All of the person's active signups (a handful, by the user index) with prepared SQL,
    # instead of building a queryset with this page's ids on every catalogue view.
    return {
        signup.course_id: signup
        for signup in _ACTIVE_SIGNUPS_WITH_POSITION.instances(user.pk)
        if signup.course_id in course_ids
    }


def waiting_position_expression():
    """Annotation: the signup's place on its course's waiting list (1 = next in line)."""
    ahead = (
        Signup.objects.filter(
            course=OuterRef("course"),
            status=SignupStatus.WAITLISTED,
            queue_number__lte=OuterRef("queue_number"),
        )
        .order_by()
        .values("course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(ahead, output_field=IntegerField())


def held_meeting_count(course: Course) -> int:
    return Meeting.objects.filter(course=course, cancelled_at__isnull=True).count()


def required_attendance(course: Course, meetings_held: int) -> int:
    """Meetings a participant must attend: the smallest n with n / held ≥ the minimum."""
    return (course.min_attendance_percent * meetings_held + 99) // 100


def attended_expression():
    return Count(
        "attendance",
        filter=Q(attendance__present=True, attendance__meeting__cancelled_at__isnull=True),
        distinct=True,
    )


def completed_signups(course: Course) -> QuerySet[Signup]:
    """Confirmed participants whose attendance share meets `min_attendance_percent`.

    The share counts the meetings that were held (cancelled meetings count for nobody).
    Annotated with `attended` (meetings present). A course without held meetings has no
    completions. Certificates are issued from this query.
    """
    held = held_meeting_count(course)
    if held == 0:
        return Signup.objects.none()
    required = required_attendance(course, held)
    return (
        Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED)
        .annotate(attended=attended_expression())
        .filter(attended__gte=required)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )


def has_completed(signup: Signup) -> bool:
    return completed_signups(signup.course).filter(pk=signup.pk).exists()


def completed_signups_across_courses(signups: QuerySet[Signup] | None = None) -> QuerySet[Signup]:
    """Completed signups of many courses in one query (of `signups`, default: all).

    The rule of `completed_signups` — confirmed, present at no fewer than
    `min_attendance_percent` of the meetings held, at least one meeting held — written for
    every course at once: the meetings held come from a subquery per course, the attendance
    from `attended_expression`. Annotated with `held` and `attended`.
    """
    signups = Signup.objects.all() if signups is None else signups
    return (
        signups.filter(status=SignupStatus.CONFIRMED)
        .annotate(held=_held_meetings("course"), attended=attended_expression())
        .filter(
            held__gt=0,
            attended__gte=required_attendance_expression(),
        )
    )


def required_attendance_expression():
    """`required_attendance` in SQL, for a query of signups annotated with `held`.

    The course's minimum is read by a subquery on the signup's own `course_id`, not through
    a join: the query is grouped by the signup, and a joined course column in HAVING would
    have to match an expression in GROUP BY, which PostgreSQL cannot see once it binds the
    parameters itself (each copy of `100.0` is then its own parameter)."""
    minimum = Subquery(
        Course.objects.filter(pk=OuterRef("course_id")).values("min_attendance_percent")
    )
    return Ceil(minimum * F("held") / 100.0)


_ACTIVE_SIGNUPS_WITH_POSITION = PreparedQuery(
    lambda user_id: Signup.objects.filter(
        status__in=ACTIVE_SIGNUP_STATUSES, user_id=user_id
    ).annotate(position=waiting_position_expression())
)
