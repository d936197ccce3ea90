"""What every part of the report shares: the period as datetimes, the courses in scope and the
querysets the parts build on (not evaluated here), and small helpers."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet

from associations.models import Association
from courses.models import Attendance, Course, CourseStatus, Meeting
from insights.report.types import ReportParams


@dataclass
class Scope:
    params: ReportParams
    now: datetime
    start: datetime  # the period's first moment
    end: datetime  # the period's end, or now if sooner (nothing after now has been held)
    courses: QuerySet[Course]  # published, narrowed by topic and provider
    held: QuerySet[Meeting]  # meetings held in the period
    marks: QuerySet[Attendance]  # attendance marks at those meetings
    starting: QuerySet[Course]  # courses that start in the period
    ended: QuerySet[Course]  # courses that ended in the period


def make_scope(params: ReportParams, now: datetime) -> Scope:
    start, end = params.start_at, min(params.end_at, now)
    courses = _courses(params)
    held = Meeting.objects.filter(
        course__in=courses, cancelled_at__isnull=True, starts_at__gte=start, starts_at__lt=end
    )
    return Scope(
        params=params,
        now=now,
        start=start,
        end=end,
        courses=courses,
        held=held,
        marks=Attendance.objects.filter(meeting__in=held),
        starting=courses.filter(starts_at__gte=params.start_at, starts_at__lt=params.end_at),
        ended=courses.filter(ends_at__gte=params.start_at, ends_at__lt=end),
    )


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _courses(params: ReportParams) -> QuerySet[Course]:
    """Published courses, narrowed by topic and provider."""
    courses = Course.objects.filter(status=CourseStatus.PUBLISHED)
    if params.topic is not None:
        courses = courses.filter(
            pk__in=Course.topics.through.objects.filter(topic=params.topic).values("course_id")
        )
    if params.provider is not None:
        courses = courses.filter(provider=params.provider)
    return courses


def associations_in_scope(params: ReportParams) -> QuerySet[Association]:
    associations = Association.objects.all()
    if params.category is not None:
        associations = associations.filter(categories=params.category)
    return associations


def quarters_between(start: date, end: date) -> list[tuple[int, int]]:
    quarters = []
    year, quarter = start.year, (start.month - 1) // 3 + 1
    while (year, quarter) <= (end.year, (end.month - 1) // 3 + 1):
        quarters.append((year, quarter))
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return quarters


def grouped(queryset: QuerySet, key: str, **aggregates) -> dict[int, dict]:
    """{key value: {aggregate: value}} from one GROUP BY query."""
    rows = queryset.values(key).annotate(**aggregates).order_by()
    return {row[key]: row for row in rows if row[key] is not None}
