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
  event stays at 17:00 local time on both sides of a daylight saving change;
- text is cleaned here, whatever the database holds: control characters and bidi overrides
  are dropped everywhere, and line breaks are folded into spaces wherever a value goes into
  a one-line property (SUMMARY, LOCATION, CATEGORIES, a CN, the calendar's name): a title
  typed with a line break before names were validated must not break the whole file (the
  library refuses it) nor every email that attaches it.
"""

import calendar as calendar_module
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vDuration,
)
from icalendar.enums import PARTSTAT, ROLE, STATUS

PRODID = "-//Frivilligløft//Frivilligløft//DA"
DEFAULT_TIMEZONE = "Europe/Copenhagen"
CONTENT_TYPE = "text/calendar; charset=utf-8"
METHODS = frozenset({"PUBLISH", "REQUEST", "CANCEL"})

# Control characters other than tab and newline are not allowed in iCalendar text values
# (RFC 5545 3.3.11) and some calendar programs reject the whole file when they meet one.
# Bidi embeddings, overrides and isolates go too: a calendar program would show the text
# reversed (core.validators keeps them out of new input).
_CONTROL_CHARACTERS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]"
)
# Every way of breaking a line: CR LF, CR, LF, NEL, Unicode's line and paragraph separators.
_LINE_BREAKS = re.compile(r"\r\n?|[\n\x85\u2028\u2029]")
# Nothing that separates words may stay inside an address or a link.
_NOT_IN_ADDRESS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


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
    """Text safe for a multi-line iCalendar property (DESCRIPTION): line breaks become "\\n",
    no other control characters, no stray whitespace around it."""
    return _CONTROL_CHARACTERS.sub("", _LINE_BREAKS.sub("\n", value or "")).strip()


def single_line(value: str) -> str:
    """Text safe for a one-line property (SUMMARY, LOCATION, CATEGORIES, CN, NAME): like
    `clean_text`, with every line break, tab and run of spaces folded into one space."""
    return " ".join(clean_text(value).split())


def _uri_part(value: str) -> str:
    """A link or an email address without whitespace or control characters (the library
    refuses CR and LF in URIs and calendar addresses)."""
    return _NOT_IN_ADDRESS.sub("", value or "")


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
        name=single_line(name) or None,
        description=single_line(description) or None,
        method=method.upper() if method else None,
        uid=uid or "unused",
        url=_uri_part(url) or None,
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

    # Each event is serialised as soon as it is made and then dropped: a feed of thousands of
    # events never holds them all as icalendar objects at once (a public feed of 4,600 events
    # took ~50 MB more at its peak that way). The bytes are exactly what serialising the whole
    # calendar gives: its own lines, then the VTIMEZONE, the events and END:VCALENDAR.
    utc_stamp = stamp.astimezone(UTC)
    parts: list[bytes] = []
    first_start = last_end = None
    zoned = False
    for item in events:
        event = Event.new(
            uid=item.uid,
            stamp=utc_stamp,
            summary=single_line(item.summary),
            start=_local(item.start, zone),
            end=_local(item.end, zone),
            sequence=item.sequence,
            status=STATUS.CANCELLED if item.cancelled else STATUS.CONFIRMED,
            location=single_line(item.location) or None,
            description=clean_text(item.description) or None,
            url=_uri_part(item.url) or None,
            categories=tuple(single_line(c) for c in item.categories if single_line(c)),
            last_modified=item.last_modified.astimezone(UTC) if item.last_modified else None,
            organizer=_address(item.organizer, organizer=True) if item.organizer else None,
            attendees=[_address(person) for person in item.attendees] or None,
        )
        start, end = event.start, event.end
        first_start = start if first_start is None else min(first_start, start)
        last_end = end if last_end is None else max(last_end, end)
        zoned = zoned or bool(event.get("DTSTART").params.get("TZID"))
        parts.append(event.to_ical())

    head = calendar.to_ical()
    if not head.endswith(_CALENDAR_END):  # pragma: no cover - icalendar's own format
        raise ValueError("Unexpected end of an iCalendar VCALENDAR.")
    timezone_part = b""
    if zoned:
        first, last = _date_range(first_start, last_end)
        timezone_part = Timezone.from_ical(_vtimezone(timezone, first, last)).to_ical()
    body = b"".join([head[: -len(_CALENDAR_END)], timezone_part, *parts, _CALENDAR_END])
    return body


@dataclass(frozen=True)
class _Transition:
    onset: datetime  # local wall time of the change, in the offset before it (RFC 5545)
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool


def _transitions(zone: ZoneInfo, first: date, last: date) -> list[_Transition]:
    """Every change of `zone`'s UTC offset (or name) between `first` and `last`, from the zone
    database: a day-by-day walk, and a search down to the minute within the day of a change."""
    found = []
    moment = datetime.combine(first, time(), tzinfo=UTC)
    end = datetime.combine(last, time(23, 59), tzinfo=UTC)

    def state(instant: datetime):
        local = instant.astimezone(zone)
        return local.utcoffset(), local.tzname(), local.dst() > timedelta(0)

    while moment < end:
        following = moment + timedelta(days=1)
        before = state(moment)
        if before != state(following):
            low, high = 0, 24 * 60  # minutes after `moment`: the change lies in (low, high]
            while high - low > 1:
                middle = (low + high) // 2
                if state(moment + timedelta(minutes=middle)) == before:
                    low = middle
                else:
                    high = middle
            change = moment + timedelta(minutes=high)
            after = state(change)
            found.append(
                _Transition(
                    onset=(change + before[0]).replace(tzinfo=None),
                    offset_from=before[0],
                    offset_to=after[0],
                    name=after[1],
                    daylight=after[2],
                )
            )
        moment = following
    return found


def _yearly_rule(onsets: list[datetime]) -> dict | None:
    """The RRULE that gives exactly `onsets` (one a year, in consecutive years, on the same
    weekday of the same week of the same month at the same time), or None."""
    first = onsets[0]
    years = [onset.year for onset in onsets]
    if years != list(range(first.year, first.year + len(onsets))):
        return None
    weekday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[first.weekday()]
    for position in ("last", "nth"):
        rules = set()
        for onset in onsets:
            days_in_month = calendar_module.monthrange(onset.year, onset.month)[1]
            week = -1 if position == "last" and onset.day > days_in_month - 7 else None
            if position == "nth":
                week = (onset.day - 1) // 7 + 1
            rules.add((onset.month, onset.weekday(), onset.time(), week))
        if len(rules) == 1 and None not in next(iter(rules)):
            week = next(iter(rules))[3]
            return {"FREQ": "YEARLY", "BYMONTH": first.month, "BYDAY": f"{week}{weekday}"}
    return None


@lru_cache(maxsize=64)
def _vtimezone(name: str, first: date, last: date) -> bytes:
    """The VTIMEZONE for `name`, correct from `first` to `last` and, where the zone follows a
    yearly rule, beyond: every parser reads it the same.

    A yearly rule is written as an RRULE (as Outlook and Google write theirs); anything else
    as one RDATE line per date. (icalendar's add_missing_timezones lists the dates on one
    comma-separated RDATE, of which ical.js and vobject read only the first, and vobject keeps
    the first VTIMEZONE of a name it ever met for every later calendar, so a zone that ends
    with its file's last event, or starts with its first, is wrong in the next file: hence an
    open-ended rule from a fixed year.)
    """
    zone = ZoneInfo(name)
    vtimezone = Timezone()
    vtimezone.add("TZID", name)
    # A year more than asked: a rule is written as open-ended only if it still holds then.
    transitions = _transitions(zone, first, date(last.year + 1, 12, 31))
    if not transitions:
        local = datetime.combine(first, time(), tzinfo=zone)
        observance = TimezoneStandard()
        observance.add("DTSTART", datetime.combine(first, time()))
        observance.add("TZOFFSETFROM", local.utcoffset())
        observance.add("TZOFFSETTO", local.utcoffset())
        observance.add("TZNAME", local.tzname())
        vtimezone.add_component(observance)
        return vtimezone.to_ical()
    groups: dict[tuple, list[_Transition]] = {}
    for transition in transitions:
        key = (transition.daylight, transition.offset_from, transition.offset_to, transition.name)
        groups.setdefault(key, []).append(transition)
    for (daylight, offset_from, offset_to, tzname), members in sorted(
        groups.items(), key=lambda item: item[1][0].onset
    ):
        onsets = [member.onset for member in members]
        observance = TimezoneDaylight() if daylight else TimezoneStandard()
        observance.add("DTSTART", onsets[0])
        rule = _yearly_rule(onsets) if len(onsets) > 1 else None
        if rule is not None and onsets[-1].year == last.year + 1:
            observance.add("RRULE", rule)
        else:
            for onset in onsets[1:]:
                observance.add("RDATE", onset)
        observance.add("TZOFFSETFROM", offset_from)
        observance.add("TZOFFSETTO", offset_to)
        observance.add("TZNAME", tzname)
        vtimezone.add_component(observance)
    return vtimezone.to_ical()


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
    address = vCalAddress(f"mailto:{_uri_part(person.email)}")
    if single_line(person.name):
        address.params["CN"] = single_line(person.name)
    if not organizer:
        address.params["ROLE"] = ROLE.REQ_PARTICIPANT
        address.params["PARTSTAT"] = PARTSTAT(person.partstat)
        # Answers are given on the site, not by replying to the invitation.
        address.params["RSVP"] = "FALSE"
    return address


# Every VTIMEZONE starts here (or earlier, for older events), whatever the file's events: a
# parser that keeps the first zone of a name it meets (vobject, for the life of the process)
# and then reads a later file with an earlier event must still find its transition. With an
# open-ended rule every file then carries the very same VTIMEZONE.
_ZONE_FROM = date(2000, 1, 1)
_CALENDAR_END = b"END:VCALENDAR\r\n"


def _date_range(first_start, last_end) -> tuple[date, date]:
    """The years the VTIMEZONE must cover: from `_ZONE_FROM` to a year after the last event
    (the earliest start and the latest end; None when there are no events)."""
    if first_start is None:
        return _ZONE_FROM, date(_ZONE_FROM.year, 12, 31)
    first = min(date(first_start.year - 1, 1, 1), _ZONE_FROM)
    return first, date(last_end.year + 1, 12, 31)
