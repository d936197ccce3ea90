import hashlib
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from accounts.roles import Role
from networks import services
from networks.models import (
    Invitation,
    JoinPolicy,
    MeetingStatus,
    Membership,
    MembershipRole,
    MembershipStatus,
    Rsvp,
    SparringStatus,
)
from networks.personal_data import erase_data, export_data
from tests.factories import UserFactory
from tests.networks.factories import (
    CoordinatorFactory,
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    SparringRequestFactory,
)

pytestmark = pytest.mark.django_db


def _token_from(message) -> str:
    return message.body.split("/invitation/")[1].split("/")[0]


# --- Joining ----------------------------------------------------------------------------


def test_join_open_network_is_active_at_once_and_welcomed(django_capture_on_commit_callbacks):
    network = NetworkFactory(join_policy=JoinPolicy.OPEN)
    user = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        membership = services.join_network(network, user, association="Roklubben")

    assert (membership.status, membership.role, membership.association) == (
        MembershipStatus.ACTIVE,
        MembershipRole.MEMBER,
        "Roklubben",
    )
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert mail.outbox[0].subject == f"Velkommen til {network.name}"


def test_join_approval_network_is_pending_and_coordinators_are_emailed(
    django_capture_on_commit_callbacks,
):
    network = NetworkFactory(join_policy=JoinPolicy.APPROVAL)
    coordinator = CoordinatorFactory(network=network, user__preferred_language="en").user
    user = UserFactory(full_name="Sofie Lund")

    with django_capture_on_commit_callbacks(execute=True):
        membership = services.join_network(network, user, message="Jeg er ny kasserer.")

    assert membership.status == MembershipStatus.PENDING
    assert membership.request_message == "Jeg er ny kasserer."
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert mail.outbox[0].subject == f"New request to join {network.name}"
    assert "Sofie Lund would like to join" in mail.outbox[0].body


def test_join_invitation_network_without_invitation_is_refused():
    network = NetworkFactory(join_policy=JoinPolicy.INVITATION)

    with pytest.raises(services.NetworkError, match="kun for inviterede"):
        services.join_network(network, UserFactory())

    assert Membership.objects.count() == 0


def test_join_twice_returns_the_same_membership():
    network = NetworkFactory(join_policy=JoinPolicy.APPROVAL)
    user = UserFactory()

    first = services.join_network(network, user)
    second = services.join_network(network, user)

    assert first.pk == second.pk
    assert Membership.objects.count() == 1


def test_join_after_decline_asks_again():
    network = NetworkFactory(join_policy=JoinPolicy.APPROVAL)
    membership = MembershipFactory(network=network, status=MembershipStatus.DECLINED)

    again = services.join_network(network, membership.user)

    assert (again.pk, again.status) == (membership.pk, MembershipStatus.PENDING)


# --- Approving, declining, leaving ---------------------------------------------------------


