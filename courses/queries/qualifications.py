"""Who holds which qualification, and until when.

A qualification comes from a completed signup (the rule of `completed_signups`) of an ended
course that grants a qualification kind: it is valid from the course's last day until that day
plus the kind's validity in months (no end when the kind does not expire). When a person
completed several such courses, the latest end counts: a renewal course extends it.

Every function costs a fixed number of queries, however many people or courses it covers.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from courses.models import Course, QualificationKind, Signup, SignupStatus
from courses.queries.signups import (
    completed_signups_across_courses,
    published_courses,
    required_attendance,
)

# How many days before the end a qualification counts as running out (Mine sider marks it,
# and `send_qualification_reminders` writes then by default).
EXPIRING_DAYS = 60


def add_months(day: date, months: int) -> date:
    """`day` plus whole months; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def valid_until(kind: QualificationKind, obtained_on: date) -> date | None:
    if not kind.validity_months:
        return None
    return add_months(obtained_on, kind.validity_months)


@dataclass
class Qualification:
    """A person's hold on one qualification kind, from the latest course that gave it."""

    kind: QualificationKind
    obtained_on: date
    valid_until: date | None  # None: it does not expire
    course: Course
    # Set by `with_next_courses`: the next published course that grants the same kind.
    next_course: Course | None = None

    def is_valid(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.valid_until is None or self.valid_until >= on

    def is_expiring(self, on: date | None = None, days: int = EXPIRING_DAYS) -> bool:
        """Still valid, but ends within `days` days."""
        on = on or timezone.localdate()
        return (
            self.is_valid(on)
            and self.valid_until is not None
            and ((self.valid_until - on).days <= days)
        )


def qualifying_completions(
    signups: QuerySet[Signup] | None = None, now: datetime | None = None
) -> QuerySet[Signup]:
    """Completed signups (of `signups`, default all) of ended courses that grant a
    qualification, with course and kind loaded (one query when evaluated)."""
    now = now or timezone.now()
    signups = Signup.objects.all() if signups is None else signups
    return (
        completed_signups_across_courses(
            signups.filter(course__qualification__isnull=False, course__ends_at__lt=now)
        )
        .select_related("course__qualification")
        .order_by("course__ends_at", "pk")
    )


def qualification_of_signup(signup: Signup) -> Qualification:
    """The qualification one completed signup gives (its course must grant one)."""
    course = signup.course
    obtained_on = timezone.localdate(course.ends_at)
    kind = course.qualification
    return Qualification(
        kind=kind,
        obtained_on=obtained_on,
        valid_until=valid_until(kind, obtained_on),
        course=course,
    )


def _latest(current: Qualification | None, candidate: Qualification) -> Qualification:
    if current is None or current.valid_until is None:
        return candidate if current is None else current
    if candidate.valid_until is None or candidate.valid_until >= current.valid_until:
        return candidate
    return current


def qualifications_by_user(
    user_ids: Iterable[int], now: datetime | None = None
) -> dict[int, list[Qualification]]:
    """Each person's qualifications, one per kind (the latest), by name; one query."""
    user_ids = list(user_ids)
    if not user_ids:
        return {}
    held: dict[tuple[int, int], Qualification] = {}
    for signup in qualifying_completions(Signup.objects.filter(user_id__in=user_ids), now):
        key = (signup.user_id, signup.course.qualification_id)
        held[key] = _latest(held.get(key), qualification_of_signup(signup))
    result: dict[int, list[Qualification]] = {}
    for (user_id, _kind), qualification in held.items():
        result.setdefault(user_id, []).append(qualification)
    for qualifications in result.values():
        qualifications.sort(key=lambda q: q.kind.display_name.casefold())
    return result


def qualifications_of(user, now: datetime | None = None) -> list[Qualification]:
    """The person's qualifications, valid and expired, by name; one query."""
    if not user.is_authenticated:
        return []
    return qualifications_by_user([user.pk], now).get(user.pk, [])


def qualifications_from_signups(
    signups: Iterable[Signup], now: datetime | None = None
) -> list[Qualification]:
    """One person's qualifications from their signups as Mine sider reads them anyway
    (`courses.views.mine.my_signups`: annotated with `attended` and `meetings_held`, the
    course and its qualification loaded): the rule of `qualifying_completions` applied in
    Python, so the page needs no second query over the same signups. Same answer as
    `qualifications_of` (tested)."""
    now = now or timezone.now()
    completed = sorted(
        (
            signup
            for signup in signups
            if signup.status == SignupStatus.CONFIRMED
            and signup.course.qualification_id is not None
            and signup.course.ends_at is not None
            and signup.course.ends_at < now
            and signup.meetings_held > 0
            and signup.attended >= required_attendance(signup.course, signup.meetings_held)
        ),
        key=lambda signup: (signup.course.ends_at, signup.pk),
    )
    held: dict[int, Qualification] = {}
    for signup in completed:
        kind_id = signup.course.qualification_id
        held[kind_id] = _latest(held.get(kind_id), qualification_of_signup(signup))
    return sorted(held.values(), key=lambda q: q.kind.display_name.casefold())


def next_courses_granting(
    kind_ids: Iterable[int], now: datetime | None = None
) -> dict[int, Course]:
    """For each kind, the next published course that grants it and has not started; one
    query, one row per kind (not every coming course that grants it: with a kind that many
    courses grant, reading them all made Mine kurser 5× slower)."""
    kind_ids = set(kind_ids)
    if not kind_ids:
        return {}
    now = now or timezone.now()
    coming = published_courses().filter(starts_at__gt=now)
    first = coming.filter(qualification_id=OuterRef("qualification_id")).order_by("starts_at", "pk")
    courses = coming.filter(qualification_id__in=kind_ids, pk=Subquery(first.values("pk")[:1]))
    return {course.qualification_id: course for course in courses}


def with_next_courses(
    qualifications: list[Qualification], now: datetime | None = None
) -> list[Qualification]:
    """Fill in `next_course` for qualifications that expire (one query for all of them)."""
    expiring = [q for q in qualifications if q.valid_until is not None]
    courses = next_courses_granting({q.kind.pk for q in expiring}, now)
    for qualification in expiring:
        qualification.next_course = courses.get(qualification.kind.pk)
    return qualifications
