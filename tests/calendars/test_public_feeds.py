from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from courses.models import CourseStatus, Meeting
from networks.models import MeetingStatus
from tests.calendars.conftest import parse_both
from tests.courses.factories import CourseFactory, TopicFactory
from tests.networks.factories import MeetingFactory as NetworkMeetingFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

COURSES_FEED = "/kalender/kurser.ics"


def summaries(calendar) -> list[str]:
    return [str(event["SUMMARY"]) for event in calendar.events]


def test_courses_feed_lists_the_meetings_of_published_coming_courses(client):
    course = CourseFactory(title="Ny i bestyrelsen", meetings=2)
    CourseFactory(title="Kladde", status=CourseStatus.DRAFT)
    ended = CourseFactory(title="Forbi", meetings=[])
    start = timezone.now() - timedelta(days=10)
    Meeting.objects.create(course=ended, starts_at=start, ends_at=start + timedelta(hours=2))
    ended.starts_at, ended.ends_at = start, start + timedelta(hours=2)
    ended.save()

    response = client.get(COURSES_FEED)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = parse_both(response.content)
    assert summaries(calendar) == [
        "Ny i bestyrelsen (kursusgang 1 af 2)",
        "Ny i bestyrelsen (kursusgang 2 af 2)",
    ]
    uids = {str(event["UID"]) for event in calendar.events}
    assert uids == {f"meeting-{m.pk}@testserver" for m in course.meetings.all()}
    assert str(calendar["X-WR-CALNAME"]) == "Frivilligløft-kurser"
    assert calendar["REFRESH-INTERVAL"].dt == timedelta(hours=3)
    assert b"X-PUBLISHED-TTL:PT3H" in response.content


def test_courses_feed_accepts_the_catalogue_filters(client):
    board = TopicFactory(slug="bestyrelsesarbejde", name="Bestyrelsesarbejde")
    CourseFactory(title="Regnskab for kasserere", topics=[board])
    CourseFactory(title="Førstehjælp")

    response = client.get(COURSES_FEED, {"topic": "bestyrelsesarbejde"})

    assert summaries(parse_both(response.content)) == ["Regnskab for kasserere"]


def test_courses_feed_answers_a_bad_filter_with_400(client):
    response = client.get(COURSES_FEED, {"topic": "findes-ikke", "date_from": "igår"})

    assert response.status_code == 400


def test_courses_feed_keeps_a_cancelled_course_for_30_days(client):
    now = timezone.now()
    recent = CourseFactory(
        title="Aflyst i sidste uge",
        status=CourseStatus.CANCELLED,
        cancelled_at=now - timedelta(days=5),
    )
    recent.meetings.update(cancelled_at=recent.cancelled_at, sequence=1)
    old = CourseFactory(
        title="Aflyst for længe siden",
        status=CourseStatus.CANCELLED,
        cancelled_at=now - timedelta(days=31),
    )
    old.meetings.update(cancelled_at=old.cancelled_at, sequence=1)

    calendar = parse_both(client.get(COURSES_FEED).content)

    (event,) = calendar.events
    assert str(event["SUMMARY"]) == "Aflyst i sidste uge"
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 1


def test_courses_feed_keeps_a_meeting_cancelled_on_its_own_for_30_days(client):
    course = CourseFactory(meetings=3)
    first, second, third = course.meetings.order_by("starts_at")
    Meeting.objects.filter(pk=first.pk).update(
        cancelled_at=timezone.now() - timedelta(days=40), sequence=1
    )
    Meeting.objects.filter(pk=second.pk).update(cancelled_at=timezone.now(), sequence=2)

    calendar = parse_both(client.get(COURSES_FEED).content)

    statuses = {str(e["UID"]): (str(e["STATUS"]), e["SEQUENCE"]) for e in calendar.events}
    assert statuses == {
        f"meeting-{second.pk}@testserver": ("CANCELLED", 2),
        f"meeting-{third.pk}@testserver": ("CONFIRMED", 0),
    }


def test_courses_feed_never_carries_the_online_link(client):
    CourseFactory(format="online", online_link="https://meet.example.org/hemmeligt-rum")

    response = client.get(COURSES_FEED)

    assert b"hemmeligt-rum" not in response.content


