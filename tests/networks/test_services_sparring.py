"""networks.services for sparring requests, and the networks' personal data."""

import pytest
from django.core import mail

from accounts.roles import Role
from networks import services
from networks.models import (
    Membership,
    Rsvp,
    SparringStatus,
)
from networks.personal_data import erase_data, export_data
from tests.factories import UserFactory
from tests.networks.factories import (
    MeetingFactory,
    MembershipFactory,
    SparringRequestFactory,
)

pytestmark = pytest.mark.django_db


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
        services.assign_sparring_request(
            request, UserFactory(), by=UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
        )


def test_sparring_phone_contact_needs_a_number():
    with pytest.raises(services.NetworkError, match="telefonnummer"):
        services.create_sparring_request(
            UserFactory(), subject="x", description="y", contact_method="phone"
        )


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