def test_approve_makes_member_and_emails_them(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory(network__join_policy=JoinPolicy.APPROVAL)
    pending = MembershipFactory(network=coordinator.network, status=MembershipStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_membership(pending, by=coordinator.user)

    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == (MembershipStatus.ACTIVE, coordinator.user)
    assert [m.to for m in mail.outbox] == [[pending.user.email]]


def test_decline_sends_the_reason(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory(network__join_policy=JoinPolicy.APPROVAL)
    pending = MembershipFactory(network=coordinator.network, status=MembershipStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        services.decline_membership(pending, by=coordinator.user, reason="Kun for kasserere.")

    pending.refresh_from_db()
    assert pending.status == MembershipStatus.DECLINED
    assert "Kun for kasserere." in mail.outbox[0].body


@pytest.mark.parametrize(
    "status", [MembershipStatus.ACTIVE, MembershipStatus.LEFT], ids=["active", "left"]
)
def test_decline_refuses_what_is_not_pending(status):
    coordinator = CoordinatorFactory()
    membership = MembershipFactory(network=coordinator.network, status=status)

    with pytest.raises(services.NetworkError):
        services.decline_membership(membership, by=coordinator.user)


def test_leave_removes_answers_to_coming_meetings_only():
    membership = MembershipFactory()
    coming = MeetingFactory(network=membership.network)
    past = MeetingFactory(
        network=membership.network,
        starts_at=timezone.now() - timedelta(days=3),
    )
    Rsvp.objects.create(meeting=coming, user=membership.user, answer="yes")
    Rsvp.objects.create(meeting=past, user=membership.user, answer="yes")

    services.leave_network(membership.network, membership.user)

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.LEFT
    assert list(Rsvp.objects.values_list("meeting_id", flat=True)) == [past.pk]


def test_the_only_coordinator_cannot_leave():
    coordinator = CoordinatorFactory()

    with pytest.raises(services.NetworkError, match="eneste koordinator"):
        services.leave_network(coordinator.network, coordinator.user)


def test_set_coordinators_promotes_and_demotes():
    old = CoordinatorFactory()
    network = old.network
    newcomer = UserFactory()

    services.set_coordinators(network, [newcomer])

    roles = dict(Membership.objects.filter(network=network).values_list("user_id", "role"))
    assert roles == {old.user_id: MembershipRole.MEMBER, newcomer.pk: MembershipRole.COORDINATOR}
    assert Membership.objects.get(user=newcomer).status == MembershipStatus.ACTIVE


# --- Invitations --------------------------------------------------------------------------


def test_invitation_stores_only_a_hash_and_accepting_joins(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory(network__join_policy=JoinPolicy.INVITATION)
    network = coordinator.network
    invitee = UserFactory(email="ny@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        sent, skipped = services.invite_by_email(
            network, ["NY@example.org", "ny@example.org"], by=coordinator.user
        )

    assert (len(sent), skipped) == (1, [])
    token = _token_from(mail.outbox[0])
    invitation = Invitation.objects.get()
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in invitation.token_hash

    membership = services.accept_invitation(token, invitee, show_name_to_members=True)

    assert (membership.status, membership.show_name_to_members) == (MembershipStatus.ACTIVE, True)
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    with pytest.raises(services.NetworkError, match="allerede brugt"):
        services.accept_invitation(token, UserFactory())


def test_expired_invitation_is_refused(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory(network__join_policy=JoinPolicy.INVITATION)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_by_email(coordinator.network, ["a@example.org"], by=coordinator.user)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    with pytest.raises(services.NetworkError, match="udløbet"):
        services.accept_invitation(_token_from(mail.outbox[0]), UserFactory())

    assert not Membership.objects.exclude(pk=coordinator.pk).exists()


def test_a_new_invitation_withdraws_the_old_link(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory(network__join_policy=JoinPolicy.INVITATION)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_by_email(coordinator.network, ["a@example.org"], by=coordinator.user)
        services.invite_by_email(coordinator.network, ["a@example.org"], by=coordinator.user)
    old, new = _token_from(mail.outbox[0]), _token_from(mail.outbox[1])

    owner = UserFactory(email="a@example.org")
    with pytest.raises(services.NetworkError, match="trukket tilbage"):
        services.accept_invitation(old, owner)
    assert services.accept_invitation(new, owner).status == MembershipStatus.ACTIVE


def test_an_invitation_joins_only_the_invited_address_and_stays_usable_for_it(
    django_capture_on_commit_callbacks,
):
    from networks.services.invitations import InvitationForSomeoneElse

    coordinator = CoordinatorFactory(network__join_policy=JoinPolicy.INVITATION)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_by_email(coordinator.network, ["Mette@Example.org"], by=coordinator.user)
    token = _token_from(mail.outbox[0])
    forwarded_to = UserFactory(email="nabo@example.org")

    with pytest.raises(InvitationForSomeoneElse, match=r"m…@example\.org"):
        services.accept_invitation(token, forwarded_to)

    assert Invitation.objects.get().status == "open"
    assert not Membership.objects.filter(user=forwarded_to).exists()
    owner = UserFactory(email="mette@example.org")  # case does not matter
    assert services.accept_invitation(token, owner).status == MembershipStatus.ACTIVE


def test_an_unconfirmed_address_must_be_confirmed_before_the_invitation_is_accepted(
    django_capture_on_commit_callbacks,
):
    from networks.services.invitations import InvitationForSomeoneElse

    coordinator = CoordinatorFactory(network__join_policy=JoinPolicy.INVITATION)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_by_email(coordinator.network, ["ny@example.org"], by=coordinator.user)
    token = _token_from(mail.outbox[0])
    unconfirmed = UserFactory(email="ny@example.org", verified_email=False)

    with pytest.raises(InvitationForSomeoneElse, match="Bekræft din e-mailadresse"):
        services.accept_invitation(token, unconfirmed)

    assert Invitation.objects.get().status == "open"


def test_invite_skips_members_and_rejects_bad_addresses():
    coordinator = CoordinatorFactory()
    member = MembershipFactory(network=coordinator.network)

    sent, skipped = services.invite_by_email(
        coordinator.network, [member.user.email], by=coordinator.user
    )
    assert (sent, skipped) == ([], [member.user.email])
    with pytest.raises(services.NetworkError, match="ikke en gyldig e-mailadresse"):
        services.invite_by_email(coordinator.network, ["nope"], by=coordinator.user)


def test_unknown_token_is_refused():
    with pytest.raises(services.NetworkError, match="ikke gyldigt"):
        services.accept_invitation("x" * 43, UserFactory())


# --- Meetings -----------------------------------------------------------------------------


def _meeting_values(**overrides):
    start = timezone.now() + timedelta(days=10)
    values = {
        "title": "Budget 2027",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "place_name": "Biblioteket",
        "place_address": "",
        "online_link": "",
        "agenda": "",
        "capacity": None,
    }
    return {**values, **overrides}


def test_plan_meeting_emails_active_members_in_their_language(
    django_capture_on_commit_callbacks,
):
    coordinator = CoordinatorFactory()
    english = MembershipFactory(network=coordinator.network, user__preferred_language="en")
    MembershipFactory(network=coordinator.network, status=MembershipStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.plan_meeting(
            coordinator.network, by=coordinator.user, **_meeting_values()
        )

    assert meeting.sequence == 0
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert set(subjects) == {coordinator.user.email, english.user.email}
    assert subjects[english.user.email].startswith("New meeting in")
    assert subjects[coordinator.user.email].startswith("Nyt møde i")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"starts_at": timezone.now() - timedelta(days=1)}, "starte i fremtiden"),
        ({"place_name": ""}, "sted eller et onlinelink"),
        ({"title": " "}, "titel"),
    ],
    ids=["past", "nowhere", "untitled"],
)
def test_plan_meeting_refuses_bad_input(values, message):
    coordinator = CoordinatorFactory()
    data = _meeting_values(**values)
    if "starts_at" in values:
        data["ends_at"] = data["starts_at"] + timedelta(hours=1)

    with pytest.raises(services.NetworkError, match=message):
        services.plan_meeting(coordinator.network, by=coordinator.user, **data)


def test_change_time_bumps_sequence_rearms_reminder_and_emails(
    django_capture_on_commit_callbacks,
):
    coordinator = CoordinatorFactory()
    meeting = MeetingFactory(network=coordinator.network, reminder_sent_at=timezone.now())
    new_start = meeting.starts_at + timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        services.change_meeting(
            meeting,
            by=coordinator.user,
            starts_at=new_start,
            ends_at=new_start + timedelta(hours=2),
        )

    meeting.refresh_from_db()
    assert (meeting.sequence, meeting.reminder_sent_at) == (1, None)
    assert [m.to for m in mail.outbox] == [[coordinator.user.email]]
    assert "nyt tidspunkt" in mail.outbox[0].body


def test_change_agenda_only_sends_nothing_and_keeps_sequence(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory()
    meeting = MeetingFactory(network=coordinator.network)

    with django_capture_on_commit_callbacks(execute=True):
        services.change_meeting(meeting, by=coordinator.user, agenda="Ny dagsorden")

    meeting.refresh_from_db()
    assert (meeting.agenda, meeting.sequence, len(mail.outbox)) == ("Ny dagsorden", 0, 0)


def test_cancel_meeting_bumps_sequence_and_emails(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory()
    meeting = MeetingFactory(network=coordinator.network)

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_meeting(meeting, by=coordinator.user, reason="Sygdom")

    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == (MeetingStatus.CANCELLED, 1)
    assert "Sygdom" in mail.outbox[0].body
    with pytest.raises(services.NetworkError, match="aflyst"):
        services.change_meeting(meeting, by=coordinator.user, title="Nyt")


def test_notes_only_after_the_meeting_started():
    coordinator = CoordinatorFactory()
    coming = MeetingFactory(network=coordinator.network)
    held = MeetingFactory(
        network=coordinator.network, starts_at=timezone.now() - timedelta(hours=3)
    )

    with pytest.raises(services.NetworkError, match="begyndt"):
        services.save_meeting_notes(coming, by=coordinator.user, notes="x")
    services.save_meeting_notes(held, by=coordinator.user, notes="Vi aftalte ...")

    held.refresh_from_db()
    assert held.notes == "Vi aftalte ..."


# --- RSVP ---------------------------------------------------------------------------------


def test_rsvp_changes_answer_without_a_second_row():
    membership = MembershipFactory()
    meeting = MeetingFactory(network=membership.network)

    services.rsvp(meeting, membership.user, "yes")
    services.rsvp(meeting, membership.user, "maybe")

    assert list(Rsvp.objects.values_list("answer", flat=True)) == ["maybe"]


def test_rsvp_respects_capacity_but_allows_maybe():
    meeting = MeetingFactory(capacity=1)
    first = MembershipFactory(network=meeting.network)
    second = MembershipFactory(network=meeting.network)
    services.rsvp(meeting, first.user, "yes")

    with pytest.raises(services.NetworkError, match="fuldt"):
        services.rsvp(meeting, second.user, "yes")
    services.rsvp(meeting, second.user, "maybe")
    services.rsvp(meeting, first.user, "yes")  # the one seat holder may answer again

    assert dict(Rsvp.objects.values_list("user_id", "answer")) == {
        first.user_id: "yes",
        second.user_id: "maybe",
    }


@pytest.mark.parametrize(
    "status",
    [MembershipStatus.PENDING, MembershipStatus.LEFT, None],
    ids=["pending", "left", "none"],
)
def test_rsvp_only_for_active_members(status):
    meeting = MeetingFactory()
    user = UserFactory()
    if status:
        MembershipFactory(network=meeting.network, user=user, status=status)

    with pytest.raises(services.NetworkError, match="Kun medlemmer"):
        services.rsvp(meeting, user, "yes")


def test_rsvp_refused_for_cancelled_or_started_meetings():
    membership = MembershipFactory()
    cancelled = MeetingFactory(network=membership.network, status=MeetingStatus.CANCELLED)
    started = MeetingFactory(
        network=membership.network, starts_at=timezone.now() - timedelta(minutes=5)
    )

    with pytest.raises(services.NetworkError, match="aflyst"):
        services.rsvp(cancelled, membership.user, "yes")
    with pytest.raises(services.NetworkError, match="begyndt"):
        services.rsvp(started, membership.user, "yes")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rsvp_last_seat_goes_to_exactly_one_of_many():
    meeting = MeetingFactory(capacity=1)
    users = [MembershipFactory(network=meeting.network).user for _ in range(6)]
    barrier = threading.Barrier(len(users))
    outcomes = []

    def answer(user):
        try:
            barrier.wait()
            services.rsvp(meeting, user, "yes")
            outcomes.append("ok")
        except services.NetworkError:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["full"] * 5 + ["ok"]
    assert Rsvp.objects.filter(meeting=meeting, answer="yes").count() == 1


# --- Reminders ----------------------------------------------------------------------------


def test_reminders_are_sent_once_and_not_to_those_not_coming(django_capture_on_commit_callbacks):
    meeting = MeetingFactory(starts_at=timezone.now() + timedelta(hours=20))
    MeetingFactory(network=meeting.network, starts_at=timezone.now() + timedelta(days=5))
    coming = MembershipFactory(network=meeting.network)
    unanswered = MembershipFactory(network=meeting.network)
    not_coming = MembershipFactory(network=meeting.network)
    Rsvp.objects.create(meeting=meeting, user=coming.user, answer="yes")
    Rsvp.objects.create(meeting=meeting, user=not_coming.user, answer="no")

    with django_capture_on_commit_callbacks(execute=True):
        first = services.send_meeting_reminders()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.send_meeting_reminders()

    assert (first, second) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coming.user.email, unanswered.user.email]
    )
    # Like course reminders, each carries the meeting for the calendar (iTIP REQUEST).
    for message in mail.outbox:
        [(_name, content, mimetype)] = message.attachments
        assert mimetype.startswith("text/calendar")
        assert "METHOD:REQUEST" in content
        assert f"UID:network-meeting-{meeting.pk}@" in content


# --- Messages -----------------------------------------------------------------------------


def test_message_members_reaches_active_members_only(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory()
    member = MembershipFactory(network=coordinator.network)
    MembershipFactory(network=coordinator.network, status=MembershipStatus.LEFT)

    with django_capture_on_commit_callbacks(execute=True):
        message = services.message_members(
            coordinator.network, by=coordinator.user, subject="Husk", body="Tag kage med."
        )

    assert message.recipient_count == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coordinator.user.email, member.user.email]
    )
    assert mail.outbox[0].reply_to == ["netvaerk@example.org"]


# --- Sparring -----------------------------------------------------------------------------


def test_sparring_flow_new_assigned_answered_closed(django_capture_on_commit_callbacks):
    consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    requester = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        request = services.create_sparring_request(
            requester, subject="Generalforsamling", description="Hvordan gør vi?"
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([requester.email, consultant.email])

    services.assign_sparring_request(request, consultant, by=consultant)
    request.refresh_from_db()
    assert (request.status, request.assigned_to) == (SparringStatus.ASSIGNED, consultant)

    services.reply_to_sparring_request(request, by=consultant, body="Ring til mig.")
    request.refresh_from_db()
    assert request.status == SparringStatus.ANSWERED

    services.add_requester_message(request, by=requester, body="Tak, jeg ringer.")
    request.refresh_from_db()
    assert request.status == SparringStatus.ASSIGNED

    services.close_sparring_request(request, by=consultant)
    request.refresh_from_db()
    assert request.status == SparringStatus.CLOSED
    with pytest.raises(services.NetworkError, match="lukket"):
        services.reply_to_sparring_request(request, by=consultant, body="Mere")


def test_sparring_cannot_be_given_to_someone_who_is_not_a_consultant():
    request = SparringRequestFactory()

    with pytest.raises(services.NetworkError, match="frivilligkonsulent"):
        services.assign_sparring_request(request, UserFactory(), by=UserFactory())


def test_sparring_phone_contact_needs_a_number():
    with pytest.raises(services.NetworkError, match="telefonnummer"):
        services.create_sparring_request(
            UserFactory(), subject="x", description="y", contact_method="phone"
        )


# --- Personal data ------------------------------------------------------------------------


def test_export_and_erase_cover_memberships_answers_and_sparring():
    membership = MembershipFactory(association="Roklubben")
    meeting = MeetingFactory(network=membership.network)
    Rsvp.objects.create(meeting=meeting, user=membership.user, answer="yes")
    SparringRequestFactory(requester=membership.user, subject="Hjælp")
    other = MembershipFactory(network=membership.network)

    data = export_data(membership.user)
    erase_data(membership.user)

    assert [m["association"] for m in data["memberships"]] == ["Roklubben"]
    assert [a["answer"] for a in data["meeting_answers"]] == ["yes"]
    assert [s["subject"] for s in data["sparring_requests"]] == ["Hjælp"]
    assert list(Membership.objects.values_list("pk", flat=True)) == [other.pk]
    assert not Rsvp.objects.exists()
