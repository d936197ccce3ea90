"""What each feed holds, read in a fixed number of queries however many events it has.

Feeds show what is still to come, plus what was cancelled in the last `KEEP_CANCELLED`: a
subscribed calendar only removes an event it sees with STATUS:CANCELLED, so a cancelled
meeting stays in the feed long enough for every client to fetch it once more.
"""

from datetime import datetime, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from calendars.models import FeedToken
from core.prepared import PreparedQuery
from courses import queries as course_queries
from courses.models import Course, CourseStatus, Meeting, Signup, SignupStatus
from networks import queries as network_queries
from networks.models import MeetingStatus, Network, NetworkMeeting
from schools import queries as school_queries
from taxonomy.models import Topic

KEEP_CANCELLED = timedelta(days=30)


def _meetings_prefetch(cutoff: datetime) -> Prefetch:
    """A course's meetings, without those cancelled on their own longer ago than the cutoff."""
    return Prefetch(
        "meetings",
        queryset=Meeting.objects.filter(
            Q(cancelled_at__isnull=True) | Q(cancelled_at__gte=cutoff)
        ).order_by("starts_at", "pk"),
    )


def _topics_prefetch() -> Prefetch:
    return Prefetch("topics", queryset=Topic.objects.order_by("name"))


def feed_courses(now: datetime | None = None) -> QuerySet[Course]:
    """Published courses that have not ended and courses cancelled in the last 30 days.

    Annotated like the catalogue (seat counts), so the catalogue's FilterSet applies as is;
    meetings and topics come in one query each.
    """
    now = now or timezone.now()
    cutoff = now - KEEP_CANCELLED
    courses = Course.objects.filter(
        Q(status=CourseStatus.PUBLISHED, ends_at__gte=now)
        | Q(status=CourseStatus.CANCELLED, cancelled_at__gte=cutoff),
        starts_at__isnull=False,
    )
    return (
        course_queries.with_seat_counts(courses)
        .prefetch_related(_meetings_prefetch(cutoff), _topics_prefetch())
        .order_by("starts_at", "title", "pk")
    )


def _network_meetings_window(meetings: QuerySet[NetworkMeeting], now: datetime):
    return meetings.filter(
        Q(status=MeetingStatus.PLANNED, ends_at__gte=now)
        | Q(status=MeetingStatus.CANCELLED, cancelled_at__gte=now - KEEP_CANCELLED)
    )


def network_feed_meetings(network: Network, now: datetime | None = None):
    """A network's coming meetings and those cancelled in the last 30 days (one query)."""
    now = now or timezone.now()
    return _network_meetings_window(network_queries.public_meetings(network), now)


def personal_signups(user, now: datetime | None = None) -> list[Signup]:
    """The person's confirmed courses that have not ended, and signups or courses cancelled
    in the last 30 days — one signup per course, the live one first (three queries)."""
    now = now or timezone.now()
    cutoff = now - KEEP_CANCELLED
    signups = (
        Signup.objects.filter(user=user, course__starts_at__isnull=False)
        .filter(
            Q(status=SignupStatus.CONFIRMED, course__status=CourseStatus.PUBLISHED)
            & Q(course__ends_at__gte=now)
            | Q(status=SignupStatus.CONFIRMED, course__status=CourseStatus.CANCELLED)
            & Q(course__cancelled_at__gte=cutoff)
            | Q(status=SignupStatus.CANCELLED, cancelled_at__gte=cutoff, confirmed_at__isnull=False)
            & Q(course__ends_at__gte=now)
        )
        .select_related("course")
        .prefetch_related(
            Prefetch("course__meetings", queryset=_meetings_prefetch(cutoff).queryset),
            Prefetch("course__topics", queryset=Topic.objects.order_by("name")),
        )
        # A confirmed signup wins over an earlier cancelled one for the same course.
        .order_by("course__starts_at", "course_id", "-confirmed_at", "-pk")
    )
    chosen: dict[int, Signup] = {}
    for signup in signups:
        current = chosen.get(signup.course_id)
        if current is None or (
            current.status != SignupStatus.CONFIRMED and signup.status == SignupStatus.CONFIRMED
        ):
            chosen[signup.course_id] = signup
    return list(chosen.values())


def personal_network_meetings(user, now: datetime | None = None):
    """Meetings of the networks the person is an active member of (one query)."""
    now = now or timezone.now()
    return _network_meetings_window(network_queries.meetings_for_member(user), now)


def personal_school_events(user, now: datetime | None = None):
    """Theme-week contributions the person arranges, from 30 days back (one query)."""
    now = now or timezone.now()
    return list(
        school_queries.contributions_for_person(user).filter(ends_at__gte=now - KEEP_CANCELLED)
    )


def feed_token_of(user) -> FeedToken | None:
    return _FEED_TOKEN.instance(user.pk)


# Mine sider's calendar box and the calendar page (core.prepared: SQL built once per process).
_FEED_TOKEN = PreparedQuery(
    lambda user_id: FeedToken.objects.filter(user=user_id).order_by("pk")[:1]
)


def dashboard_context(request) -> dict | None:
    """The Mine sider box: whether the person has a calendar link yet."""
    return {"feed_token": feed_token_of(request.user)}
