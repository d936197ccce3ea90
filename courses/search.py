"""Courses in the site search (core.search, cms/search.py): published ones still to start."""

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core.dates import local_date
from core.search import register_search_group
from courses.models import Course, CourseStatus


def searchable_courses():
    """Courses one can still sign up for: drafts, cancelled and started ones are not found."""
    return Course.objects.filter(status=CourseStatus.PUBLISHED, starts_at__gt=timezone.now())


def _meta(course) -> str:
    place = course.venue_name if course.has_venue else course.get_format_display()
    return " · ".join(part for part in (local_date(course.starts_at, weekday=True), place) if part)


def register() -> None:
    register_search_group(
        "courses",
        _("Courses"),
        searchable_courses,
        text=lambda course: f"{course.summary} {strip_tags(course.description)}",
        meta=_meta,
        order=20,
    )
