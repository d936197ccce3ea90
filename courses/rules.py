"""Who may do what with a course: predicates and object permissions (django-rules).

Decided from the person's roles at the time of the request; nothing is stored. Views ask
`request.user.has_perm("courses.organise_course", course)` and turn a "no" into a 404, so
nothing leaks; services check `by` with the same predicates.
"""

import rules

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
    return Course.organisers.through.objects.filter(course_id=course.pk, user_id=user.pk).exists()


# Staff who manage courses, and the people named as this course's organisers.
is_organiser = is_course_administrator | is_named_organiser

rules.add_perm("courses.manage_courses", is_course_administrator)
rules.add_perm("courses.organise_course", is_organiser)
