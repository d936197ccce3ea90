"""Fixtures shared by the network tests."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from networks.models import (
    JoinPolicy,
    MembershipStatus,
)
from tests.factories import UserFactory
from tests.networks.factories import (
    CoordinatorFactory,
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
)


@pytest.fixture
def world():
    """One network by approval with a coordinator, a member, a pending request, a meeting with
    a secret place and notes from a past meeting; and a second network with its own
    coordinator."""
    network = NetworkFactory(join_policy=JoinPolicy.APPROVAL, slug="kasserer")
    coordinator = CoordinatorFactory(network=network, user__full_name="Karin Koordinator")
    member = MembershipFactory(
        network=network, user__full_name="Mads Medlem", show_name_to_members=True
    )
    pending = MembershipFactory(network=network, status=MembershipStatus.PENDING)
    meeting = MeetingFactory(network=network, place_address="Hemmelig Allé 1")
    MeetingFactory(
        network=network,
        starts_at=timezone.now() - timedelta(days=10),
        notes="Referat: vi aftalte budgettet.",
    )
    other = CoordinatorFactory(network__slug="andet")
    staff = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    users = {
        "anonymous": None,
        "non_member": UserFactory(),
        "pending": pending.user,
        "member": member.user,
        "coordinator": coordinator.user,
        "other_coordinator": other.user,
        "staff": staff,
    }
    return {"network": network, "meeting": meeting, "pending": pending, "users": users}
