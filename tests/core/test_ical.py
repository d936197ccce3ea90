import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from core.ical import (
    PRODID,
    CalendarEvent,
    Person,
    build_calendar,
    clean_text,
    event_uid,
    single_line,
)

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
STAMP = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def make_event(**overrides) -> CalendarEvent:
    values = {
        "uid": "meeting-7@frivilligloeft.test",
        "summary": "Ny i bestyrelsen",
        "start": datetime(2026, 9, 15, 17, 0, tzinfo=COPENHAGEN),
        "end": datetime(2026, 9, 15, 20, 0, tzinfo=COPENHAGEN),
    }
    values.update(overrides)
    return CalendarEvent(**values)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def test_event_uid_is_stable_per_kind_and_key():
    assert event_uid("meeting", 42, "frivilligloeft.dk") == "meeting-42@frivilligloeft.dk"


def test_build_calendar_gives_the_same_bytes_for_the_same_data():
    events = [make_event()]

    first = build_calendar(events, stamp=STAMP, name="Kurser")
    second = build_calendar(events, stamp=STAMP, name="Kurser")

    assert first == second


def test_build_calendar_writes_the_fixed_prodid_and_the_callers_uid_and_stamp():
    calendar = parse(build_calendar([make_event(sequence=3)], stamp=STAMP))

    (event,) = calendar.events
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    assert "UID" not in calendar
    assert str(event["UID"]) == "meeting-7@frivilligloeft.test"
    assert event["DTSTAMP"].dt == STAMP
    assert event["SEQUENCE"] == 3
    assert str(event["STATUS"]) == "CONFIRMED"


def test_build_calendar_writes_local_time_with_tzid_and_a_vtimezone():
    data = build_calendar([make_event()], stamp=STAMP)

    assert b"DTSTART;TZID=Europe/Copenhagen:20260915T170000" in data
    assert b"DTEND;TZID=Europe/Copenhagen:20260915T200000" in data
    calendar = parse(data)
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Copenhagen"]
    assert calendar.get_missing_tzids() == set()


def test_meeting_across_the_end_of_daylight_saving_keeps_its_real_length():
    # Saturday 24 October 2026 22:00 (summer time, UTC+2) until Sunday 25 October 06:00
    # (winter time, UTC+1): nine hours, not eight, because the clock goes back at 03:00.
    start = datetime(2026, 10, 24, 22, 0, tzinfo=COPENHAGEN)
    end = datetime(2026, 10, 25, 6, 0, tzinfo=COPENHAGEN)
    data = build_calendar([make_event(start=start, end=end)], stamp=STAMP)

    assert b"DTSTART;TZID=Europe/Copenhagen:20261024T220000" in data
    assert b"DTEND;TZID=Europe/Copenhagen:20261025T060000" in data
    (event,) = parse(data).events
    assert event.start.astimezone(UTC) == datetime(2026, 10, 24, 20, 0, tzinfo=UTC)
    assert event.end.astimezone(UTC) == datetime(2026, 10, 25, 5, 0, tzinfo=UTC)
    # (Subtracting two datetimes in the same zone would compare wall clocks: use UTC.)
    assert event.end.astimezone(UTC) - event.start.astimezone(UTC) == timedelta(hours=9)
    # The VTIMEZONE alone tells programs that do not know the zone when winter time begins.
    (vtimezone,) = parse(data).timezones
    zone = vtimezone.to_tz()
    assert datetime(2026, 10, 24, 22, 0, tzinfo=zone).utcoffset() == timedelta(hours=2)
    assert datetime(2026, 10, 25, 6, 0, tzinfo=zone).utcoffset() == timedelta(hours=1)
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in data.decode()


def test_weekly_meetings_on_both_sides_of_the_change_stay_at_the_same_local_hour():
    before = make_event(
        uid="meeting-1@x",
        start=datetime(2026, 10, 20, 17, 0, tzinfo=COPENHAGEN),
        end=datetime(2026, 10, 20, 19, 0, tzinfo=COPENHAGEN),
    )
    after = make_event(
        uid="meeting-2@x",
        start=datetime(2026, 10, 27, 17, 0, tzinfo=COPENHAGEN),
        end=datetime(2026, 10, 27, 19, 0, tzinfo=COPENHAGEN),
    )

    data = build_calendar([before, after], stamp=STAMP)

    assert b"DTSTART;TZID=Europe/Copenhagen:20261020T170000" in data
    assert b"DTSTART;TZID=Europe/Copenhagen:20261027T170000" in data
    starts = sorted(event.start.astimezone(UTC).hour for event in parse(data).events)
    assert starts == [15, 16]


