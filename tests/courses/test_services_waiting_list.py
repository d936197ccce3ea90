"""The signup rules in courses.services: cancelling, promotion from the waiting list and seat
offers.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses import services
from courses.models import (
    Signup,
    SignupEndReason,
    SignupStatus,
    WaitingListMode,
)
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_cancel_frees_the_seat_for_the_first_on_the_waiting_list(emails):
    course = CourseFactory(capacity=1)
    leaver = SignupFactory(course=course)
    # Queue numbers, not creation order, decide: the second created is first in line.
    late, early = UserFactory(), UserFactory()
    waitlist(course, [late], start=2)
    waitlist(course, [early], start=1)

    with emails() as outbox:
        services.cancel_signup(leaver, by=leaver.user)

    leaver.refresh_from_db()
    assert leaver.status == SignupStatus.CANCELLED
    assert leaver.end_reason == SignupEndReason.CANCELLED_BY_PARTICIPANT
    assert leaver.cancelled_by == leaver.user
    assert Signup.objects.get(user=early).status == SignupStatus.CONFIRMED
    assert Signup.objects.get(user=late).status == SignupStatus.WAITLISTED
    assert [m.to[0] for m in outbox] == [leaver.user.email, early.email]
    assert outbox[0].subject == f"Din tilmelding er afmeldt: {course.title}"
    assert "en plads er blevet ledig" in outbox[1].body
    assert outbox[1].attachments[0][0] == f"{course.slug}.ics"


def test_cancel_twice_changes_nothing_the_second_time(emails):
    signup = SignupFactory()
    services.cancel_signup(signup, by=signup.user)

    with emails() as outbox:
        again = services.cancel_signup(signup, by=signup.user)

    assert again.status == SignupStatus.CANCELLED
    assert outbox == []


def test_participant_cannot_cancel_after_the_cancellation_deadline():
    course = CourseFactory(cancellation_deadline=timezone.now() - timedelta(hours=1))
    signup = SignupFactory(course=course)

    with pytest.raises(services.CourseError, match="Afmeldingsfristen er overskredet"):
        services.cancel_signup(signup, by=signup.user)

    signup.refresh_from_db()
    assert signup.status == SignupStatus.CONFIRMED


def test_organiser_can_cancel_after_the_deadline_and_the_person_is_told(emails):
    organiser = UserFactory()
    course = CourseFactory(
        cancellation_deadline=timezone.now() - timedelta(hours=1), organisers=[organiser]
    )
    signup = SignupFactory(course=course)

    with emails() as outbox:
        services.cancel_signup(signup, by=organiser)

    signup.refresh_from_db()
    assert signup.status == SignupStatus.CANCELLED
    assert signup.end_reason == SignupEndReason.CANCELLED_BY_ORGANISER
    assert "Arrangørerne har afmeldt dig" in outbox[0].body


def test_another_volunteer_cannot_cancel_my_signup():
    signup = SignupFactory()

    with pytest.raises(services.CourseError, match="en andens tilmelding"):
        services.cancel_signup(signup, by=UserFactory())

    signup.refresh_from_db()
    assert signup.status == SignupStatus.CONFIRMED


def test_offer_mode_holds_the_seat_for_offer_hours(emails):
    course = CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER, offer_hours=24)
    leaver = SignupFactory(course=course)
    (waiting,) = waitlist(course, [UserFactory()])
    now = timezone.now()

    with emails() as outbox:
        services.cancel_signup(leaver, by=leaver.user, now=now)

    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.OFFERED
    assert waiting.offered_at == now
    assert waiting.offer_expires_at == now + timedelta(hours=24)
    assert outbox[1].subject == f"Der er en ledig plads til dig: {course.title}"
    assert "/mine-sider/kurser/" in outbox[1].body


def test_an_offer_never_runs_past_the_signup_deadline():
    now = timezone.now()
    deadline = now + timedelta(hours=5)
    course = CourseFactory(
        capacity=1,
        waiting_list_mode=WaitingListMode.OFFER,
        offer_hours=48,
        signup_deadline=deadline,
    )
    leaver = SignupFactory(course=course)
    (waiting,) = waitlist(course, [UserFactory()])

    services.cancel_signup(leaver, by=leaver.user, now=now)

    waiting.refresh_from_db()
    assert waiting.offer_expires_at == deadline


@pytest.mark.parametrize(
    "mode", [WaitingListMode.AUTOMATIC, WaitingListMode.OFFER], ids=["automatic", "offer"]
)
def test_nobody_is_promoted_after_the_signup_deadline(mode, emails):
    course = CourseFactory(
        capacity=1, waiting_list_mode=mode, signup_deadline=timezone.now() - timedelta(hours=1)
    )
    leaver = SignupFactory(course=course)
    (waiting,) = waitlist(course, [UserFactory()])

    with emails() as outbox:
        services.cancel_signup(leaver, by=leaver.user)

    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.WAITLISTED
    assert [m.to[0] for m in outbox] == [leaver.user.email]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_promote_waiting_list_refuses_to_run_outside_a_transaction():
    with pytest.raises(RuntimeError, match=r"transaction\.atomic"):
        services.promote_waiting_list(CourseFactory())


def test_leaving_the_waiting_list_moves_the_others_up(emails):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    first, second, third = waitlist(course, [UserFactory(), UserFactory(), UserFactory()])

    with emails() as outbox:
        services.leave_waiting_list(first, by=first.user)

    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert first.status == SignupStatus.CANCELLED
    assert first.end_reason == SignupEndReason.LEFT_WAITING_LIST
    assert [services.waiting_position(second), services.waiting_position(third)] == [1, 2]
    assert outbox[0].subject == f"Du er ikke længere på ventelisten: {course.title}"


def test_leaving_the_waiting_list_twice_is_the_same_as_once():
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    (waiting,) = waitlist(course, [UserFactory()])
    services.leave_waiting_list(waiting, by=waiting.user)

    again = services.leave_waiting_list(waiting, by=waiting.user)

    assert again.status == SignupStatus.CANCELLED


def test_leave_waiting_list_refuses_a_confirmed_signup():
    signup = SignupFactory()

    with pytest.raises(services.CourseError, match="ikke på ventelisten"):
        services.leave_waiting_list(signup, by=signup.user)


def _offered(course=None, **offer):
    course = course or CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER)
    now = timezone.now()
    return SignupFactory(
        course=course,
        status=SignupStatus.OFFERED,
        confirmed_at=None,
        queue_number=offer.pop("queue_number", 1),
        offered_at=now,
        offer_expires_at=offer.pop("expires", now + timedelta(hours=48)),
        **offer,
    )


def test_accepting_an_offer_confirms_the_seat(emails):
    offer = _offered()

    with emails() as outbox:
        signup = services.accept_offer(offer, by=offer.user)

    assert signup.status == SignupStatus.CONFIRMED
    assert "Tak, fordi du tog imod pladsen" in outbox[0].body
    assert outbox[0].attachments[0][0].endswith(".ics")


def test_accepting_twice_returns_the_confirmed_signup():
    offer = _offered()
    services.accept_offer(offer, by=offer.user)

    assert services.accept_offer(offer, by=offer.user).status == SignupStatus.CONFIRMED


def test_an_expired_offer_cannot_be_accepted_and_goes_to_the_next_person(emails):
    course = CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER)
    offer = _offered(course, expires=timezone.now() - timedelta(minutes=1))
    (next_person,) = waitlist(course, [UserFactory()], start=2)

    with emails() as outbox, pytest.raises(services.CourseError, match="udløb"):
        services.accept_offer(offer, by=offer.user)

    offer.refresh_from_db()
    next_person.refresh_from_db()
    assert (offer.status, offer.end_reason) == (
        SignupStatus.DECLINED,
        SignupEndReason.OFFER_EXPIRED,
    )
    assert next_person.status == SignupStatus.OFFERED
    assert [m.to[0] for m in outbox] == [offer.user.email, next_person.user.email]


def test_someone_else_cannot_accept_my_offer():
    offer = _offered()

    with pytest.raises(services.CourseError, match="til en anden"):
        services.accept_offer(offer, by=UserFactory())


def test_declining_an_offer_passes_it_on():
    course = CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER)
    offer = _offered(course)
    (next_person,) = waitlist(course, [UserFactory()], start=2)

    services.decline_offer(offer, by=offer.user)

    offer.refresh_from_db()
    next_person.refresh_from_db()
    assert (offer.status, offer.end_reason) == (
        SignupStatus.DECLINED,
        SignupEndReason.OFFER_DECLINED,
    )
    assert next_person.status == SignupStatus.OFFERED


def test_expire_offers_passes_expired_offers_on_and_is_idempotent(emails):
    course = CourseFactory(capacity=2, waiting_list_mode=WaitingListMode.OFFER)
    SignupFactory(course=course)
    expired = _offered(course, expires=timezone.now() - timedelta(seconds=1))
    (next_person,) = waitlist(course, [UserFactory()], start=2)
    fresh_course = CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER)
    fresh = _offered(fresh_course)

    with emails() as outbox:
        first_run = services.expire_offers()
        second_run = services.expire_offers()

    expired.refresh_from_db()
    next_person.refresh_from_db()
    fresh.refresh_from_db()
    assert (first_run, second_run) == (1, 0)
    assert expired.status == SignupStatus.DECLINED
    assert next_person.status == SignupStatus.OFFERED
    assert fresh.status == SignupStatus.OFFERED
    assert [m.subject for m in outbox] == [
        f"Tilbuddet om en plads er udløbet: {course.title}",
        f"Der er en ledig plads til dig: {course.title}",
    ]
