"""Plain event data → iCalendar bytes (RFC 5545), on the icalendar library.

This module knows no model and no request: callers turn their meetings, network meetings or
theme-week days into `CalendarEvent`s and get bytes back. Everything in the output is a
function of the input, so the same data always gives the same bytes (stable ETags, stable
tests):

- the PRODID is fixed;
- every event carries the UID the caller gives it (use `event_uid("meeting", pk, host)`),
  so a calendar that imported or subscribed to it replaces its copy instead of adding one;
- DTSTAMP is passed in, never taken from the clock here;
- SEQUENCE is the caller's revision counter: raise it whenever time, place or status
  changes, or calendar programs keep the old version;
- times are written in Europe/Copenhagen with a TZID and the matching VTIMEZONE, so the
  event stays at 17:00 local time on both sides of a daylight saving change.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vDuration
from icalendar.enums import PARTSTAT, ROLE, STATUS

PRODID = "-//Frivilligløft//Frivilligløft//DA"
DEFAULT_TIMEZONE = "Europe/Copenhagen"
CONTENT_TYPE = "text/calendar; charset=utf-8"
METHODS = frozenset({"PUBLISH", "REQUEST", "CANCEL"})

# Control characters other than tab and newline are not allowed in iCalendar text values
# (RFC 5545 3.3.11) and some calendar programs reject the whole file when they meet one.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Person:
    """An ORGANIZER or ATTENDEE of an invitation: an email address and a display name."""

    email: str
    name: str = ""
    # PARTSTAT: ACCEPTED (a confirmed seat), DECLINED (left), NEEDS-ACTION (not answered).
    partstat: str = "ACCEPTED"


@dataclass(frozen=True)
class CalendarEvent:
    """One event, in plain values. `start` and `end` are aware datetimes."""

    uid: str
    summary: str
    start: datetime
    end: datetime
    sequence: int = 0
    cancelled: bool = False
    location: str = ""
    description: str = ""
    url: str = ""
    categories: tuple[str, ...] = field(default_factory=tuple)
    last_modified: datetime | None = None
    # Invitations (METHOD:REQUEST/CANCEL) need both; feeds leave them out.
    organizer: Person | None = None
    attendees: tuple[Person, ...] = field(default_factory=tuple)

    def __post_init__(self):
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("CalendarEvent needs aware datetimes (USE_TZ stores UTC).")
        if self.end <= self.start:
            raise ValueError(f"Event {self.uid} ends before it starts.")


def event_uid(kind: str, pk: int | str, host: str) -> str:
    """A UID that never changes for the same thing: `meeting-42@frivilligloeft.dk`."""
    return f"{kind}-{pk}@{host}"


def clean_text(value: str) -> str:
    """Text safe for an iCalendar property: no control characters, no stray whitespace."""
    return _CONTROL_CHARACTERS.sub("", value or "").strip()


def build_calendar(
    events: Iterable[CalendarEvent],
    *,
    stamp: datetime,
    name: str = "",
    description: str = "",
    method: str | None = None,
    timezone: str = DEFAULT_TIMEZONE,
    uid: str | None = None,
    url: str = "",
    refresh_interval: timedelta | None = None,
) -> bytes:
    """Return a VCALENDAR holding `events`, as bytes ready for a response or an attachment.

    `stamp` becomes every event's DTSTAMP; pass the time the data last changed (or "now"
    for an iTIP message) — this function never reads the clock. `method` (PUBLISH, REQUEST,
    CANCEL) is written only when given: a plain download has none. `refresh_interval` is
    how often a subscribed calendar should fetch the feed again (REFRESH-INTERVAL and the
    older X-PUBLISHED-TTL that Outlook and Apple read).
    """
    if stamp.tzinfo is None:
        raise ValueError("stamp must be an aware datetime.")
    if method is not None and method.upper() not in METHODS:
        raise ValueError(f"Unknown iCalendar METHOD {method!r}.")
    zone = ZoneInfo(timezone)
    calendar = Calendar.new(
        prodid=PRODID,
        name=clean_text(name) or None,
        description=clean_text(description) or None,
        method=method.upper() if method else None,
        uid=uid or "unused",
        url=url or None,
        refresh_interval=refresh_interval,
    )
    if refresh_interval is not None:
        calendar.add("X-PUBLISHED-TTL", vDuration(refresh_interval))
    if uid is None:
        # Calendar.new() always sets a UID (a random one if none is given): drop it so that
        # the same events give the same bytes.
        del calendar["UID"]
    if name:
        # Calendar.new() writes NAME and X-WR-CALNAME; some programs also want the zone.
        calendar.add("X-WR-TIMEZONE", timezone)

    utc_stamp = stamp.astimezone(UTC)
    for item in events:
        event = Event.new(
            uid=item.uid,
            stamp=utc_stamp,
            summary=clean_text(item.summary),
            start=_local(item.start, zone),
            end=_local(item.end, zone),
            sequence=item.sequence,
            status=STATUS.CANCELLED if item.cancelled else STATUS.CONFIRMED,
            location=clean_text(item.location) or None,
            description=clean_text(item.description) or None,
            url=item.url or None,
            categories=tuple(clean_text(c) for c in item.categories if clean_text(c)),
            last_modified=item.last_modified.astimezone(UTC) if item.last_modified else None,
            organizer=_address(item.organizer, organizer=True) if item.organizer else None,
            attendees=[_address(person) for person in item.attendees] or None,
        )
        calendar.add_component(event)

    first, last = _date_range(calendar)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    """The moment in local time, or in UTC when the local wall time names two instants.

    On the last Sunday of October 02:00–03:00 happens twice in Copenhagen; "02:30" with a
    TZID cannot say which, so such a moment is written in UTC (RFC 5545 allows both).
    """
    local = moment.astimezone(zone)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        return moment.astimezone(UTC)
    return local


def _address(person: Person, *, organizer: bool = False) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    if person.name:
        address.params["CN"] = clean_text(person.name)
    if not organizer:
        address.params["ROLE"] = ROLE.REQ_PARTICIPANT
        address.params["PARTSTAT"] = PARTSTAT(person.partstat)
        # Answers are given on the site, not by replying to the invitation.
        address.params["RSVP"] = "FALSE"
    return address


def _date_range(calendar: Calendar) -> tuple[date, date]:
    """The VTIMEZONE needs only the transitions around the events: a small, stable file."""
    starts = [event.start for event in calendar.events]
    ends = [event.end for event in calendar.events]
    if not starts:
        return date(2000, 1, 1), date(2000, 12, 31)
    return date(min(starts).year - 1, 1, 1), date(max(ends).year + 1, 12, 31)
