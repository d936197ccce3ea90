"""The network services check who acts themselves, with the predicates of networks/rules.py
(the same rules the views ask): a member, a coordinator of another network or a stranger is
refused, and nothing changes — no row, no log entry, no email."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.roles import Role
from networks import services
from networks.models import (
    Invitation,
    Membership,
    MembershipStatus,
    NetworkMeeting,
    NetworkMessage,
    SparringReply,
    SparringRequest,
)
from tests.factories import UserFactory
from tests.networks.factories import (
    CoordinatorFactory,
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    SparringRequestFactory,
)

pytestmark = pytest.mark.django_db


def _state() -> tuple:
    """Everything a network service could change."""
    return (
        sorted(
            Membership.objects.values_list(
                "pk", "status", "role", "decided_by_id", "left_at", "joined_at"
            )
        ),
        sorted(
            NetworkMeeting.objects.values_list(
                "pk", "title", "starts_at", "status", "notes", "sequence"
            )
        ),
        sorted(Invitation.objects.values_list("pk", "email", "revoked_at")),
        NetworkMessage.objects.count(),
        sorted(SparringRequest.objects.values_list("pk", "status", "assigned_to_id", "closed_at")),
        SparringReply.objects.count(),
        ModelLogEntry.objects.count(),
        len(mail.outbox),
    )


@pytest.fixture
def network_world():
    network = NetworkFactory()
    coordinator = CoordinatorFactory(network=network).user
    member = MembershipFactory(network=network)
    pending = MembershipFactory(network=network, status=MembershipStatus.PENDING)
    meeting = MeetingFactory(network=network)
    past = MeetingFactory(network=network, starts_at=timezone.now() - timedelta(hours=1))
    invitation = Invitation.objects.create(
        network=network,
        email="ny@example.org",
        token_hash="x" * 64,
        invited_by=coordinator,
        expires_at=timezone.now() + timedelta(days=3),
    )
    outsiders = {
        "member": member.user,
        "other_coordinator": CoordinatorFactory().user,
        "stranger": UserFactory(),
    }
    return {
        "network": network,
        "coordinator": coordinator,
        "member": member,
        "pending": pending,
        "meeting": meeting,
        "past": past,
        "invitation": invitation,
        "outsiders": outsiders,
    }


MANAGER_CALLS = {
    "approve": lambda w, by: services.approve_membership(w["pending"], by=by),
    "decline": lambda w, by: services.decline_membership(w["pending"], by=by),
    "remove": lambda w, by: services.remove_member(w["member"], by=by),
    "message": lambda w, by: services.message_members(
        w["network"], by=by, subject="Hej", body="Til alle"
    ),
    "invite": lambda w, by: services.invite_by_email(w["network"], ["a@example.org"], by=by),
    "revoke": lambda w, by: services.revoke_invitation(w["invitation"], by=by),
    "plan": lambda w, by: services.plan_meeting(
        w["network"],
        by=by,
        title="Nyt møde",
        starts_at=timezone.now() + timedelta(days=3),
        ends_at=timezone.now() + timedelta(days=3, hours=2),
        place_name="Frivilligcentret",
    ),
    "change": lambda w, by: services.change_meeting(w["meeting"], by=by, title="Nyt navn"),
    "cancel": lambda w, by: services.cancel_meeting(w["meeting"], by=by),
    "notes": lambda w, by: services.save_meeting_notes(w["past"], by=by, notes="Referat"),
    "coordinators": lambda w, by: services.set_coordinators(
        w["network"], [w["member"].user], by=by
    ),
}


@pytest.mark.parametrize("who", ["member", "other_coordinator", "stranger"])
@pytest.mark.parametrize("call", sorted(MANAGER_CALLS))
def test_only_those_who_manage_the_network_may_change_it(network_world, call, who):
    before = _state()

    with pytest.raises(services.NetworkError):
        MANAGER_CALLS[call](network_world, network_world["outsiders"][who])

    assert _state() == before


@pytest.mark.parametrize("call", sorted(set(MANAGER_CALLS) - {"coordinators"}))
def test_the_coordinator_and_a_consultant_may(network_world, call):
    """The same calls go through for the network's coordinator (and, on a fresh world, for
    a volunteer consultant): the refusals above are the permission, not something else."""
    MANAGER_CALLS[call](network_world, network_world["coordinator"])


@pytest.mark.parametrize("call", sorted(MANAGER_CALLS))
def test_a_volunteer_consultant_may(network_world, call):
    MANAGER_CALLS[call](network_world, UserFactory(roles=[Role.VOLUNTEER_CONSULTANT]))


def test_a_coordinator_cannot_appoint_coordinators(network_world):
    before = _state()

    with pytest.raises(services.NetworkError):
        services.set_coordinators(network_world["network"], [network_world["member"].user], by=None)
    with pytest.raises(services.NetworkError):
        services.set_coordinators(
            network_world["network"],
            [network_world["member"].user],
            by=network_world["coordinator"],
        )

    assert _state() == before


SPARRING_CALLS = {
    "assign": lambda request, by: services.assign_sparring_request(
        request, UserFactory(roles=[Role.VOLUNTEER_CONSULTANT]), by=by
    ),
    "reply": lambda request, by: services.reply_to_sparring_request(request, by=by, body="Svar"),
    "close": lambda request, by: services.close_sparring_request(request, by=by),
}


@pytest.mark.parametrize("call", sorted(SPARRING_CALLS))
def test_only_consultants_handle_someone_elses_sparring_request(call):
    request = SparringRequestFactory()
    coordinator = CoordinatorFactory().user
    before = _state()

    with pytest.raises(services.NetworkError):
        SPARRING_CALLS[call](request, coordinator)

    assert _state() == before


def test_the_requester_may_close_their_own_request_but_not_reply_as_staff():
    request = SparringRequestFactory()
    before = _state()

    with pytest.raises(services.NetworkError):
        services.reply_to_sparring_request(request, by=request.requester, body="Svar")
    assert _state() == before

    services.close_sparring_request(request, by=request.requester)
    request.refresh_from_db()
    assert request.status == "closed"


def test_a_meeting_can_be_planned_and_minuted_at_a_given_time(network_world):
    """`now=` (the demo's past): planned two weeks before a meeting that has since ended,
    notes saved when it ended; without it, a past meeting is refused as always."""
    starts_at = timezone.now() - timedelta(days=30)
    values = {
        "title": "Forårsmødet",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=2),
        "place_name": "Frivilligcentret",
    }
    by = network_world["coordinator"]
    with pytest.raises(services.NetworkError):
        services.plan_meeting(network_world["network"], by=by, **values)

    meeting = services.plan_meeting(
        network_world["network"], by=by, now=starts_at - timedelta(days=14), **values
    )
    services.save_meeting_notes(meeting, by=by, notes="Referat", now=values["ends_at"])

    meeting.refresh_from_db()
    assert (meeting.notes, meeting.notes_updated_at) == ("Referat", values["ends_at"])
    with pytest.raises(services.NetworkError):
        services.save_meeting_notes(
            meeting, by=by, notes="For tidligt", now=starts_at - timedelta(hours=1)
        )
