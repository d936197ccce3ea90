"""What the course administrator's dashboard panel shows, in a fixed number of queries."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from core.models import EmailStatus, OutgoingEmail
from courses.models import Course, Signup, SignupStatus
from courses.queries.signups import published_courses, with_seat_counts

# Offers that expire within this many hours are "about to expire".
OFFER_WARNING_HOURS = 24
# How many rows each line of the panel lists.
ROWS = 5
# OutgoingEmail.about of the emails courses sends (core.email.about_key).
COURSE_EMAIL_PREFIX = "courses."


def next_courses(now: datetime | None = None, limit: int = ROWS) -> list[Course]:
    """The next published courses that have not started, with `seats_taken` and
    `waiting_count`, and `fill_percent` (None without a capacity). One query."""
    now = now or timezone.now()
    courses = list(
        with_seat_counts(published_courses().filter(starts_at__gte=now)).order_by(
            "starts_at", "pk"
        )[:limit]
    )
    for course in courses:
        course.fill_percent = (
            round(100 * course.seats_taken / course.capacity) if course.capacity else None
        )
    return courses


@dataclass
class CourseWork:
    pending_total: int
    pending_by_course: list[dict]  # {"course__title", "course__slug", "n"}
    expiring_total: int
    expiring_by_course: list[dict]


def signup_work(now: datetime | None = None, limit: int = ROWS) -> CourseWork:
    """Signups awaiting approval and seat offers about to expire: totals and the courses
    with the most of them. Three queries."""
    now = now or timezone.now()
    pending = Q(status=SignupStatus.PENDING)
    expiring = Q(
        status=SignupStatus.OFFERED,
        offer_expires_at__isnull=False,
        offer_expires_at__lte=now + timedelta(hours=OFFER_WARNING_HOURS),
    )
    totals = Signup.objects.aggregate(
        pending=Count("pk", filter=pending), expiring=Count("pk", filter=expiring)
    )

    def by_course(condition: Q, order: str) -> list[dict]:
        return list(
            Signup.objects.filter(condition)
            .values("course__title", "course__slug")
            .annotate(n=Count("pk"), first=Min(order))
            .order_by("first", "course__title")[:limit]
        )

    return CourseWork(
        pending_total=totals["pending"],
        pending_by_course=by_course(pending, "created_at"),
        expiring_total=totals["expiring"],
        expiring_by_course=by_course(expiring, "offer_expires_at"),
    )


def failed_course_emails() -> QuerySet[OutgoingEmail]:
    """Emails about courses, signups, evaluations or wishes that could not be sent."""
    return OutgoingEmail.objects.filter(
        status=EmailStatus.FAILED, about__startswith=COURSE_EMAIL_PREFIX
    ).order_by("-created_at", "-pk")
