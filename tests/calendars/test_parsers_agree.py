"""Every calendar we publish reads the same in three independent parsers.

icalendar (Python), vobject (Python, its own timezone code) and ical.js (Mozilla's parser,
under Node: tests/tools/ical-starts.mjs) must find the same UTC start for every event of every
feed and every calendar attached to an email, for events on both sides of the daylight saving
changes of this year, next year and the year after. A VTIMEZONE whose later transitions only
one parser reads (several dates on one RDATE line) puts events an hour off from the second
year on in the others.

Without Node or npm's ical.js (`npm ci --prefix tests/tools`) the test is skipped, unless
FRIVILLIGLOEFT_REQUIRE_ICALJS=1 (CI), which makes it fail.
"""

import io
import json
import os
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from calendars.services import regenerate_feed_token
from courses import services as course_services
from courses.models import Meeting
from networks.models import NetworkMeeting
from networks.services.meetings import send_meeting_reminders
from schools.models import ContributionStatus, ThemeWeekContribution
from tests.courses.factories import CourseFactory
from tests.factories import UserFactory
from tests.networks.factories import MeetingFactory as NetworkMeetingFactory
from tests.networks.factories import MembershipFactory, NetworkFactory
from tests.schools.factories import ContributionFactory, SchoolCoordinatorFactory, ThemeWeekFactory

pytestmark = pytest.mark.django_db

TOOLS = Path(__file__).resolve().parent.parent / "tools"
SCRIPT = TOOLS / "ical-starts.mjs"
REQUIRED = os.environ.get("FRIVILLIGLOEFT_REQUIRE_ICALJS") == "1"
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def icaljs_command() -> tuple[list[str] | None, str]:
    node = shutil.which("node")
    if node is None:
        return None, "Node is not installed"
    if not (TOOLS / "node_modules" / "ical.js").is_dir():
        return None, "npm's ical.js is not installed (npm ci --prefix tests/tools)"
    return [node, str(SCRIPT)], ""


def dst_changes(year: int) -> list[datetime]:
    """The moments (UTC) Copenhagen's offset changes in `year`, read from the zone database."""
    changes = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    while moment.year == year:
        following = moment + timedelta(hours=1)
        if (
            moment.astimezone(COPENHAGEN).utcoffset()
            != following.astimezone(COPENHAGEN).utcoffset()
        ):
            changes.append(following)
        moment = following
    return changes


def evenings_around_changes(years) -> list[datetime]:
    """18:00 local time a week before and a week after each change: the same wall time, on
    both sides, so a parser that misses a transition is an hour off on one of them."""
    evenings = []
    for year in years:
        for change in dst_changes(year):
            for days in (-7, 7):
                day = (change + timedelta(days=days)).astimezone(COPENHAGEN).date()
                evenings.append(datetime.combine(day, datetime.min.time().replace(hour=18)))
    return [evening.replace(tzinfo=COPENHAGEN) for evening in evenings]


def starts_by_icalendar(data: bytes) -> dict[str, str]:
    return {
        str(event["UID"]): _iso(event.start) for event in Calendar.from_ical(data).walk("VEVENT")
    }


def starts_by_vobject(data: bytes, *, fresh: bool) -> dict[str, str]:
    # vobject keeps the first VTIMEZONE of a name it meets for every later calendar (a global
    # map). `fresh`: forget it, so the file is read with its own zone, as a new client would;
    # otherwise with the zone of whatever file came first, as a long-running client does.
    if fresh:
        vobject.icalendar.__dict__["__tzidMap"].pop("Europe/Copenhagen", None)
    parsed = vobject.readOne(io.StringIO(data.decode("utf-8")))
    return {event.uid.value: _iso(event.dtstart.value) for event in parsed.vevent_list}


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def expected_starts() -> dict[str, str]:
    """Every event's true start from the database, by the UID our calendars give it."""
    host = "testserver"
    expected = {}
    for kind, rows in (
        ("meeting", Meeting.objects.all()),
        ("network-meeting", NetworkMeeting.objects.all()),
        ("theme-week-contribution", ThemeWeekContribution.objects.all()),
    ):
        for row in rows:
            expected[f"{kind}-{row.pk}@{host}"] = _iso(row.starts_at)
    return expected


