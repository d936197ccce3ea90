"""Safe self-service: "Afmeld mig" asks first, can be undone for a few minutes while the seat
is free, and special needs go when a signup ends (issue 20)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from courses import services
from courses.models import Signup, SignupEndReason, SignupStatus
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_cancel_asks_first_and_says_the_seat_becomes_free(client, volunteer):
    course = CourseFactory(capacity=5)
    SignupFactory(course=course, user=volunteer, needs="Nøddeallergi")

    response = client.get(f"/kurser/{course.slug}/afmeld/")

    assert response.status_code == 200
    assert "Vil du afmelde dig?" in response.text
    assert "Din plads bliver ledig, så andre kan tilmelde sig." in response.text
    assert "kan du fortryde afmeldingen på kursussiden" in response.text
    assert "Det, du skrev under særlige hensyn, bliver slettet." in response.text
    assert Signup.objects.get(user=volunteer).status == SignupStatus.CONFIRMED


def test_cancel_page_says_the_waiting_list_gets_the_seat(client, volunteer):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course, user=volunteer)
    waitlist(course, [UserFactory(), UserFactory()])

    response = client.get(f"/kurser/{course.slug}/afmeld/")

    assert "Din plads går straks til den næste på ventelisten (2 personer venter)." in response.text
    assert "fortryde" not in response.text


def test_course_page_cancel_button_goes_to_the_question_not_straight_to_cancelling(
    client, volunteer
):
    course = CourseFactory()
    SignupFactory(course=course, user=volunteer)

    response = client.get(course.get_absolute_url())

    assert f'<form method="get" action="/kurser/{course.slug}/afmeld/">' in response.text


def test_cancel_then_undo_gives_the_seat_back_with_a_new_confirmation(
    client, volunteer, django_capture_on_commit_callbacks
):
    course = CourseFactory(capacity=5)
    SignupFactory(course=course, user=volunteer, needs="Kørestol")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/kurser/{course.slug}/afmeld/")
    cancelled = Signup.objects.get(user=volunteer)
    assert (cancelled.status, cancelled.needs) == (SignupStatus.CANCELLED, "")
    page = client.get(course.get_absolute_url())
    assert "Fortryd afmeldingen" in page.text
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/kurser/{course.slug}/fortryd-afmelding/", follow=True)

    restored = Signup.objects.get(user=volunteer, status=SignupStatus.CONFIRMED)
    assert restored.pk != cancelled.pk
    assert "Pladsen er din igen" in response.text
    assert [message.to for message in mail.outbox] == [[volunteer.email]]
    assert "Du har fortrudt din afmelding" in mail.outbox[0].body
    assert "Fortryd afmeldingen" not in client.get(course.get_absolute_url()).text


def test_undo_is_refused_when_the_waiting_list_got_the_seat(client, volunteer):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course, user=volunteer)
    (next_person,) = waitlist(course, [UserFactory()])
    client.post(f"/kurser/{course.slug}/afmeld/")
    next_person.refresh_from_db()
    assert next_person.status == SignupStatus.CONFIRMED

    response = client.post(f"/kurser/{course.slug}/fortryd-afmelding/", follow=True)

    assert "Din plads er allerede gået til en anden" in response.text
    assert not Signup.objects.filter(user=volunteer, status__in=["confirmed", "waitlisted"])


def test_undo_is_refused_when_someone_signed_up_for_the_free_seat(client, volunteer):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course, user=volunteer)
    client.post(f"/kurser/{course.slug}/afmeld/")
    services.sign_up(course, UserFactory())

    response = client.post(f"/kurser/{course.slug}/fortryd-afmelding/", follow=True)

    assert "Din plads er allerede gået til en anden" in response.text


def test_undo_after_the_window_is_refused():
    course = CourseFactory(capacity=5)
    user = UserFactory()
    signup = SignupFactory(course=course, user=user)
    then = timezone.now()
    services.cancel_signup(signup, by=user, now=then)

    assert services.undoable_cancellation(course, user, now=then + timedelta(minutes=9))
    assert services.undoable_cancellation(course, user, now=then + timedelta(minutes=11)) is None
    with pytest.raises(services.CourseError, match="for sent"):
        services.undo_cancellation(signup, by=user, now=then + timedelta(minutes=11))


def test_undo_of_leaving_the_waiting_list_gives_the_same_place_back():
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    _first, me, last = waitlist(course, [UserFactory(), UserFactory(), UserFactory()])
    services.leave_waiting_list(me, by=me.user)

    restored = services.undo_cancellation(me, by=me.user)

    assert restored.status == SignupStatus.WAITLISTED
    assert services.waiting_position(restored) == 2
    assert services.waiting_position(Signup.objects.get(pk=last.pk)) == 3


def test_organiser_removal_cannot_be_undone_by_the_participant():
    course = CourseFactory(capacity=5)
    organiser = UserFactory()
    course.organisers.add(organiser)
    course.save()  # a ParentalManyToManyField is written by save()
    signup = SignupFactory(course=course)
    services.cancel_signup(signup, by=organiser)

    assert services.undoable_cancellation(course, signup.user) is None
    with pytest.raises(services.CourseError):
        services.undo_cancellation(signup, by=signup.user)


def test_someone_else_cannot_undo_my_cancellation():
    course = CourseFactory(capacity=5)
    signup = SignupFactory(course=course)
    services.cancel_signup(signup, by=signup.user)

    with pytest.raises(services.CourseError):
        services.undo_cancellation(signup, by=UserFactory())


@pytest.mark.parametrize(
    "end",
    ["participant", "organiser", "declined_offer"],
)
def test_special_needs_are_erased_when_a_signup_ends(end):
    course = CourseFactory(capacity=5)
    organiser = UserFactory()
    course.organisers.add(organiser)
    course.save()  # a ParentalManyToManyField is written by save()
    signup = SignupFactory(course=course, needs="Diabetes, har brug for pauser")
    if end == "participant":
        services.cancel_signup(signup, by=signup.user)
    elif end == "organiser":
        services.cancel_signup(signup, by=organiser)
    else:
        Signup.objects.filter(pk=signup.pk).update(
            status=SignupStatus.OFFERED, offer_expires_at=timezone.now() + timedelta(hours=4)
        )
        services.decline_offer(Signup.objects.get(pk=signup.pk), by=signup.user)

    signup.refresh_from_db()
    assert signup.needs == ""
    assert signup.end_reason in {
        SignupEndReason.CANCELLED_BY_PARTICIPANT,
        SignupEndReason.CANCELLED_BY_ORGANISER,
        SignupEndReason.OFFER_DECLINED,
    }


def test_special_needs_of_ended_courses_are_erased_by_the_nightly_command():
    past = CourseFactory(meetings=1, meetings__first_day=timezone.localdate() - timedelta(days=9))
    coming = CourseFactory()
    old = SignupFactory(course=past, needs="Gangbesvær")
    current = SignupFactory(course=coming, needs="Vegetar")

    call_command("erase_course_needs", verbosity=0)

    old.refresh_from_db()
    current.refresh_from_db()
    assert (old.needs, current.needs) == ("", "Vegetar")
