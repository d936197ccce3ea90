"""networks.services for members: joining, approving, declining, leaving and invitations."""

import hashlib
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from networks import services
from networks.models import (
    Invitation,
    JoinPolicy,
    Membership,
    MembershipRole,
    MembershipStatus,
    Rsvp,
)
from tests.factories import UserFactory
from tests.networks.factories import (
    CoordinatorFactory,
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
)

pytestmark = pytest.mark.django_db


def _token_from(message) -> str:
    return message.body.split("/invitation/")[1].split("/")[0]


@pytest.fixture
def coordinator():
    """The coordinator of a network one joins by invitation only."""
    return CoordinatorFactory(network__join_policy=JoinPolicy.INVITATION)


@pytest.fixture
def invite(coordinator, django_capture_on_commit_callbacks):
    """Invite an address to the coordinator's network; the token of the link in the email."""

    def invite(address: str) -> str:
        with django_capture_on_commit_callbacks(execute=True):
            services.invite_by_email(coordinator.network, [address], by=coordinator.user)
        return _token_from(mail.outbox[-1])

    return invite


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

    services.set_coordinators(
        network, [newcomer], by=UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    )

    roles = dict(Membership.objects.filter(network=network).values_list("user_id", "role"))
    assert roles == {old.user_id: MembershipRole.MEMBER, newcomer.pk: MembershipRole.COORDINATOR}
    assert Membership.objects.get(user=newcomer).status == MembershipStatus.ACTIVE


def test_invitation_stores_only_a_hash_and_accepting_joins(
    coordinator, django_capture_on_commit_callbacks
):
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


def test_expired_invitation_is_refused(coordinator, invite):
    token = invite("a@example.org")
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    with pytest.raises(services.NetworkError, match="udløbet"):
        services.accept_invitation(token, UserFactory())

    assert not Membership.objects.exclude(pk=coordinator.pk).exists()


def test_a_new_invitation_withdraws_the_old_link(invite):
    old, new = invite("a@example.org"), invite("a@example.org")

    owner = UserFactory(email="a@example.org")
    with pytest.raises(services.NetworkError, match="trukket tilbage"):
        services.accept_invitation(old, owner)
    assert services.accept_invitation(new, owner).status == MembershipStatus.ACTIVE


def test_an_invitation_joins_only_the_invited_address_and_stays_usable_for_it(invite):
    from networks.services.invitations import InvitationForSomeoneElse

    token = invite("Mette@Example.org")
    forwarded_to = UserFactory(email="nabo@example.org")

    with pytest.raises(InvitationForSomeoneElse, match=r"m…@example\.org"):
        services.accept_invitation(token, forwarded_to)

    assert Invitation.objects.get().status == "open"
    assert not Membership.objects.filter(user=forwarded_to).exists()
    owner = UserFactory(email="mette@example.org")  # case does not matter
    assert services.accept_invitation(token, owner).status == MembershipStatus.ACTIVE


def test_an_unconfirmed_address_must_be_confirmed_before_the_invitation_is_accepted(invite):
    from networks.services.invitations import InvitationForSomeoneElse

    token = invite("ny@example.org")
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