@pytest.fixture
def icaljs():
    command, reason = icaljs_command()
    if command is None:
        if REQUIRED:
            pytest.fail(f"FRIVILLIGLOEFT_REQUIRE_ICALJS=1 but {reason}")
        pytest.skip(reason)

    def read(files: dict[str, bytes], folder: Path) -> dict[str, dict[str, str]]:
        paths = {}
        for name, data in files.items():
            path = folder / name
            path.write_bytes(data)
            paths[str(path)] = name
        result = subprocess.run(  # noqa: S603 (our own script on our own files)
            [*command, *paths], capture_output=True, check=True, cwd=TOOLS, timeout=60
        )
        return {paths[path]: starts for path, starts in json.loads(result.stdout).items()}

    return read


def test_every_feed_and_attachment_reads_the_same_in_icalendar_vobject_and_icaljs(
    client, icaljs, tmp_path, django_capture_on_commit_callbacks
):
    this_year = timezone.localdate().year
    evenings = evenings_around_changes([this_year, this_year + 1, this_year + 2])
    now = timezone.now()
    coming = [evening for evening in evenings if evening > now]
    assert len(evenings) == 12

    person, organiser = UserFactory(), UserFactory()
    # A course with a meeting at every evening (its past meetings stay in the feeds while the
    # course runs), which the person signs up for and is reminded of.
    course = CourseFactory(
        meetings=[(evening, evening + timedelta(hours=2)) for evening in evenings],
        organisers=[organiser],
    )
    network = NetworkFactory()
    MembershipFactory(network=network, user=person)
    for evening in coming:
        NetworkMeetingFactory(
            network=network, starts_at=evening, ends_at=evening + timedelta(hours=2)
        )
    school_role = SchoolCoordinatorFactory(user=person)
    theme_week = ThemeWeekFactory(
        school=school_role.school, starts_on=evenings[0].date(), ends_on=evenings[-1].date()
    )
    for evening in coming:
        ContributionFactory(
            theme_week=theme_week,
            status=ContributionStatus.ACCEPTED,
            starts_at=evening,
            ends_at=evening + timedelta(hours=1),
        )
    token = regenerate_feed_token(person)

    files = {
        "courses.ics": client.get("/kalender/kurser.ics").content,
        "course.ics": client.get(f"/kurser/{course.slug}/kalender.ics").content,
        "network.ics": client.get(f"/netvaerk/{network.slug}/kalender.ics").content,
        "personal.ics": client.get(f"/kalender/{token}.ics").content,
        "theme-week.ics": client.get(f"/skoler/temauger/{theme_week.pk}/kalender.ics").content,
    }
    # Emails with calendars: the signup's invitation, the course reminder, a cancelled
    # meeting (CANCEL and the updated REQUEST) and every network meeting's reminder.
    with django_capture_on_commit_callbacks(execute=True):
        course_services.sign_up(course, person, now=evenings[0] - timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        course_services.send_course_reminders(now=course.starts_at - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        course_services.cancel_meeting(
            course.meetings.order_by("starts_at").last(), by=organiser, now=now
        )
    for meeting in NetworkMeeting.objects.order_by("starts_at"):
        with django_capture_on_commit_callbacks(execute=True):
            send_meeting_reminders(now=meeting.starts_at - timedelta(hours=1))
    for number, message in enumerate(mail.outbox):
        for index, (name, content, mimetype) in enumerate(message.attachments):
            if mimetype == "image/png":
                continue  # a confirmation's check-in QR code
            data = content if isinstance(content, bytes) else content.encode()
            files[f"mail-{number}-{index}-{name}"] = data
    assert len(files) == 5 + 1 + 1 + 2 + len(coming)

    expected = expected_starts()
    by_icaljs = icaljs(files, tmp_path)
    for name, data in files.items():
        in_icalendar = starts_by_icalendar(data)
        assert in_icalendar, name
        truth = {uid: expected[uid] for uid in in_icalendar}
        assert in_icalendar == truth, name
        # First with the zone the previous file left behind, then with its own.
        assert starts_by_vobject(data, fresh=False) == truth, name
        assert starts_by_vobject(data, fresh=True) == truth, name
        assert by_icaljs[name] == truth, name

    # Both sides of the changes of all three years are in the feeds that hold them.
    assert set(starts_by_icalendar(files["courses.ics"]).values()) == {
        _iso(evening) for evening in evenings
    }
    assert set(by_icaljs["personal.ics"].values()) >= {_iso(evening) for evening in coming}
    network_years = {
        date.fromisoformat(start[:10]).year for start in by_icaljs["network.ics"].values()
    }
    assert network_years >= {this_year + 1, this_year + 2}