def test_courses_feed_in_english_under_en(client):
    CourseFactory(title="Ny i bestyrelsen", meetings=2)

    calendar = parse_both(client.get("/en" + COURSES_FEED).content)

    assert summaries(calendar)[0] == "Ny i bestyrelsen (meeting 1 of 2)"
    assert str(calendar["X-WR-CALNAME"]) == "Frivilligløft courses"


@pytest.mark.parametrize("count", [1, 4], ids=["one-course", "four-courses"])
def test_courses_feed_runs_a_constant_number_of_queries(client, django_assert_num_queries, count):
    topic = TopicFactory()
    for _ in range(count):
        CourseFactory(meetings=3, topics=[topic])

    # Courses, their meetings, their topics.
    with django_assert_num_queries(3):
        response = client.get(COURSES_FEED)

    assert len(parse_both(response.content).events) == 3 * count


def test_courses_feed_read_in_chunks_is_the_same_feed(
    client, monkeypatch, django_assert_num_queries
):
    from calendars import feeds

    topic = TopicFactory()
    for _ in range(5):
        CourseFactory(meetings=2, topics=[topic])
    whole = client.get(COURSES_FEED).content
    cache.clear()  # the bytes are kept by the events' fingerprint
    monkeypatch.setattr(feeds, "COURSE_CHUNK", 2)

    # The courses, then each chunk of two's meetings and topics.
    with django_assert_num_queries(1 + 3 * 2):
        chunked = client.get(COURSES_FEED).content

    assert chunked == whole
    assert len(parse_both(chunked).events) == 10


def test_courses_feed_answers_304_to_its_etag_and_last_modified(client):
    CourseFactory()
    first = client.get(COURSES_FEED)

    by_etag = client.get(COURSES_FEED, headers={"if-none-match": first["ETag"]})
    by_date = client.get(COURSES_FEED, headers={"if-modified-since": first["Last-Modified"]})
    changed = client.get(COURSES_FEED, headers={"if-none-match": '"something-else"'})

    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_date.status_code == 304
    assert changed.status_code == 200
    assert first["Cache-Control"] == "public, max-age=900"


def test_courses_feed_etag_changes_when_a_meeting_moves(client):
    course = CourseFactory()
    first = client.get(COURSES_FEED)
    meeting = course.meetings.get()
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at + timedelta(hours=1),
        ends_at=meeting.ends_at + timedelta(hours=1),
        sequence=1,
    )

    again = client.get(COURSES_FEED, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_meeting_across_the_end_of_dst_has_the_right_instants(client):
    # 25 October 2026, the last Sunday of October: 03:00 CEST becomes 02:00 CET.
    from zoneinfo import ZoneInfo

    copenhagen = ZoneInfo("Europe/Copenhagen")
    start = datetime(2026, 10, 25, 1, 30, tzinfo=copenhagen)
    end = datetime(2026, 10, 25, 3, 30, tzinfo=copenhagen)
    with _frozen_now(datetime(2026, 10, 1, tzinfo=UTC)):
        CourseFactory(title="Natløb", meetings=[(start, end)])
        response = client.get(COURSES_FEED)

    (event,) = parse_both(response.content).events
    assert event.start.astimezone(UTC) == datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    assert event.end.astimezone(UTC) == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)
    assert b"DTSTART;TZID=Europe/Copenhagen:20261025T013000" in response.content


def _frozen_now(moment):
    from unittest import mock

    return mock.patch("django.utils.timezone.now", return_value=moment)


# --- Network feeds ------------------------------------------------------------------------


def test_network_feed_lists_coming_meetings_without_place_or_online_link(client):
    network = NetworkFactory(name="Formandsnetværket", slug="formaend")
    meeting = NetworkMeetingFactory(
        network=network, title="Årsplan", online_link="https://meet.example.org/hemmeligt"
    )
    NetworkMeetingFactory(
        network=network,
        title="Sidste år",
        starts_at=timezone.now() - timedelta(days=60),
        ends_at=timezone.now() - timedelta(days=60) + timedelta(hours=2),
    )
    NetworkMeetingFactory(title="Andet netværk")

    response = client.get(reverse("calendars:network", kwargs={"slug": "formaend"}))

    assert response.status_code == 200
    calendar = parse_both(response.content)
    (event,) = calendar.events
    assert str(event["SUMMARY"]) == "Formandsnetværket: Årsplan"
    assert str(event["UID"]) == f"network-meeting-{meeting.pk}@testserver"
    assert "LOCATION" not in event
    assert b"Hemmelig All" not in response.content
    assert b"hemmeligt" not in response.content
    assert str(calendar["X-WR-CALNAME"]) == "Formandsnetværket"


