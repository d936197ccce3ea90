import io

import pytest
import vobject
from icalendar import Calendar


def parse_both(data: bytes) -> Calendar:
    """Parse with icalendar and, independently, with vobject; return icalendar's result.

    vobject has its own parser and its own timezone handling, so a feed that only one of
    them accepts, or on whose instants they disagree, fails here.
    """
    calendar = Calendar.from_ical(data)
    parsed = vobject.readOne(io.StringIO(data.decode("utf-8")))
    vevents = list(getattr(parsed, "vevent_list", []))
    assert len(vevents) == len(calendar.events)
    by_uid = {event.uid.value: event for event in vevents}
    for event in calendar.events:
        other = by_uid[str(event["UID"])]
        assert other.dtstart.value == event.start
        assert other.dtend.value == event.end
    return calendar


def invitations(message) -> list[tuple[str, Calendar]]:
    """(METHOD, parsed calendar) for every calendar attached to an email."""
    found = []
    for _name, content, mimetype in message.attachments:
        if mimetype == "image/png":
            continue  # a confirmation's check-in QR code (courses.services.checkin)
        assert mimetype.startswith("text/calendar; charset=utf-8; method=")
        data = content if isinstance(content, bytes) else content.encode()
        calendar = parse_both(data)
        assert mimetype.endswith(str(calendar["METHOD"]))
        found.append((str(calendar["METHOD"]), calendar))
    return found


@pytest.fixture
def ics():
    return parse_both
