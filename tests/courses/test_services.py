"""The signup rules in courses.services: seats, waiting list, offers, approvals, deadlines."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from courses import services
from courses.models import (
    Course,
    CourseStatus,
    Signup,
    SignupEndReason,
    SignupStatus,
    WaitingListMode,
)
from tests.calendars.conftest import invitations
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def emails(django_capture_on_commit_callbacks):
    """Run the on-commit email hooks of the block and hand back mail.outbox."""

    class Capture:
        def __enter__(self):
            self.ctx = django_capture_on_commit_callbacks(execute=True)
            self.ctx.__enter__()
            return mail.outbox

        def __exit__(self, *exc):
            return self.ctx.__exit__(*exc)

    return Capture


@pytest.fixture
def course_admin():
    return UserFactory(roles=[Role.COURSE_ADMINISTRATOR])


def statuses(course) -> list[tuple[str, str | None]]:
    return list(
        Signup.objects.filter(course=course).order_by("pk").values_list("user__email", "status")
    )


# --- sign_up ----------------------------------------------------------------------------


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


# --- cancel_signup and promotion ---------------------------------------------------------


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


# --- waiting list ------------------------------------------------------------------------


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


# --- offers ------------------------------------------------------------------------------


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


# --- approval ----------------------------------------------------------------------------


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


# --- capacity ----------------------------------------------------------------------------


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


# --- account deletion --------------------------------------------------------------------


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
