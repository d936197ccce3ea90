"""The signup rules in courses.services: signing up, approval, capacity, deadlines and account
deletion.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses import services
from courses.models import (
    Course,
    CourseStatus,
    Signup,
    SignupEndReason,
    SignupStatus,
)
from tests.calendars.conftest import invitations
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_sign_up_confirms_when_a_seat_is_free_and_emails_a_calendar(user, emails):
    course = CourseFactory(capacity=2)

    with emails() as outbox:
        signup = services.sign_up(course, user, association="Kalundborg Roklub", needs="Kørestol")

    assert signup.status == SignupStatus.CONFIRMED
    assert signup.confirmed_at is not None
    assert (signup.association, signup.needs) == ("Kalundborg Roklub", "Kørestol")
    assert signup.show_name_to_participants is False
    assert len(outbox) == 1
    assert outbox[0].to == [user.email]
    assert outbox[0].subject == f"Du har en plads: {course.title}"
    (filename, content, mimetype) = outbox[0].attachments[0]
    assert filename == f"{course.slug}.ics"
    assert mimetype == "text/calendar; charset=utf-8; method=REQUEST"
    assert "BEGIN:VEVENT" in (content if isinstance(content, str) else content.decode())


def test_sign_up_email_is_in_the_participants_language(emails):
    english = UserFactory(preferred_language="en")
    course = CourseFactory()

    with emails() as outbox:
        services.sign_up(course, english)

    assert outbox[0].subject == f"You have a seat: {course.title}"
    assert "Thank you for signing up" in outbox[0].body


def test_sign_up_puts_people_on_the_waiting_list_in_order_when_full(emails):
    course = CourseFactory(capacity=1)
    first, second, third = UserFactory(), UserFactory(), UserFactory()

    with emails() as outbox:
        a = services.sign_up(course, first)
        b = services.sign_up(course, second)
        c = services.sign_up(course, third)

    assert [a.status, b.status, c.status] == [
        SignupStatus.CONFIRMED,
        SignupStatus.WAITLISTED,
        SignupStatus.WAITLISTED,
    ]
    assert [b.queue_number, c.queue_number] == [1, 2]
    assert [services.waiting_position(b), services.waiting_position(c)] == [1, 2]
    assert "nummer 2 på ventelisten" in outbox[2].body
    assert outbox[2].subject == f"Du er på ventelisten: {course.title}"
    assert outbox[2].attachments == []


def test_sign_up_is_refused_when_full_without_a_waiting_list(user):
    course = CourseFactory(capacity=1, waiting_list_enabled=False)
    SignupFactory(course=course)

    with pytest.raises(services.CourseError, match="Kurset er fuldt"):
        services.sign_up(course, user)

    assert Signup.objects.filter(user=user).count() == 0


def test_sign_up_with_unlimited_seats_always_confirms():
    course = CourseFactory(capacity=None)
    SignupFactory.create_batch(25, course=course)

    signup = services.sign_up(course, UserFactory())

    assert signup.status == SignupStatus.CONFIRMED


def test_sign_up_waits_behind_people_already_waiting_even_with_a_free_seat():
    # A free seat next to a waiting list happens e.g. after the deadline passed a promotion
    # by; a newcomer must never jump the queue.
    course = CourseFactory(capacity=2)
    SignupFactory(course=course)
    waitlist(course, [UserFactory()])

    signup = services.sign_up(course, UserFactory())

    assert (signup.status, signup.queue_number) == (SignupStatus.WAITLISTED, 2)


def test_sign_up_requiring_approval_is_pending_and_tells_the_organisers(user, emails):
    organiser = UserFactory(preferred_language="en")
    course = CourseFactory(requires_approval=True, organisers=[organiser])

    with emails() as outbox:
        signup = services.sign_up(course, user)

    assert signup.status == SignupStatus.PENDING
    assert signup.queue_number is None
    assert [m.to for m in outbox] == [[user.email], [organiser.email]]
    assert outbox[1].subject == f"A signup awaits your approval: {course.title}"
    assert f"/kurser/{course.slug}/arrangoer/" in outbox[1].body


def test_sign_up_twice_returns_the_same_signup_and_sends_one_email(user, emails):
    course = CourseFactory()

    with emails() as outbox:
        first = services.sign_up(course, user)
        second = services.sign_up(course, user, association="Ændret")

    assert first.pk == second.pk
    assert second.association == ""
    assert Signup.objects.filter(course=course, user=user).count() == 1
    assert len(outbox) == 1


def test_sign_up_again_after_cancelling_creates_a_new_signup(user):
    course = CourseFactory()
    old = services.sign_up(course, user)
    services.cancel_signup(old, by=user)

    new = services.sign_up(course, user)

    assert new.pk != old.pk
    assert new.status == SignupStatus.CONFIRMED


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": CourseStatus.DRAFT}, "ikke åbent for tilmelding"),
        ({"status": CourseStatus.CANCELLED}, "er aflyst"),
        ({"signup_opens_at": timedelta(days=1)}, "Tilmeldingen åbner"),
        ({"signup_deadline": timedelta(minutes=-1)}, "Tilmeldingen til kurset er lukket"),
    ],
    ids=["draft", "cancelled", "not-open-yet", "deadline-passed"],
)
def test_sign_up_is_refused_outside_the_signup_window(user, changes, message):
    now = timezone.now()
    course = CourseFactory(
        **{k: (now + v if isinstance(v, timedelta) else v) for k, v in changes.items()}
    )

    with pytest.raises(services.CourseError, match=message):
        services.sign_up(course, user)


def test_sign_up_is_refused_once_the_course_has_started(user):
    start = timezone.now() - timedelta(hours=1)
    course = CourseFactory(meetings=[(start, start + timedelta(hours=3))])

    with pytest.raises(services.CourseError, match="Tilmeldingen til kurset er lukket"):
        services.sign_up(course, user)


def test_sign_up_needs_a_logged_in_person():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(services.CourseError, match="Log ind"):
        services.sign_up(CourseFactory(), AnonymousUser())


def _pending(course, user=None):
    return SignupFactory(
        course=course, user=user or UserFactory(), status=SignupStatus.PENDING, confirmed_at=None
    )


def test_organiser_approves_a_pending_signup_into_a_free_seat(emails):
    organiser = UserFactory()
    course = CourseFactory(requires_approval=True, organisers=[organiser])
    pending = _pending(course)

    with emails() as outbox:
        signup = services.approve_signup(pending, by=organiser)

    assert signup.status == SignupStatus.CONFIRMED
    assert "er blevet godkendt" in outbox[0].body


def test_approving_when_full_puts_the_person_on_the_waiting_list(course_admin):
    course = CourseFactory(capacity=1, requires_approval=True)
    SignupFactory(course=course)
    pending = _pending(course)

    signup = services.approve_signup(pending, by=course_admin)

    assert (signup.status, signup.queue_number) == (SignupStatus.WAITLISTED, 1)


def test_approving_when_full_without_a_waiting_list_is_refused(course_admin):
    course = CourseFactory(capacity=1, requires_approval=True, waiting_list_enabled=False)
    SignupFactory(course=course)
    pending = _pending(course)

    with pytest.raises(services.CourseError, match="Kurset er fuldt"):
        services.approve_signup(pending, by=course_admin)


def test_only_organisers_approve_or_decline():
    course = CourseFactory(requires_approval=True)
    pending = _pending(course)
    volunteer = UserFactory()

    with pytest.raises(services.CourseError, match="arrangører"):
        services.approve_signup(pending, by=volunteer)
    with pytest.raises(services.CourseError, match="arrangører"):
        services.decline_signup(pending, by=volunteer)


def test_declining_a_pending_signup_tells_the_person_with_the_message(course_admin, emails):
    pending = _pending(CourseFactory(requires_approval=True))

    with emails() as outbox:
        signup = services.decline_signup(pending, by=course_admin, message="Kurset er for ledere.")

    assert (signup.status, signup.end_reason) == (
        SignupStatus.DECLINED,
        SignupEndReason.NOT_APPROVED,
    )
    assert "Kurset er for ledere." in outbox[0].body


def test_raising_capacity_promotes_as_many_as_there_are_new_seats(course_admin, emails):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    first, second, third = waitlist(course, [UserFactory(), UserFactory(), UserFactory()])

    with emails() as outbox:
        promoted = services.change_capacity(course, 3, by=course_admin)

    assert [s.pk for s in promoted] == [first.pk, second.pk]
    third.refresh_from_db()
    assert third.status == SignupStatus.WAITLISTED
    assert len(outbox) == 2


def test_removing_the_limit_promotes_everyone_waiting(course_admin):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    waitlist(course, [UserFactory(), UserFactory()])

    services.change_capacity(course, None, by=course_admin)

    assert Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED).count() == 3


def test_lowering_capacity_removes_nobody(course_admin):
    course = CourseFactory(capacity=5)
    SignupFactory.create_batch(4, course=course)

    services.change_capacity(course, 2, by=course_admin)

    course.refresh_from_db()
    assert course.capacity == 2
    assert Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED).count() == 4
    # The next person waits until enough seats are free again.
    assert services.sign_up(course, UserFactory()).status == SignupStatus.WAITLISTED


@pytest.mark.parametrize(("capacity", "message"), [(0, "mindst én plads")], ids=["zero"])
def test_capacity_must_be_positive(course_admin, capacity, message):
    with pytest.raises(services.CourseError, match=message):
        services.change_capacity(CourseFactory(), capacity, by=course_admin)


def test_only_course_administrators_change_capacity():
    organiser = UserFactory()
    course = CourseFactory(organisers=[organiser])

    with pytest.raises(services.CourseError, match="kursusadministratorer"):
        services.change_capacity(course, 20, by=organiser)


def test_withdrawing_a_deleted_account_promotes_the_waiting_list_without_mail_to_them(emails):
    course = CourseFactory(capacity=1, cancellation_deadline=timezone.now() - timedelta(days=1))
    leaving = SignupFactory(course=course)
    (waiting,) = waitlist(course, [UserFactory()])

    with emails() as outbox:
        ended = services.withdraw_deleted_account(leaving.user)

    waiting.refresh_from_db()
    assert ended == 1
    assert waiting.status == SignupStatus.CONFIRMED
    assert [m.to[0] for m in outbox] == [waiting.user.email]


def test_course_factory_course_is_open(user):
    # Guards the fixtures above: a default course takes signups.
    course = CourseFactory()

    assert Course.objects.get(pk=course.pk).starts_at > timezone.now()
    assert services.sign_up(course, user).status == SignupStatus.CONFIRMED


def test_sign_up_to_a_course_with_a_line_break_in_its_title_still_emails_a_calendar(user, emails):
    # Saved before titles were validated (core.validators): building the attachment failed,
    # so every confirmation for the course was lost.
    course = CourseFactory(title="Ny i\nbestyrelsen")

    with emails() as outbox:
        signup = services.sign_up(course, user)

    assert signup.status == SignupStatus.CONFIRMED
    assert len(outbox) == 1
    assert outbox[0].subject == "Du har en plads: Ny i bestyrelsen"
    ((method, calendar),) = invitations(outbox[0])
    assert method == "REQUEST"
    assert [str(event["SUMMARY"]) for event in calendar.events] == ["Ny i bestyrelsen"]
