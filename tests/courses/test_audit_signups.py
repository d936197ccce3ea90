"""Every change to a signup is logged on its course's history (core.audit, issue 19): one
entry per change, by whoever made it (the person, an organiser, or the site for automatic
promotion and expiry), only ids and states in its data, none when the change is refused."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses import services
from courses.models import SignupEndReason, SignupStatus, WaitingListMode
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

A = "frivilligloeft.courses."


def _log(course):
    """(action without prefix, user id, data) of the course's entries, oldest first."""
    entries = ModelLogEntry.objects.for_instance(course).order_by("pk")
    return [(e.action.removeprefix(A), e.user_id, e.data) for e in entries]


def _about(signup, status=None, **extra):
    return {
        "signup": signup.pk,
        "user": signup.user_id,
        "status": status or signup.status,
        **extra,
    }


def _offered(course, expires=None, queue_number=1):
    now = timezone.now()
    return SignupFactory(
        course=course,
        status=SignupStatus.OFFERED,
        confirmed_at=None,
        queue_number=queue_number,
        offered_at=now,
        offer_expires_at=expires or now + timedelta(hours=48),
    )


@pytest.mark.parametrize(
    ("course_kwargs", "full", "status"),
    [
        ({}, False, SignupStatus.CONFIRMED),
        ({"capacity": 1}, True, SignupStatus.WAITLISTED),
        ({"requires_approval": True}, False, SignupStatus.PENDING),
    ],
    ids=["seat", "waiting-list", "approval"],
)
def test_signing_up_is_one_entry_by_the_person(course_kwargs, full, status):
    course = CourseFactory(**course_kwargs)
    if full:
        SignupFactory(course=course)
    person = UserFactory()

    signup = services.sign_up(course, person, needs="Diabetes, insulin kl. 18")
    services.sign_up(course, person)  # a repeated POST changes nothing and logs nothing

    assert _log(course) == [("signed_up", person.pk, _about(signup, status))]


def test_a_refused_signup_writes_no_entry():
    course = CourseFactory(capacity=1, waiting_list_enabled=False)
    SignupFactory(course=course)

    with pytest.raises(services.CourseError):
        services.sign_up(course, UserFactory())

    assert _log(course) == []


def test_changed_details_are_logged_without_the_details():
    signup = SignupFactory(needs="Kørestol")
    services.update_signup_details(
        signup,
        by=signup.user,
        association="Høng IF",
        needs="Allergi over for nødder",
        show_name_to_participants=True,
    )
    with pytest.raises(services.CourseError):
        services.update_signup_details(
            signup, by=UserFactory(), association="", needs="", show_name_to_participants=False
        )

    (entry,) = _log(signup.course)
    assert entry == ("signup_details_changed", signup.user_id, _about(signup))
    assert "nødder" not in json.dumps(entry[2], ensure_ascii=False)


def test_cancelling_a_seat_logs_the_cancellation_and_the_promotion_by_the_site():
    course = CourseFactory(capacity=1)
    leaver = SignupFactory(course=course, needs="Epilepsi")
    (next_person,) = waitlist(course, [UserFactory()])

    services.cancel_signup(leaver, by=leaver.user)

    assert _log(course) == [
        (
            "signup_cancelled",
            leaver.user_id,
            _about(leaver, SignupStatus.CANCELLED, reason=SignupEndReason.CANCELLED_BY_PARTICIPANT),
        ),
        (
            "waiting_list_promoted",
            None,
            {"signups": [next_person.pk], "count": 1, "status": SignupStatus.CONFIRMED},
        ),
    ]


def test_an_organiser_cancelling_is_logged_as_the_organiser_and_a_refusal_as_nothing():
    organiser = UserFactory()
    course = CourseFactory(organisers=[organiser])
    signup = SignupFactory(course=course)

    with pytest.raises(services.CourseError):
        services.cancel_signup(signup, by=UserFactory())
    services.cancel_signup(signup, by=organiser)
    services.cancel_signup(signup, by=organiser)  # already cancelled: nothing more

    assert _log(course) == [
        (
            "signup_cancelled",
            organiser.pk,
            _about(signup, SignupStatus.CANCELLED, reason=SignupEndReason.CANCELLED_BY_ORGANISER),
        )
    ]


