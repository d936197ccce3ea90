"""Courses, topics and providers: the catalogue (/kurser/) as data."""

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_noop
from ninja import Router
from wagtail.rich_text import expand_db_html

from api.operations import (
    absolute_links,
    choice,
    documented,
    first_or_404,
    local,
    responses,
    site_url,
    topic_ref,
)
from api.params import filtered, paginate
from api.schemas import CourseDetailOut, CoursePage, ProviderPage, TopicPage
from calendars.queries import KEEP_CANCELLED
from courses import ics
from courses import queries as course_queries
from courses.filters import CourseFilter
from courses.models import Course, CourseFormat, CourseStatus, Meeting, Provider
from courses.templatetags.course_tags import course_dates, meeting_time, price, seats_text
from taxonomy.models import Topic

router = Router(tags=[gettext_noop("Courses")])

COURSE_FILTERS = {
    "q": gettext_noop("Words in the title, summary, description or topics (all must match)."),
    "topic": gettext_noop("A topic's slug (see /api/v1/topics/)."),
    "date_from": gettext_noop("Courses that have not ended before this day."),
    "date_to": gettext_noop("Courses that start on or before this day."),
    "provider": gettext_noop("A provider's id (see /api/v1/providers/)."),
    "free_seats": gettext_noop("true: only courses with a free seat and nobody waiting."),
}


def _meetings() -> Prefetch:
    return Prefetch("meetings", queryset=Meeting.objects.order_by("starts_at", "pk"))


def _meeting_out(course: Course, meeting: Meeting) -> dict:
    name, address = ics.meeting_place(course, meeting)
    return {
        "starts_at": local(meeting.starts_at),
        "ends_at": local(meeting.ends_at),
        "title": meeting.title,
        "when": meeting_time(meeting),
        "place": {"name": name, "address": address} if name or address else None,
        "online": course.format != CourseFormat.IN_PERSON,
        "cancelled": meeting.cancelled_at is not None,
    }


def course_out(course: Course, now) -> dict:
    """A course annotated like the catalogue's (seat counts), with topics, provider and
    meetings prefetched: no query of its own."""
    page = site_url(course.get_absolute_url())
    provider = course.provider
    return {
        "id": course.pk,
        "slug": course.slug,
        "title": course.title,
        "summary": course.summary,
        "url": page,
        "status": choice(course.status, course.get_status_display()),
        "cancellation_reason": course.cancellation_reason if course.is_cancelled else "",
        "starts_at": local(course.starts_at),
        "ends_at": local(course.ends_at),
        "dates": course_dates(course),
        "audience": choice(course.audience, course.get_audience_display()),
        "format": choice(course.format, course.get_format_display()),
        "language": choice(course.language, course.get_language_display()),
        "place": {"name": course.venue_name, "address": course.venue_address}
        if course.has_venue
        else None,
        "online": course.format != CourseFormat.IN_PERSON,
        "topics": [topic_ref(topic) for topic in course.topics.all()],
        "provider": {"id": provider.pk, "name": provider.name, "website": provider.website}
        if provider
        else None,
        "price": f"{course.price:.2f}",
        "price_text": price(course),
        "seats": {
            "capacity": course.capacity,
            "left": course_queries.seats_left(course),
            "waiting_list": course.waiting_count,
            "waiting_list_open": course.waiting_list_enabled,
            "text": seats_text(course),
        },
        "signup": {
            "state": str(course_queries.signup_state(course, now)),
            "opens_at": local(course.signup_opens_at),
            "closes_at": local(course.signup_closes_at),
            "url": f"{page}#tilmelding",
        },
        "issues_certificate": course.issues_certificate,
        "meetings": [_meeting_out(course, meeting) for meeting in course.meetings.all()],
    }


@router.get(
    "/courses/",
    response=responses(CoursePage),
    url_name="courses",
    **documented(
        summary=gettext_noop("Courses"),
        description=gettext_noop(
            "The course catalogue (/kurser/): published courses that have not ended, soonest "
            "first, with their meetings, topics, place, free seats and waiting list. The "
            "filters are the catalogue's own and mean the same."
        ),
        filterset=CourseFilter,
        filter_descriptions=COURSE_FILTERS,
    ),
)
def list_courses(request):
    courses = filtered(CourseFilter, request, course_queries.catalogue_courses())
    page = paginate(request, courses.prefetch_related(_meetings()))
    now = timezone.now()
    return {**page.envelope, "results": [course_out(course, now) for course in page.objects]}


def visible_courses(now):
    """The courses whose page the API shows: published ones with dates, and cancelled ones for
    as long as the calendar feeds keep them (then they are gone, as from the feeds)."""
    return (
        course_queries.with_seat_counts(
            Course.objects.filter(
                Q(status=CourseStatus.PUBLISHED)
                | Q(status=CourseStatus.CANCELLED, cancelled_at__gte=now - KEEP_CANCELLED),
                starts_at__isnull=False,
            )
        )
        .select_related("provider")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")), _meetings())
    )


@router.get(
    "/courses/{slug}/",
    response=responses(CourseDetailOut),
    url_name="course",
    **documented(
        summary=gettext_noop("A course"),
        description=gettext_noop(
            "One course by its slug, with its description. Past courses stay; cancelled ones "
            "are shown for 30 days after the cancellation, drafts never."
        ),
        paged=False,
    ),
)
def course_detail(request, slug: str):
    now = timezone.now()
    course = first_or_404(visible_courses(now).filter(slug=slug))
    return {
        **course_out(course, now),
        "description_html": absolute_links(expand_db_html(course.description)),
    }


@router.get(
    "/topics/",
    response=responses(TopicPage),
    url_name="topics",
    **documented(
        summary=gettext_noop("Topics"),
        description=gettext_noop(
            "The competence areas courses, guides and networks are sorted by. Their slugs are "
            "what the topic filters take."
        ),
    ),
)
def list_topics(request):
    page = paginate(request, Topic.objects.order_by("name", "pk"))
    catalogue = site_url(reverse("courses:catalogue"))
    return {
        **page.envelope,
        "results": [
            {
                "slug": topic.slug,
                "name": topic.display_name,
                "description": topic.display_description,
                "courses_url": f"{catalogue}?{urlencode({'topic': topic.slug})}",
            }
            for topic in page.objects
        ],
    }


@router.get(
    "/providers/",
    response=responses(ProviderPage),
    url_name="providers",
    **documented(
        summary=gettext_noop("Course providers"),
        description=gettext_noop(
            "Who teaches the courses: the municipality, associations, companies. Their ids "
            "are what the courses' provider filter takes."
        ),
    ),
)
def list_providers(request):
    page = paginate(request, Provider.objects.order_by("name", "pk"))
    return {
        **page.envelope,
        "results": [
            {"id": provider.pk, "name": provider.name, "website": provider.website}
            for provider in page.objects
        ],
    }
