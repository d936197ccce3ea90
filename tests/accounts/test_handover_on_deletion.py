"""Deleting the last admin of an association or the last coordinator of a network hands it to
the volunteer consultants (and tells them) instead of leaving it ownerless."""

import pytest
from django.core import mail

from accounts import services
from accounts.roles import Role
from associations.models import AssociationRole
from networks.models import Membership, MembershipRole
from tests.factories import UserFactory
from tests.networks.factories import CoordinatorFactory, MembershipFactory
from tests.schools.factories import association_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultants():
    return [
        UserFactory(roles=[Role.VOLUNTEER_CONSULTANT], preferred_language="da"),
        UserFactory(roles=[Role.VOLUNTEER_CONSULTANT], preferred_language="en"),
    ]


def mails_to(people):
    """The messages to `people`, in the order of `people` (the outbox's order follows names)."""
    by_address = {message.to[0]: message for message in mail.outbox}
    return [by_address[person.email] for person in people if person.email in by_address]


def test_the_last_admin_deleting_their_account_hands_the_association_to_the_consultants(
    consultants, client, django_capture_on_commit_callbacks
):
    admin = association_admin()
    admin.full_name = "Sidste Formand"
    admin.save()
    association = AssociationRole.objects.get(user=admin).association
    AssociationRole.objects.create(association=association, user=UserFactory(), role="member")

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_account(admin)

    assert not AssociationRole.objects.filter(association=association, is_admin=True).exists()
    danish, english = mails_to(consultants)
    assert danish.subject == f"{association.name} har ikke længere en administrator"
    assert english.subject == f"{association.name} has no admin any more"
    link = f"/admin/foreninger/personer/?association={association.pk}"
    assert link in danish.body
    assert "Sidste Formand" not in danish.body
    client.force_login(consultants[0])
    assert client.get(link).status_code == 200


def test_an_association_with_another_admin_is_nobodys_business(
    consultants, django_capture_on_commit_callbacks
):
    admin = association_admin()
    association_admin(AssociationRole.objects.get(user=admin).association)

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_account(admin)

    assert mails_to(consultants) == []


@pytest.mark.indexes
def test_the_last_coordinator_deleting_their_account_hands_the_network_to_the_consultants(
    consultants, client, django_capture_on_commit_callbacks
):
    coordinator = CoordinatorFactory()
    network = coordinator.network
    member = MembershipFactory(network=network)

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_account(coordinator.user)

    assert not Membership.objects.filter(network=network, role=MembershipRole.COORDINATOR).exists()
    assert Membership.objects.filter(pk=member.pk).exists()
    danish, english = mails_to(consultants)
    assert danish.subject == f"{network.name} har ikke længere en koordinator"
    assert f"/admin/netvaerk/edit/{network.pk}/" in english.body
    client.force_login(consultants[0])
    assert client.get(f"/admin/netvaerk/edit/{network.pk}/").status_code == 200


def test_a_network_with_another_coordinator_is_nobodys_business(
    consultants, django_capture_on_commit_callbacks
):
    coordinator = CoordinatorFactory()
    CoordinatorFactory(network=coordinator.network)

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_account(coordinator.user)

    assert mails_to(consultants) == []