def test_leaving_the_waiting_list_is_one_entry():
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    (me,) = waitlist(course, [UserFactory()])

    services.leave_waiting_list(me, by=me.user)

    assert _log(course) == [
        (
            "signup_cancelled",
            me.user_id,
            _about(me, SignupStatus.CANCELLED, reason=SignupEndReason.LEFT_WAITING_LIST),
        )
    ]


def test_undoing_a_cancellation_is_logged_on_the_restored_signup():
    course = CourseFactory()
    signup = SignupFactory(course=course)
    services.cancel_signup(signup, by=signup.user)

    restored = services.undo_cancellation(signup, by=signup.user)

    assert _log(course)[1:] == [
        (
            "cancellation_undone",
            signup.user_id,
            _about(restored, SignupStatus.CONFIRMED, cancelled=signup.pk),
        )
    ]


def test_an_undo_too_late_writes_no_entry():
    course = CourseFactory()
    signup = SignupFactory(course=course)
    then = timezone.now()
    services.cancel_signup(signup, by=signup.user, now=then)

    with pytest.raises(services.CourseError):
        services.undo_cancellation(signup, by=signup.user, now=then + timedelta(minutes=11))

    assert [action for action, _user, _data in _log(course)] == ["signup_cancelled"]


def test_the_organisers_decisions_are_logged_as_the_organiser():
    organiser = UserFactory()
    course = CourseFactory(requires_approval=True, organisers=[organiser])
    approved = SignupFactory(course=course, status=SignupStatus.PENDING, confirmed_at=None)
    declined = SignupFactory(course=course, status=SignupStatus.PENDING, confirmed_at=None)
    person = UserFactory()

    with pytest.raises(services.CourseError):
        services.approve_signup(approved, by=UserFactory())
    services.approve_signup(approved, by=organiser)
    services.decline_signup(declined, by=organiser, message="Kurset kræver førstehjælpsbevis")
    added = services.add_participant(course, person, by=organiser)

    assert _log(course) == [
        ("signup_approved", organiser.pk, _about(approved, SignupStatus.CONFIRMED)),
        (
            "signup_declined",
            organiser.pk,
            _about(declined, SignupStatus.DECLINED, reason=SignupEndReason.NOT_APPROVED),
        ),
        ("participant_added", organiser.pk, _about(added, SignupStatus.CONFIRMED)),
    ]


def test_giving_a_seat_and_more_seats_are_logged():
    organiser, admin = UserFactory(), UserFactory(is_superuser=True)
    course = CourseFactory(capacity=1, organisers=[organiser])
    SignupFactory(course=course)
    first, second = waitlist(course, [UserFactory(), UserFactory()])

    with pytest.raises(services.CourseError):
        services.give_seat(second, by=organiser)  # no free seat yet
    services.change_capacity(course, 2, by=admin)
    services.change_capacity(course, None, by=admin)

    assert _log(course) == [
        ("capacity_changed", admin.pk, {"from": 1, "to": 2}),
        (
            "waiting_list_promoted",
            None,
            {"signups": [first.pk], "count": 1, "status": SignupStatus.CONFIRMED},
        ),
        ("capacity_changed", admin.pk, {"from": 2, "to": None}),
        (
            "waiting_list_promoted",
            None,
            {"signups": [second.pk], "count": 1, "status": SignupStatus.CONFIRMED},
        ),
    ]


def test_give_seat_is_logged_as_the_organiser():
    organiser = UserFactory()
    course = CourseFactory(capacity=2, organisers=[organiser])
    SignupFactory(course=course)
    # Queued behind someone else, and still given the free seat by hand.
    waitlist(course, [UserFactory()])
    (second,) = waitlist(course, [UserFactory()], start=2)
    course.signups.filter(queue_number=1).update(status=SignupStatus.CANCELLED)

    services.give_seat(second, by=organiser)

    assert _log(course) == [("seat_given", organiser.pk, _about(second, SignupStatus.CONFIRMED))]