def test_utc_input_is_written_in_copenhagen_time():
    start = datetime(2027, 1, 12, 16, 30, tzinfo=UTC)
    data = build_calendar([make_event(start=start, end=start + timedelta(hours=2))], stamp=STAMP)

    assert b"DTSTART;TZID=Europe/Copenhagen:20270112T173000" in data


def test_cancelled_event_has_status_cancelled():
    (event,) = parse(build_calendar([make_event(cancelled=True, sequence=2)], stamp=STAMP)).events

    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 2


def test_location_description_url_and_categories_are_written_and_escaped():
    event = make_event(
        location="Rådhuset, Holbækvej 141, 4400 Kalundborg",
        description="Medbring jeres vedtægter.\nKaffe fra 16.45.",
        url="https://frivilligloeft.test/kurser/ny-i-bestyrelsen/",
        categories=("Bestyrelsesarbejde", ""),
    )

    data = build_calendar([event], stamp=STAMP)

    assert "LOCATION:Rådhuset\\, Holbækvej 141\\, 4400 Kalundborg".encode() in data
    (parsed,) = parse(data).events
    assert str(parsed["LOCATION"]) == "Rådhuset, Holbækvej 141, 4400 Kalundborg"
    assert str(parsed["DESCRIPTION"]) == "Medbring jeres vedtægter.\nKaffe fra 16.45."
    assert str(parsed["URL"]) == "https://frivilligloeft.test/kurser/ny-i-bestyrelsen/"
    assert parsed.categories == ["Bestyrelsesarbejde"]


def test_empty_optional_fields_are_left_out():
    data = build_calendar([make_event()], stamp=STAMP)

    for name in (b"LOCATION", b"DESCRIPTION", b"URL:", b"CATEGORIES", b"METHOD"):
        assert name not in data


def test_control_characters_are_stripped():
    event = make_event(summary="Kursus\x07 i\x00 regnskab", description="a\x1bb\nc\td")

    (parsed,) = parse(build_calendar([event], stamp=STAMP)).events

    assert str(parsed["SUMMARY"]) == "Kursus i regnskab"
    assert str(parsed["DESCRIPTION"]) == "ab\nc\td"
    assert clean_text("  \x0b x  ") == "x"


@pytest.mark.parametrize(
    ("method", "expected"),
    [("PUBLISH", b"METHOD:PUBLISH"), ("cancel", b"METHOD:CANCEL")],
    ids=["publish", "lowercase-cancel"],
)
def test_method_is_written_when_given(method, expected):
    assert expected in build_calendar([make_event()], stamp=STAMP, method=method)


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="METHOD"):
        build_calendar([make_event()], stamp=STAMP, method="DELETE")


def test_calendar_name_and_uid_are_written_when_given():
    data = build_calendar(
        [make_event()], stamp=STAMP, name="Mine kurser", uid="calendar-1@frivilligloeft.test"
    )

    calendar = parse(data)
    assert str(calendar["NAME"]) == "Mine kurser"
    assert str(calendar["X-WR-CALNAME"]) == "Mine kurser"
    assert str(calendar["UID"]) == "calendar-1@frivilligloeft.test"


def test_an_empty_calendar_is_still_valid():
    calendar = parse(build_calendar([], stamp=STAMP, name="Ingen kurser"))

    assert calendar.events == []
    assert str(calendar["PRODID"]) == PRODID


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (
            datetime(2026, 9, 15, 17),  # noqa: DTZ001
            datetime(2026, 9, 15, 19),  # noqa: DTZ001
            "aware datetimes",
        ),
        (
            datetime(2026, 9, 15, 17, tzinfo=UTC),
            datetime(2026, 9, 15, 17, tzinfo=UTC),
            "ends before it starts",
        ),
    ],
    ids=["naive", "ends-at-start"],
)
def test_bad_event_times_are_refused(start, end, message):
    with pytest.raises(ValueError, match=message):
        make_event(start=start, end=end)


def test_naive_stamp_is_refused():
    with pytest.raises(ValueError, match="aware"):
        build_calendar([make_event()], stamp=datetime(2026, 9, 1, 8, 0))  # noqa: DTZ001


def test_build_calendar_writes_refresh_interval_and_published_ttl():
    data = build_calendar(
        [make_event()], stamp=STAMP, name="Kurser", refresh_interval=timedelta(hours=6)
    )

    calendar = parse(data)
    assert str(calendar["X-WR-CALNAME"]) == "Kurser"
    assert calendar["REFRESH-INTERVAL"].dt == timedelta(hours=6)
    assert b"X-PUBLISHED-TTL:PT6H" in data


