"""Who may do what with a course: predicates and object permissions (django-rules).

Decided from the person's roles at the time of the request; nothing is stored. Views ask
`request.user.has_perm("courses.organise_course", course)` and turn a "no" into a 404, so
nothing leaks; services check `by` with the same predicates.
"""

from typing import NamedTuple

import rules

from accounts.roles import load_permissions
from core.prepared import PreparedQuery
from courses.models import Course


@rules.predicate
def is_course_administrator(user) -> bool:
    """Course administrators (and superusers): every course, cancelling, capacity, admin."""
    return bool(user.is_authenticated and user.has_perm("courses.change_course"))


@rules.predicate
def is_named_organiser(user, course: Course | None) -> bool:
    """Named as one of the course's organisers (one query)."""
    if course is None or not user.is_authenticated:
        return False
    return bool(_NAMED_ORGANISER.rows(course.pk, user.pk)[1])


# Asked on every course page a logged-in person opens (core.prepared: SQL built once).
_NAMED_ORGANISER = PreparedQuery(
    lambda course_id, user_id: Course.organisers.through.objects.filter(
        course_id=course_id, user_id=user_id
    ).values("pk")[:1]
)


# Staff who manage courses, and the people named as this course's organisers.
is_organiser = is_course_administrator | is_named_organiser

rules.add_perm("courses.manage_courses", is_course_administrator)
rules.add_perm("courses.organise_course", is_organiser)


class CourseAccess(NamedTuple):
    is_organiser: bool  # courses.organise_course on the course
    can_manage: bool  # courses.manage_courses


def course_access(request, course: Course) -> CourseAccess:
    """`courses.organise_course` on `course` and `courses.manage_courses` for the request's
    person, decided once per request and course (kept on the request, never longer).

    The same predicates the two permissions are made of, asked directly: through `has_perm`
    each question went through every authentication backend and rules' machinery, and the
    administrator question once more inside it (~2,500 function calls on the course page).
    The person's permissions come with their roles in one query (accounts.roles), which the
    page's user bar reads as well. The named-organiser query is asked only of people who are
    not course administrators; anonymous visitors are asked nothing."""
    memo = request.__dict__.setdefault("_course_access", {})
    access = memo.get(course.pk)
    if access is None:
        user = request.user
        if not user.is_authenticated:
            access = CourseAccess(is_organiser=False, can_manage=False)
        else:
            load_permissions(user)
            can_manage = is_course_administrator(user)
            access = CourseAccess(
                is_organiser=can_manage or is_named_organiser(user, course), can_manage=can_manage
            )
        memo[course.pk] = access
    return access
