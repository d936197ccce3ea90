"""The course page /kurser/<slug>/: what each person sees, and its calendar download."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import (
    CourseFormat,
    CourseStatus,
    SignupStatus,
)
from courses.services.checkin import checkin_url
from tests.courses.factories import (
    CourseFactory,
    SignupFactory,
    TopicFactory,
    local,
    waitlist,
)
from tests.courses.helpers import days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_course_page_shows_what_a_volunteer_needs_to_decide(client):
    course = CourseFactory(
        title="Ny i bestyrelsen",
        capacity=12,
        instructors="Birgitte Lind",
        meetings=[
            (local(days(7), 18), local(days(7), 21)),
            (local(days(14), 18), local(days(14), 21)),
        ],
        online_link="https://moede.example/hemmelig",
        format=CourseFormat.HYBRID,
    )
    SignupFactory.create_batch(3, course=course)

    response = client.get(f"/kurser/{course.slug}/")

    assert response.status_code == 200
    text = response.text
    assert "<h1>Ny i bestyrelsen</h1>" in text
    assert "9 ledige pladser" in text
    assert "18:00–21:00" in text
    assert "Birgitte Lind" in text
    assert "Gratis" in text
    assert "Tilføj til kalender" in text
    assert "Log ind for at tilmelde dig" in text
    # The online link is for confirmed participants only.
    assert "hemmelig" not in text


@pytest.mark.parametrize(
    ("arrange", "expected"),
    [
        ("confirmed", "Du er tilmeldt"),
        ("waiting", "Du er nr. 2 på ventelisten"),
        ("offered", "Der er en ledig plads til dig"),
        ("pending", "Din tilmelding venter på godkendelse"),
        ("closed", "Tilmeldingen er lukket"),
        ("full", "Skriv mig på ventelisten"),
        ("open", "Tilmeld mig"),
        ("cancelled", "Kurset er aflyst"),
    ],
)
def test_course_page_shows_one_clear_action_with_its_state(client, volunteer, arrange, expected):
    course = CourseFactory(capacity=1)
    if arrange == "confirmed":
        SignupFactory(course=course, user=volunteer)
    elif arrange == "waiting":
        SignupFactory(course=course)
        waitlist(course, [UserFactory(), volunteer])
    elif arrange == "offered":
        SignupFactory(
            course=course,
            user=volunteer,
            status=SignupStatus.OFFERED,
            offer_expires_at=timezone.now() + timedelta(hours=10),
        )
    elif arrange == "pending":
        SignupFactory(course=course, user=volunteer, status=SignupStatus.PENDING)
    elif arrange == "closed":
        course.signup_deadline = timezone.now() - timedelta(hours=1)
        course.save()
    elif arrange == "full":
        SignupFactory(course=course)
    elif arrange == "cancelled":
        course.status = CourseStatus.CANCELLED
        course.save()

    response = client.get(f"/kurser/{course.slug}/")

    assert response.status_code == 200
    assert expected in response.text


def test_confirmed_participant_sees_the_online_link_and_consenting_names(client, volunteer):
    course = CourseFactory(format=CourseFormat.ONLINE, online_link="https://moede.example/abc")
    SignupFactory(course=course, user=volunteer)
    SignupFactory(
        course=course, user=UserFactory(full_name="Synlig Person"), show_name_to_participants=True
    )
    SignupFactory(course=course, user=UserFactory(full_name="Skjult Person"))

    response = client.get(f"/kurser/{course.slug}/")

    assert "https://moede.example/abc" in response.text
    assert "Synlig Person" in response.text
    assert "Skjult Person" not in response.text


def test_waiting_person_does_not_see_participant_names(client, volunteer):
    course = CourseFactory(capacity=1)
    SignupFactory(
        course=course, user=UserFactory(full_name="Synlig Person"), show_name_to_participants=True
    )
    waitlist(course, [volunteer])

    response = client.get(f"/kurser/{course.slug}/")

    assert "Synlig Person" not in response.text


def test_draft_course_is_404_for_the_public_and_visible_to_its_organiser(client):
    organiser = UserFactory()
    course = CourseFactory(status=CourseStatus.DRAFT, organisers=[organiser])

    assert client.get(f"/kurser/{course.slug}/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(f"/kurser/{course.slug}/").status_code == 404
    client.force_login(organiser)
    assert client.get(f"/kurser/{course.slug}/").status_code == 200


@pytest.mark.parametrize("count", [1, 30], ids=["1", "30"])
def test_course_page_query_count_does_not_grow(client, django_assert_num_queries, count):
    user = UserFactory()
    topics = [TopicFactory(), TopicFactory()]
    course = CourseFactory(capacity=100, meetings=count, topics=topics)
    # Its check-in code was stored when the confirmation email was sent (one UPDATE once).
    checkin_url(SignupFactory(course=course, user=user))
    for _ in range(count):
        SignupFactory(course=course, show_name_to_participants=True)
        CourseFactory(topics=topics)
    client.force_login(user)

    # 16: the organiser links' permission check reads the person's permissions with their
    # roles in one query (courses.rules.course_access), not two.
    with django_assert_num_queries(16):
        response = client.get(f"/kurser/{course.slug}/")

    assert response.status_code == 200


def test_calendar_download_has_every_meeting_and_the_link_only_for_participants(client):
    course = CourseFactory(
        meetings=2, format=CourseFormat.ONLINE, online_link="https://moede.example/abc"
    )

    public = client.get(f"/kurser/{course.slug}/kalender.ics")
    participant = UserFactory()
    SignupFactory(course=course, user=participant)
    client.force_login(participant)
    private = client.get(f"/kurser/{course.slug}/kalender.ics")

    assert public.status_code == 200
    assert public["Content-Type"] == "text/calendar; charset=utf-8"
    assert public["Content-Disposition"] == f'attachment; filename="{course.slug}.ics"'
    assert public.content.count(b"BEGIN:VEVENT") == 2
    meeting = course.meetings.first()
    assert f"UID:meeting-{meeting.pk}@testserver".encode() in public.content
    assert b"moede.example/abc" not in public.content
    assert b"moede.example/abc" in private.content.replace(b"\r\n ", b"")


def test_calendar_download_of_a_course_with_a_line_break_in_its_title(client):
    # Saved before titles were validated (core.validators): the download answered 500.
    course = CourseFactory(title="Ny i\r\nbestyrelsen", venue_name="Rådhuset\nSal 2")

    response = client.get(f"/kurser/{course.slug}/kalender.ics")

    assert response.status_code == 200
    assert b"SUMMARY:Ny i bestyrelsen\r\n" in response.content
    assert "LOCATION:Rådhuset Sal 2\\, Holbækvej 141\\, 4400 Kalundborg".encode() in (
        response.content.replace(b"\r\n ", b"")
    )
