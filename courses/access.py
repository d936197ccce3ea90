"""Who may do what with a course. Views turn a "no" into a 404 so nothing leaks."""

from courses.models import Course


def can_manage_courses(user) -> bool:
    """Course administrators (and superusers): every course, cancelling, capacity, admin."""
    return bool(user.is_authenticated and user.has_perm("courses.change_course"))


def is_organiser(user, course: Course) -> bool:
    """Staff who manage courses, and the people named as this course's organisers."""
    if not user.is_authenticated:
        return False
    if can_manage_courses(user):
        return True
    return Course.organisers.through.objects.filter(course_id=course.pk, user_id=user.pk).exists()