def test_offers_accepted_and_declined_are_logged_by_the_person_on_the_course():
    course = CourseFactory(capacity=2, waiting_list_mode=WaitingListMode.OFFER)
    accepted, declined = _offered(course), _offered(course, queue_number=2)

    with pytest.raises(services.CourseError):
        services.accept_offer(declined, by=accepted.user)
    services.accept_offer(accepted, by=accepted.user)
    services.decline_offer(declined, by=declined.user)

    assert _log(course) == [
        ("offer_accepted", accepted.user_id, _about(accepted, SignupStatus.CONFIRMED)),
        (
            "offer_declined",
            declined.user_id,
            _about(declined, SignupStatus.DECLINED, reason=SignupEndReason.OFFER_DECLINED),
        ),
    ]


def test_expired_offers_are_one_entry_per_course_by_the_site():
    course = CourseFactory(capacity=2, waiting_list_mode=WaitingListMode.OFFER)
    past = timezone.now() - timedelta(minutes=1)
    one, two = _offered(course, expires=past), _offered(course, expires=past, queue_number=2)
    (next_person,) = waitlist(course, [UserFactory()], start=3)

    assert services.expire_offers() == 2
    services.expire_offers()

    assert _log(course) == [
        ("offers_expired", None, {"signups": [one.pk, two.pk], "count": 2}),
        (
            "waiting_list_promoted",
            None,
            {"signups": [next_person.pk], "count": 1, "status": SignupStatus.OFFERED},
        ),
    ]


def test_accepting_an_expired_offer_logs_the_expiry_by_the_site():
    course = CourseFactory(capacity=1, waiting_list_mode=WaitingListMode.OFFER)
    offer = _offered(course, expires=timezone.now() - timedelta(minutes=1))

    with pytest.raises(services.CourseError):
        services.accept_offer(offer, by=offer.user)

    assert _log(course) == [("offers_expired", None, {"signups": [offer.pk], "count": 1})]


def test_a_deleted_account_gives_up_its_seats_in_its_own_name():
    course = CourseFactory()
    signup = SignupFactory(course=course)

    services.withdraw_deleted_account(signup.user)

    assert _log(course) == [
        (
            "signup_cancelled",
            signup.user_id,
            _about(signup, SignupStatus.CANCELLED, reason=SignupEndReason.CANCELLED_BY_PARTICIPANT),
        )
    ]


def test_the_course_history_in_the_admin_tells_it_in_danish(client):
    organiser = UserFactory(full_name="Bente Arrangør")
    course = CourseFactory(capacity=1, organisers=[organiser])
    seat = services.sign_up(course, UserFactory())
    waiting = services.sign_up(course, UserFactory())
    services.cancel_signup(seat, by=organiser)
    services.change_capacity(course, None, by=UserFactory(is_superuser=True))
    services.cancel_signup(waiting, by=waiting.user)

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(
        reverse("wagtailsnippets_courses_course:history", args=[course.pk]),
        headers={"accept-language": "da"},
    )

    assert response.status_code == 200
    text = response.content.decode()
    for message in (
        "Tilmeldt: Bekræftet",
        "Tilmeldt: På venteliste",
        "Tilmelding afmeldt: Afmeldt af en arrangør",
        "1 person rykket op fra ventelisten: Bekræftet",
        "Antal pladser ændret fra 1 til ingen grænse",
        "Bente Arrangør",
    ):
        assert message in text


def test_the_course_history_counts_expired_offers_and_promotions_in_words(client):
    course = CourseFactory(capacity=2, waiting_list_mode=WaitingListMode.OFFER)
    past = timezone.now() - timedelta(minutes=1)
    _offered(course, expires=past)
    _offered(course, expires=past, queue_number=2)
    waitlist(course, [UserFactory(), UserFactory()], start=3)
    services.expire_offers()

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(
        reverse("wagtailsnippets_courses_course:history", args=[course.pk]),
        headers={"accept-language": "da"},
    )

    text = response.content.decode()
    assert "2 pladstilbud blev ikke taget imod i tide" in text
    assert "2 personer rykket op fra ventelisten: Plads tilbudt" in text
