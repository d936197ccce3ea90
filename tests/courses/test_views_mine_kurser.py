"""Mine kurser, the dashboard panel and the main navigation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import (
    SignupStatus,
    WaitingListMode,
)
from courses.services.checkin import checkin_url
from tests.courses.factories import (
    CourseFactory,
    SignupFactory,
    waitlist,
)
from tests.courses.helpers import days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_mine_kurser_requires_login(client):
    response = client.get("/mine-sider/kurser/")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_mine_kurser_shows_offers_upcoming_waiting_and_past_with_attendance(client, volunteer):
    upcoming = CourseFactory(title="Kommende")
    SignupFactory(course=upcoming, user=volunteer)
    full = CourseFactory(title="Fuldt kursus", capacity=1)
    SignupFactory(course=full)
    waitlist(full, [UserFactory(), UserFactory(), volunteer])
    offered = CourseFactory(title="Tilbudt", waiting_list_mode=WaitingListMode.OFFER)
    SignupFactory(
        course=offered,
        user=volunteer,
        status=SignupStatus.OFFERED,
        offer_expires_at=timezone.now() + timedelta(hours=20),
    )
    past = CourseFactory(title="Overstået", meetings=2, meetings__first_day=days(-20))
    past_signup = SignupFactory(course=past, user=volunteer)
    first, second = past.meetings.order_by("starts_at")
    past_signup.attendance.create(meeting=first, present=True)
    past_signup.attendance.create(meeting=second, present=False)
    SignupFactory(course=CourseFactory(title="Andres kursus"))

    response = client.get("/mine-sider/kurser/")

    assert [s.course.title for s in response.context["offers"]] == ["Tilbudt"]
    assert [s.course.title for s in response.context["upcoming"]] == ["Kommende"]
    assert [(s.course.title, s.position) for s in response.context["waiting"]] == [
        ("Fuldt kursus", 3)
    ]
    assert [(s.course.title, s.attended, s.meetings_held) for s in response.context["past"]] == [
        ("Overstået", 1, 2)
    ]
    assert "Du er nr. 3 på ventelisten" in response.text
    assert "1 af 2 kursusgange" in response.text
    assert "Andres kursus" not in response.text


@pytest.mark.parametrize("count", [1, 30], ids=["1", "30"])
def test_mine_kurser_query_count_does_not_grow(client, volunteer, django_assert_num_queries, count):
    for i in range(count):
        # Check-in codes are stored with the confirmation email (one UPDATE, once).
        checkin_url(SignupFactory(course=CourseFactory(organisers=[volunteer]), user=volunteer))
        full = CourseFactory(capacity=1)
        SignupFactory(course=full)
        waitlist(full, [volunteer])
        past = CourseFactory(meetings=1, meetings__first_day=days(-5 - i))
        SignupFactory(course=past, user=volunteer).attendance.create(
            meeting=past.meetings.get(), present=True
        )

    # One of them finds the courses the person may still evaluate; the qualifications come
    # from the signups (one query for both since issue 17).
    with django_assert_num_queries(13):
        response = client.get("/mine-sider/kurser/")

    assert response.status_code == 200


def test_dashboard_panel_shows_the_next_course_and_offers(client, volunteer):
    course = CourseFactory(title="Næste kursus")
    SignupFactory(course=course, user=volunteer)
    offered = CourseFactory(title="Tilbudt kursus")
    SignupFactory(
        course=offered,
        user=volunteer,
        status=SignupStatus.OFFERED,
        offer_expires_at=timezone.now() + timedelta(hours=3),
    )

    response = client.get("/mine-sider/")

    assert "Dit næste kursus:" in response.text
    assert "Næste kursus" in response.text
    assert "Der er en ledig plads til dig på »Tilbudt kursus«" in response.text
    assert 'href="/mine-sider/kurser/"' in response.text


def test_main_navigation_has_kurser(client):
    response = client.get("/kurser/")

    assert '<a href="/kurser/" aria-current="page">Kurser</a>' in response.text
