"""Network services log who did what in Wagtail's history (issue 19)."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from networks.models import MembershipStatus
from networks.services import NetworkError, approve_membership, cancel_meeting, remove_member
from tests.factories import UserFactory
from tests.networks.factories import CoordinatorFactory, MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def entries(obj):
    return ModelLogEntry.objects.for_instance(obj)


def test_approving_a_member_is_logged_on_the_network_and_shown_in_its_history(client):
    network = NetworkFactory()
    coordinator = CoordinatorFactory(network=network).user
    pending = MembershipFactory(network=network, status=MembershipStatus.PENDING)
    approve_membership(pending, by=coordinator)
    (entry,) = entries(network)
    assert (entry.action, entry.user_id) == (
        "frivilligloeft.networks.member_approved",
        coordinator.pk,
    )
    assert entry.data["user"] == pending.user_id

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("network_admin:history", args=[network.pk]))
    assert response.status_code == 200
    assert "Membership approved" in response.content.decode() or "Medlemskab godkendt" in (
        response.content.decode()
    )


def test_a_refused_change_writes_no_entry():
    network = NetworkFactory()
    coordinator = CoordinatorFactory(network=network)
    with pytest.raises(NetworkError):
        remove_member(coordinator, by=coordinator.user)
    assert not entries(network).exists()


def test_cancelling_a_meeting_is_logged_on_the_meeting(client):
    from tests.networks.factories import CoordinatorFactory, MeetingFactory

    meeting = MeetingFactory()
    user = CoordinatorFactory(network=meeting.network).user
    cancel_meeting(meeting, by=user)
    (entry,) = entries(meeting)
    assert (entry.action, entry.user_id) == ("frivilligloeft.networks.meeting_cancelled", user.pk)
