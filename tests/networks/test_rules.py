"""networks/rules.py: who may run a network — its coordinators and the volunteer consultants."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.roles import Role
from networks.models import MembershipStatus
from networks.queries import can_manage
from networks.rules import is_network_coordinator, is_network_staff
from tests.factories import UserFactory
from tests.networks.factories import CoordinatorFactory, MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_coordinator_manages_their_network_only():
    coordinator = CoordinatorFactory().user
    network = coordinator.network_memberships.get().network
    other = NetworkFactory()

    assert is_network_coordinator(coordinator, network) is True
    assert coordinator.has_perm("networks.manage_network", network) is True
    assert coordinator.has_perm("networks.manage_network", other) is False
    assert can_manage(coordinator, network) is True


def test_member_does_not_manage_the_network():
    membership = MembershipFactory()

    assert is_network_coordinator(membership.user, membership.network) is False
    assert membership.user.has_perm("networks.manage_network", membership.network) is False


def test_volunteer_consultant_manages_every_network():
    consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])

    assert is_network_staff(consultant) is True
    assert consultant.has_perm("networks.manage_network", NetworkFactory()) is True


def test_anonymous_visitor_manages_nothing():
    anonymous = AnonymousUser()
    network = NetworkFactory()

    assert is_network_staff(anonymous) is False
    assert anonymous.has_perm("networks.manage_network", network) is False
    assert can_manage(anonymous, network) is False


def test_former_coordinator_loses_the_network_at_once():
    membership = CoordinatorFactory()
    membership.status = MembershipStatus.LEFT
    membership.save(update_fields=["status"])

    assert membership.user.has_perm("networks.manage_network", membership.network) is False
    assert can_manage(membership.user, membership.network) is False
