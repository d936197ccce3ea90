"""Feeds as iCalendar bytes: public course and network feeds, and the personal feed.

Everything here works on rows already read by `calendars.queries` and turns them into
`core.ical.CalendarEvent`s; course meetings go through `courses.ics` so that feeds, the
course download and the emails describe a meeting identically (same UID, same SEQUENCE).
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.ical import CalendarEvent, build_calendar
from core.site import absolute_url
from courses.ics import meeting_events
from courses.models import Course, Signup, SignupStatus
from networks.ics import network_meeting_event
from networks.models import Network, NetworkMeeting
from schools.ics import contribution_event
from schools.models import ThemeWeekContribution

# How often subscribed calendars should fetch again (REFRESH-INTERVAL, X-PUBLISHED-TTL).
PUBLIC_REFRESH = timedelta(hours=3)
PERSONAL_REFRESH = timedelta(hours=1)
# DTSTAMP and Last-Modified of an empty feed: any fixed moment keeps the bytes stable.
EMPTY_FEED_STAMP = datetime(2026, 1, 1, tzinfo=UTC)


# Serialising a big feed costs far more than reading it; public feeds keep their bytes here,
# keyed by a hash of everything that goes into them, so a cached copy is never stale.
PUBLIC_CACHE_SECONDS = 60 * 60
# Courses read at a time for the public course feed (each chunk: its meetings and topics in
# one query each). The whole feed has ~1,650 courses at benchmark size.
COURSE_CHUNK = 500


@dataclass(frozen=True)
class Feed:
    body: bytes
    last_modified: datetime


def _latest(stamps: Iterable[datetime | None]) -> datetime:
    return max((stamp for stamp in stamps if stamp is not None), default=EMPTY_FEED_STAMP)


def _public_calendar(events: list[CalendarEvent], **options) -> bytes:
    """build_calendar(), remembered for identical input. Only for public feeds: the
    personal feed's bytes are private and never go into a shared cache."""
    # Hashed event by event: one repr of a whole feed was a string of megabytes (and its
    # encoded copy) at the worker's peak.
    digest = hashlib.sha256(repr(sorted(options.items())).encode())
    for event in events:
        digest.update(repr(event).encode())
    fingerprint = digest.hexdigest()
    key = f"calendars:feed:{fingerprint}"
    body = cache.get(key)
    if body is None:
        body = build_calendar(events, **options)
        cache.set(key, body, PUBLIC_CACHE_SECONDS)
    return body


def courses_feed(courses: Iterable[Course]) -> Feed:
    """Every meeting of the given courses (with `meetings` and `topics` prefetched). A queryset
    is read `COURSE_CHUNK` courses at a time (their meetings and topics prefetched per chunk),
    so the whole feed's courses and meetings are never all in memory at once."""
    if isinstance(courses, QuerySet):
        courses = courses.iterator(chunk_size=COURSE_CHUNK)
    events, stamps = [], []
    for course in courses:
        events += meeting_events(course, course.meetings.all())
        stamps.append(course.updated_at)
        # Its prefetched meetings point back at it: without them the chunk is freed as soon as
        # it is done, not at the next full garbage collection.
        course._prefetched_objects_cache = {}
    stamp = _latest(stamps)
    body = _public_calendar(
        events,
        stamp=stamp,
        name=_("Frivilligløft courses"),
        description=_("Courses for volunteers from Frivilligløft."),
        refresh_interval=PUBLIC_REFRESH,
    )
    return Feed(body=body, last_modified=stamp)


def network_feed(network: Network, meetings: Iterable[NetworkMeeting]) -> Feed:
    meetings = list(meetings)
    for meeting in meetings:
        meeting.network = network  # already loaded: no query per meeting
    events = [network_meeting_event(meeting, for_member=False) for meeting in meetings]
    stamp = _latest([network.updated_at, *(m.updated_at for m in meetings)])
    body = _public_calendar(
        events,
        stamp=stamp,
        name=network.name,
        description=network.summary,
        refresh_interval=PUBLIC_REFRESH,
        url=absolute_url(network.get_absolute_url()),
    )
    return Feed(body=body, last_modified=stamp)


def _signup_events(signup: Signup) -> list[CalendarEvent]:
    course = signup.course
    events = meeting_events(course, course.meetings.all(), with_online_link=True)
    if signup.status == SignupStatus.CANCELLED:
        # The person left the course: their calendar drops its meetings. A higher SEQUENCE
        # than the meeting's own makes the cancellation win over the copy they had.
        events = [replace(e, cancelled=True, sequence=e.sequence + 1) for e in events]
    return events


def personal_feed(
    signups: Iterable[Signup],
    network_meetings: Iterable[NetworkMeeting],
    school_events: Iterable[ThemeWeekContribution] = (),
) -> Feed:
    """A person's own calendar: their courses, their networks' meetings and the theme-week
    contributions they arrange, with the details only participants and members see (place,
    online links)."""
    signups = list(signups)
    network_meetings = list(network_meetings)
    school_events = list(school_events)
    events = []
    for signup in signups:
        events += _signup_events(signup)
    events += [network_meeting_event(m, for_member=True) for m in network_meetings]
    events += [contribution_event(c, c.theme_week) for c in school_events]
    events.sort(key=lambda event: (event.start, event.uid))
    stamp = _latest(
        [
            *(s.updated_at for s in signups),
            *(s.course.updated_at for s in signups),
            *(m.updated_at for m in network_meetings),
            *(c.updated_at for c in school_events),
        ]
    )
    body = build_calendar(
        events,
        stamp=stamp,
        name=_("My Frivilligløft calendar"),
        description=_(
            "Your courses, network meetings and theme-week contributions on Frivilligløft."
        ),
        refresh_interval=PERSONAL_REFRESH,
    )
    return Feed(body=body, last_modified=stamp)