def test_build_calendar_keeps_the_instant_of_a_meeting_across_the_end_of_dst():
    # 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET in Copenhagen.
    event = make_event(
        start=datetime(2026, 10, 25, 1, 30, tzinfo=COPENHAGEN),
        end=datetime(2026, 10, 25, 3, 30, tzinfo=COPENHAGEN),
    )

    (parsed,) = parse(build_calendar([event], stamp=STAMP)).events

    assert parsed.start.astimezone(UTC) == datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    assert parsed.end.astimezone(UTC) == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)
    # Same-zone subtraction in Python counts wall-clock hours; the real length is three.
    assert parsed.end.astimezone(UTC) - parsed.start.astimezone(UTC) == timedelta(hours=3)


@pytest.mark.parametrize("fold", [0, 1], ids=["first-0230-cest", "second-0230-cet"])
def test_build_calendar_writes_an_ambiguous_local_time_in_utc(fold):
    start = datetime(2026, 10, 25, 2, 30, tzinfo=COPENHAGEN, fold=fold)
    event = make_event(start=start, end=start + timedelta(hours=2))

    data = build_calendar([event], stamp=STAMP)

    (parsed,) = parse(data).events
    assert parsed.start == start.astimezone(UTC)
    assert f"DTSTART:{start.astimezone(UTC):%Y%m%dT%H%M%S}Z".encode() in data


def test_build_calendar_writes_organizer_and_attendees_for_invitations():
    event = make_event(
        organizer=Person("kurser@kalundborg.dk", "Frivilligcentret"),
        attendees=(Person("ann@example.org", "Ann Berg"),),
    )

    (parsed,) = parse(build_calendar([event], stamp=STAMP, method="REQUEST")).events

    assert str(parsed["ORGANIZER"]) == "mailto:kurser@kalundborg.dk"
    assert parsed["ORGANIZER"].params["CN"] == "Frivilligcentret"
    attendee = parsed["ATTENDEE"]
    assert str(attendee) == "mailto:ann@example.org"
    assert attendee.params["PARTSTAT"] == "ACCEPTED"
    assert attendee.params["CN"] == "Ann Berg"


@pytest.mark.parametrize(
    "line_break",
    ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"],
    ids=["lf", "crlf", "cr", "nel", "line-separator", "paragraph-separator"],
)
def test_line_breaks_in_one_line_properties_are_folded_into_spaces(line_break):
    # Titles and names typed before core.validators existed may hold a line break; the
    # library refuses some (NAME) and a calendar program shows others as two lines.
    event = make_event(
        summary=f"Ny i{line_break}bestyrelsen",
        location=f"Rådhuset{line_break}{line_break}Holbækvej 141",
        description=f"Medbring vedtægter.{line_break}Kaffe fra 16.45.",
        categories=(f"Bestyrelses{line_break}arbejde",),
        organizer=Person("kurser@kalundborg.dk", f"Frivillig{line_break}centret"),
        attendees=(Person("ann@example.org", f"Ann{line_break}Berg"),),
    )

    data = build_calendar(
        [event],
        stamp=STAMP,
        name=f"Netværk for{line_break}kasserere",
        description=f"Møder{line_break}i netværket",
        method="REQUEST",
    )

    calendar = parse(data)
    (parsed,) = calendar.events
    assert str(calendar["X-WR-CALNAME"]) == "Netværk for kasserere"
    assert str(calendar["X-WR-CALDESC"]) == "Møder i netværket"
    assert str(parsed["SUMMARY"]) == "Ny i bestyrelsen"
    assert str(parsed["LOCATION"]) == "Rådhuset Holbækvej 141"
    assert str(parsed["DESCRIPTION"]) == "Medbring vedtægter.\nKaffe fra 16.45."
    assert parsed.categories == ["Bestyrelses arbejde"]
    assert parsed["ORGANIZER"].params["CN"] == "Frivillig centret"
    assert parsed["ATTENDEE"].params["CN"] == "Ann Berg"