def test_network_feed_keeps_cancelled_meetings_for_30_days(client):
    network = NetworkFactory()
    now = timezone.now()
    NetworkMeetingFactory(
        network=network,
        title="Aflyst nu",
        status=MeetingStatus.CANCELLED,
        cancelled_at=now,
        sequence=1,
    )
    NetworkMeetingFactory(
        network=network,
        title="Aflyst for længe siden",
        status=MeetingStatus.CANCELLED,
        cancelled_at=now - timedelta(days=31),
        sequence=1,
    )

    calendar = parse_both(client.get(f"/netvaerk/{network.slug}/kalender.ics").content)

    (event,) = calendar.events
    assert str(event["SUMMARY"]).endswith("Aflyst nu")
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 1


def test_network_feed_of_an_unknown_network_is_404(client):
    assert client.get("/netvaerk/findes-ikke/kalender.ics").status_code == 404


@pytest.mark.parametrize("count", [1, 5], ids=["one-meeting", "five-meetings"])
def test_network_feed_runs_a_constant_number_of_queries(client, django_assert_num_queries, count):
    network = NetworkFactory()
    NetworkMeetingFactory.create_batch(count, network=network)

    # The network, its meetings.
    with django_assert_num_queries(2):
        response = client.get(f"/netvaerk/{network.slug}/kalender.ics")

    assert len(parse_both(response.content).events) == count


def test_network_feed_answers_304(client):
    network = NetworkFactory()
    NetworkMeetingFactory(network=network)
    first = client.get(f"/netvaerk/{network.slug}/kalender.ics")

    again = client.get(
        f"/netvaerk/{network.slug}/kalender.ics", headers={"if-none-match": first["ETag"]}
    )

    assert again.status_code == 304


def test_single_course_calendar_parses_with_both_parsers_and_answers_304(client):
    course = CourseFactory(meetings=2)
    path = f"/kurser/{course.slug}/kalender.ics"
    first = client.get(path)

    again = client.get(path, headers={"if-none-match": first["ETag"]})

    assert len(parse_both(first.content).events) == 2
    assert again.status_code == 304
    assert again["Cache-Control"] == "private, no-cache"


def test_network_feed_folds_a_line_break_in_the_network_name(client):
    # Saved before names were validated (core.validators); the library refused the calendar
    # name and the feed answered 500.
    network = NetworkFactory(name="Formands-\r\nnetværket", slug="formaend")
    NetworkMeetingFactory(network=network, title="Års\nplan")

    response = client.get(reverse("calendars:network", kwargs={"slug": "formaend"}))

    assert response.status_code == 200
    calendar = parse_both(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Formands- netværket"
    assert summaries(calendar) == ["Formands- netværket: Års plan"]


def test_courses_feed_folds_line_breaks_in_titles_and_topics(client):
    CourseFactory(title="Ny i\nbestyrelsen", topics=[TopicFactory(name="Bestyrelses\narbejde")])

    response = client.get(COURSES_FEED)

    assert response.status_code == 200
    (event,) = parse_both(response.content).events
    assert str(event["SUMMARY"]) == "Ny i bestyrelsen"
    assert event.categories == ["Bestyrelses arbejde"]


@pytest.mark.indexes
def test_courses_feed_treats_a_quote_in_the_search_as_ordinary_input(client):
    # A lone quote reached SQLite's full-text parser: "unterminated string", a 500.
    CourseFactory(title="Ny i bestyrelsen")
    CourseFactory(title="Førstehjælp")

    response = client.get(COURSES_FEED, {"q": '"bestyrelsen'})

    assert response.status_code == 200
    assert summaries(parse_both(response.content)) == ["Ny i bestyrelsen"]
