"""Feeds as iCalendar bytes: public course and network feeds, and the personal feed.

Everything here works on rows already read by `calendars.queries` and turns them into
`core.ical.CalendarEvent`s; course meetings go through `courses.ics` so that feeds, the
course download and the emails describe a meeting identically (same UID, same SEQUENCE).
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from django.utils.translation import gettext as _

from core.ical import CalendarEvent, build_calendar, event_uid
from courses.ics import absolute_url, meeting_events, site_host
from courses.models import Course, Signup, SignupStatus
from networks.models import Network, NetworkMeeting

# How often subscribed calendars should fetch again (REFRESH-INTERVAL, X-PUBLISHED-TTL).
PUBLIC_REFRESH = timedelta(hours=3)
PERSONAL_REFRESH = timedelta(hours=1)
# DTSTAMP and Last-Modified of an empty feed: any fixed moment keeps the bytes stable.
EMPTY_FEED_STAMP = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Feed:
    body: bytes
    last_modified: datetime


def _latest(stamps: Iterable[datetime | None]) -> datetime:
    return max((stamp for stamp in stamps if stamp is not None), default=EMPTY_FEED_STAMP)


def network_meeting_event(meeting: NetworkMeeting, *, for_member: bool) -> CalendarEvent:
    """A network meeting. Place and online link are for members (see NetworkMeeting), so the
    public feed says only what the public network page says: title, time and agenda."""
    url = absolute_url(meeting.get_absolute_url())
    location = ""
    parts = [meeting.agenda]
    if for_member:
        location = ", ".join(p for p in (meeting.place_name, meeting.place_address) if p)
        if meeting.online_link:
            location = location or _("Online")
            parts.append(_("Online link: %(link)s") % {"link": meeting.online_link})
    parts.append(url)
    return CalendarEvent(
        uid=event_uid("network-meeting", meeting.pk, site_host()),
        summary=f"{meeting.network.name}: {meeting.title}",
        start=meeting.starts_at,
        end=meeting.ends_at,
        sequence=meeting.sequence,
        cancelled=meeting.is_cancelled,
        location=location,
        description="\n\n".join(p for p in parts if p),
        url=url,
        last_modified=meeting.updated_at,
    )


def courses_feed(courses: Iterable[Course]) -> Feed:
    """Every meeting of the given courses (with `meetings` and `topics` prefetched)."""
    courses = list(courses)
    events = []
    for course in courses:
        events += meeting_events(course, course.meetings.all())
    stamp = _latest(course.updated_at for course in courses)
    body = build_calendar(
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
    body = build_calendar(
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


def personal_feed(signups: Iterable[Signup], network_meetings: Iterable[NetworkMeeting]) -> Feed:
    """A person's own calendar: their courses and their networks' meetings, with the
    details only participants and members see (place, online links)."""
    signups = list(signups)
    network_meetings = list(network_meetings)
    events = []
    for signup in signups:
        events += _signup_events(signup)
    events += [network_meeting_event(m, for_member=True) for m in network_meetings]
    events.sort(key=lambda event: (event.start, event.uid))
    stamp = _latest(
        [
            *(s.updated_at for s in signups),
            *(s.course.updated_at for s in signups),
            *(m.updated_at for m in network_meetings),
        ]
    )
    body = build_calendar(
        events,
        stamp=stamp,
        name=_("My Frivilligløft calendar"),
        description=_("Your courses and network meetings on Frivilligløft."),
        refresh_interval=PERSONAL_REFRESH,
    )
    return Feed(body=body, last_modified=stamp)
