"""Signing up, cancelling, the waiting list and offers through the course pages."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from courses.models import (
    Signup,
    SignupStatus,
    WaitingListMode,
)
from tests.courses.factories import (
    CourseFactory,
    SignupFactory,
    waitlist,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_signup_post_confirms_and_emails(client, volunteer, django_capture_on_commit_callbacks):
    course = CourseFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/kurser/{course.slug}/tilmeld/",
            {
                "association": "Høng Gymnastikforening",
                "needs": "",
                "show_name_to_participants": "on",
            },
        )

    assert response.status_code == 302
    assert response["Location"] == f"/kurser/{course.slug}/"
    signup = Signup.objects.get(course=course, user=volunteer)
    assert signup.status == SignupStatus.CONFIRMED
    assert signup.show_name_to_participants is True
    assert mail.outbox[0].to == [volunteer.email]
    followed = client.get(response["Location"])
    assert "Du er tilmeldt. Vi har sendt dig en bekræftelse på e-mail." in followed.text


def test_signup_twice_creates_one_signup(client, volunteer):
    course = CourseFactory()

    first = client.post(f"/kurser/{course.slug}/tilmeld/", {})
    second = client.post(f"/kurser/{course.slug}/tilmeld/", {})

    assert (first.status_code, second.status_code) == (302, 302)
    assert Signup.objects.filter(course=course, user=volunteer).count() == 1


def test_signup_when_full_joins_the_waiting_list_with_the_position(client, volunteer):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)

    response = client.post(f"/kurser/{course.slug}/tilmeld/", {}, follow=True)

    assert "du står på ventelisten som nr. 1" in response.text
    assert "Du er nr. 1 på ventelisten" in response.text


def test_anonymous_signup_goes_to_login_and_back(client):
    course = CourseFactory()

    response = client.post(f"/kurser/{course.slug}/tilmeld/", {})

    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next=%2Fkurser%2F{course.slug}%2F"
    assert Signup.objects.count() == 0


def test_signup_by_get_changes_nothing(client, volunteer):
    course = CourseFactory()

    response = client.get(f"/kurser/{course.slug}/tilmeld/")

    assert response.status_code == 302
    assert Signup.objects.count() == 0


@pytest.mark.parametrize(
    ("prefix", "message"),
    [("", "Denne værdi må højst have 1000 tegn"), ("/en", "at most 1000 characters")],
    ids=["da", "en"],
)
def test_signup_with_bad_input_is_a_400_in_the_users_language(client, volunteer, prefix, message):
    course = CourseFactory()

    response = client.post(f"{prefix}/kurser/{course.slug}/tilmeld/", {"needs": "x" * 1001})

    assert response.status_code == 400
    assert message in response.text
    assert Signup.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"signup_deadline": timedelta(hours=-1)}, "Tilmeldingen til kurset er lukket."),
        ({"capacity": 0}, "Kurset er fuldt."),
    ],
    ids=["closed", "full-without-waiting-list"],
)
def test_refused_signup_is_a_409_with_the_reason(client, volunteer, changes, message):
    course = CourseFactory(capacity=1, waiting_list_enabled=False)
    if "signup_deadline" in changes:
        course.signup_deadline = timezone.now() + changes["signup_deadline"]
        course.save()
    else:
        SignupFactory(course=course)

    response = client.post(f"/kurser/{course.slug}/tilmeld/", {})

    assert response.status_code == 409
    assert message in response.text


@pytest.mark.parametrize(
    "path",
    ["tilmeld/", "afmeld/", "tilbud/accepter/", "tilbud/afslaa/", "min-tilmelding/"],
)
def test_every_state_change_needs_the_csrf_token(path):
    user = UserFactory()
    course = CourseFactory()
    SignupFactory(course=course, user=user, status=SignupStatus.OFFERED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    response = client.post(f"/kurser/{course.slug}/{path}", {})

    assert response.status_code == 403
    assert Signup.objects.get(user=user).status == SignupStatus.OFFERED


def test_cancel_my_signup_promotes_the_next_person(
    client, volunteer, django_capture_on_commit_callbacks
):
    course = CourseFactory(capacity=1)
    mine = SignupFactory(course=course, user=volunteer)
    (next_person,) = waitlist(course, [UserFactory()])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/kurser/{course.slug}/afmeld/", follow=True)

    mine.refresh_from_db()
    next_person.refresh_from_db()
    assert mine.status == SignupStatus.CANCELLED
    assert next_person.status == SignupStatus.CONFIRMED
    assert "Du er afmeldt." in response.text
    assert {m.to[0] for m in mail.outbox} == {volunteer.email, next_person.user.email}


def test_cancel_after_the_deadline_explains_why(client, volunteer):
    course = CourseFactory(cancellation_deadline=timezone.now() - timedelta(hours=1))
    SignupFactory(course=course, user=volunteer)

    response = client.post(f"/kurser/{course.slug}/afmeld/", follow=True)

    assert "Afmeldingsfristen er overskredet" in response.text
    assert Signup.objects.get(user=volunteer).status == SignupStatus.CONFIRMED


def test_leave_the_waiting_list_from_mine_kurser(client, volunteer):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    waitlist(course, [volunteer])

    response = client.post(f"/kurser/{course.slug}/afmeld/", {"next": "mine"})

    assert response["Location"] == "/mine-sider/kurser/"
    assert Signup.objects.get(user=volunteer).end_reason == "left_waiting_list"


def test_accept_and_decline_an_offer(client, volunteer):
    course = CourseFactory(capacity=2, waiting_list_mode=WaitingListMode.OFFER)
    other_course = CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER)
    offer = {
        "status": SignupStatus.OFFERED,
        "offer_expires_at": timezone.now() + timedelta(hours=5),
    }
    SignupFactory(course=course, user=volunteer, **offer)
    SignupFactory(course=other_course, user=volunteer, **offer)

    accepted = client.post(f"/kurser/{course.slug}/tilbud/accepter/", follow=True)
    declined = client.post(f"/kurser/{other_course.slug}/tilbud/afslaa/", follow=True)

    assert Signup.objects.get(course=course, user=volunteer).status == SignupStatus.CONFIRMED
    assert Signup.objects.get(course=other_course, user=volunteer).status == SignupStatus.DECLINED
    assert "Pladsen er din" in accepted.text
    assert "Du har sagt nej tak til pladsen" in declined.text


def test_expired_offer_cannot_be_accepted(client, volunteer):
    course = CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER)
    SignupFactory(
        course=course,
        user=volunteer,
        status=SignupStatus.OFFERED,
        offer_expires_at=timezone.now() - timedelta(minutes=5),
    )

    response = client.post(f"/kurser/{course.slug}/tilbud/accepter/", follow=True)

    assert "tilbuddet udløb" in response.text
    assert Signup.objects.get(user=volunteer).status == SignupStatus.DECLINED


@pytest.mark.parametrize(
    "path", ["afmeld/", "tilbud/accepter/", "tilbud/afslaa/", "min-tilmelding/"]
)
def test_a_volunteer_can_never_touch_anothers_signup(client, volunteer, path):
    course = CourseFactory()
    someone = SignupFactory(course=course, status=SignupStatus.OFFERED)

    method = client.get if path == "min-tilmelding/" else client.post
    response = method(f"/kurser/{course.slug}/{path}")

    if path == "afmeld/":
        # Cancelling answers as for anyone without a signup of their own (test_cancel_twice.py).
        assert (response.status_code, response["Location"]) == (302, f"/kurser/{course.slug}/")
    else:
        assert response.status_code == 404
    someone.refresh_from_db()
    assert someone.status == SignupStatus.OFFERED


def test_edit_my_signup_details_and_consent(client, volunteer):
    course = CourseFactory()
    signup = SignupFactory(course=course, user=volunteer)

    page = client.get(f"/kurser/{course.slug}/min-tilmelding/")
    response = client.post(
        f"/kurser/{course.slug}/min-tilmelding/",
        {"association": "Roklubben", "needs": "Vegetar", "show_name_to_participants": "on"},
    )

    assert page.status_code == 200
    assert response.status_code == 302
    signup.refresh_from_db()
    assert (signup.association, signup.needs, signup.show_name_to_participants) == (
        "Roklubben",
        "Vegetar",
        True,
    )