def test_bidi_overrides_and_c1_controls_are_stripped_from_every_text():
    event = make_event(
        summary="\u202enessnaH annA\u202c kursus\x9b",
        location="\u2067Rådhuset\u2069",
        description="Linje 1\u202e\nLinje 2",
        organizer=Person("kurser@kalundborg.dk", "\u202dFrivilligcentret"),
    )

    (parsed,) = parse(build_calendar([event], stamp=STAMP, method="REQUEST")).events

    assert str(parsed["SUMMARY"]) == "nessnaH annA kursus"
    assert str(parsed["LOCATION"]) == "Rådhuset"
    assert str(parsed["DESCRIPTION"]) == "Linje 1\nLinje 2"
    assert parsed["ORGANIZER"].params["CN"] == "Frivilligcentret"


def test_line_breaks_in_links_and_addresses_do_not_break_the_calendar():
    event = make_event(
        url="https://frivilligloeft.test/kurser/ny/\r\n",
        organizer=Person("kurser@kalundborg.dk\n", "Frivilligcentret"),
        attendees=(Person(" ann@example.org\r\n", "Ann Berg"),),
    )

    data = build_calendar([event], stamp=STAMP, method="REQUEST", url="https://x.test/\n")

    (parsed,) = parse(data).events
    assert str(parsed["URL"]) == "https://frivilligloeft.test/kurser/ny/"
    assert str(parsed["ORGANIZER"]) == "mailto:kurser@kalundborg.dk"
    assert str(parsed["ATTENDEE"]) == "mailto:ann@example.org"


def test_single_line_keeps_direction_marks_and_joiners():
    assert (
        single_line(" Noa\u200f (נועה)\u200f\t8.B \u200d ") == "Noa\u200f (נועה)\u200f 8.B \u200d"
    )


def test_vtimezone_writes_copenhagens_yearly_rule_as_open_ended_rrules():
    # Open-ended, so a parser that keeps the first zone of a name it meets (vobject) is right
    # for the events of every later file too; onsets in the local time before the change.
    data = build_calendar([make_event()], stamp=STAMP).decode()

    zone = data[data.index("BEGIN:VTIMEZONE") : data.index("END:VTIMEZONE")].splitlines()
    assert zone == [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Copenhagen",
        "BEGIN:DAYLIGHT",
        "DTSTART:20000326T020000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "TZNAME:CEST",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20001029T030000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
        "TZNAME:CET",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
    ]


def test_vtimezone_of_a_zone_that_left_its_rule_lists_one_date_per_rdate_line():
    # Brazil ended summer time in 2019: no yearly rule covers the years, so every change is
    # an RDATE of its own (ical.js and vobject read only the first date of a list).
    zone = ZoneInfo("America/Sao_Paulo")
    event = make_event(
        start=datetime(2018, 12, 1, 18, tzinfo=zone), end=datetime(2018, 12, 1, 20, tzinfo=zone)
    )

    data = build_calendar([event], stamp=STAMP, timezone="America/Sao_Paulo").decode()

    lines = data.splitlines()
    rdates = [line for line in lines if line.startswith("RDATE")]
    assert len(rdates) == 19 + 18  # 2001–2019 back to standard time, 2001–2018 to summer time
    assert all(re.fullmatch(r"RDATE:\d{8}T\d{6}", line) for line in rdates)
    assert {"RDATE:20181104T000000", "RDATE:20190217T000000"} <= set(rdates)
    assert [line for line in lines if line.startswith("DTSTART:")] == [
        "DTSTART:20000227T000000",
        "DTSTART:20001008T000000",
    ]
    assert "RRULE" not in data


def test_vtimezone_is_the_same_in_every_file_whatever_its_events():
    # vobject keeps the first VTIMEZONE of a name it meets for the rest of the process: one
    # built for next year's events must still place this year's right.
    this_year = make_event(
        start=datetime(2026, 10, 25, 1, 30, tzinfo=COPENHAGEN),
        end=datetime(2026, 10, 25, 3, tzinfo=COPENHAGEN),
    )
    later = make_event(
        start=datetime(2029, 4, 5, 18, tzinfo=COPENHAGEN),
        end=datetime(2029, 4, 5, 20, tzinfo=COPENHAGEN),
    )

    def vtimezone(data: bytes) -> str:
        text = data.decode()
        return text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]

    assert vtimezone(build_calendar([this_year], stamp=STAMP)) == vtimezone(
        build_calendar([later], stamp=STAMP)
    )


def test_no_vtimezone_when_every_time_is_in_utc():
    # 02:30 on the night summer time ends names two instants: written in UTC, no zone needed.
    ambiguous = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    event = make_event(start=ambiguous, end=ambiguous + timedelta(minutes=30))

    assert "VTIMEZONE" not in build_calendar([event], stamp=STAMP).decode()
