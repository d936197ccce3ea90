from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from networks import queries
from networks.models import Network, NetworkMeeting, SparringStatus
from tests.factories import UserFactory
from tests.networks.factories import (
    CoordinatorFactory,
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    SparringRequestFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/admin/netvaerk/",
        "/admin/netvaerk/moeder/",
        "/admin/netvaerk/sparring/",
    ],
    ids=["networks", "meetings", "sparring"],
)
def test_consultant_sees_the_networks_admin(consultant_client, path):
    NetworkFactory()
    SparringRequestFactory()

    response = consultant_client.get(path)

    assert response.status_code == 200


@pytest.mark.parametrize(
    "role", [Role.EDITOR, Role.COURSE_ADMINISTRATOR], ids=["editor", "courses"]
)
def test_other_staff_do_not_get_the_sparring_queue(client, role):
    client.force_login(UserFactory(roles=[role]))
    request = SparringRequestFactory()

    listing = client.get("/admin/netvaerk/sparring/")
    detail = client.get(f"/admin/netvaerk/sparring/edit/{request.pk}/")

    # Wagtail answers a missing permission with a redirect to the admin's front page.
    assert (listing.status_code, listing["Location"]) == (302, "/admin/")
    assert (detail.status_code, detail["Location"]) == (302, "/admin/")


def test_sparring_queue_filters_by_status(consultant_client):
    SparringRequestFactory(subject="Ny henvendelse")
    SparringRequestFactory(subject="Lukket sag", status=SparringStatus.CLOSED)

    response = consultant_client.get("/admin/netvaerk/sparring/?status=new")

    assert "Ny henvendelse" in response.text
    assert "Lukket sag" not in response.text


def test_consultant_assigns_replies_and_closes_in_the_admin(
    consultant_client, django_capture_on_commit_callbacks
):
    request = SparringRequestFactory()
    url = f"/admin/netvaerk/sparring/edit/{request.pk}/"

    assert consultant_client.get(url).status_code == 200
    consultant_client.post(url, {"action": "assign", "consultant": consultant_client.consultant.pk})
    with django_capture_on_commit_callbacks(execute=True):
        consultant_client.post(url, {"action": "reply", "body": "Jeg ringer i morgen."})
    request.refresh_from_db()
    assert (request.status, request.assigned_to) == (
        SparringStatus.ANSWERED,
        consultant_client.consultant,
    )
    assert [m.to for m in mail.outbox] == [[request.requester.email]]

    consultant_client.post(url, {"action": "close"})
    request.refresh_from_db()
    assert request.status == SparringStatus.CLOSED


def test_empty_admin_reply_is_400_and_changes_nothing(consultant_client):
    request = SparringRequestFactory()

    response = consultant_client.post(
        f"/admin/netvaerk/sparring/edit/{request.pk}/", {"action": "reply", "body": ""}
    )

    assert response.status_code == 400
    request.refresh_from_db()
    assert (request.status, request.replies.count()) == (SparringStatus.NEW, 0)


def test_creating_a_network_in_the_admin_appoints_coordinators(consultant_client):
    coordinator = UserFactory()

    response = consultant_client.post(
        "/admin/netvaerk/new/",
        {
            "name": "Nyt netværk",
            "slug": "nyt-netvaerk",
            "summary": "Kort",
            "description": "",
            "audience": "leaders",
            "join_policy": "approval",
            "is_listed": "on",
            "coordinators": [coordinator.pk],
            "contact_email": "",
        },
    )

    assert response.status_code == 302, response.text[:2000]
    network = Network.objects.get(slug="nyt-netvaerk")
    assert list(queries.coordinators_of(network)) == [coordinator]


def test_changing_a_meeting_in_the_admin_goes_through_the_service(
    consultant_client, django_capture_on_commit_callbacks
):
    member = MembershipFactory()
    meeting = MeetingFactory(network=member.network)
    start = timezone.localtime(meeting.starts_at + timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        response = consultant_client.post(
            f"/admin/netvaerk/moeder/edit/{meeting.pk}/",
            {
                "network": meeting.network.pk,
                "title": meeting.title,
                "starts_at": start.strftime("%Y-%m-%d %H:%M"),
                "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
                "place_name": meeting.place_name,
                "place_address": meeting.place_address,
                "online_link": "",
                "agenda": meeting.agenda,
                "capacity": "",
            },
        )

    assert response.status_code == 302, response.text[:2000]
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    assert [m.to for m in mail.outbox] == [[member.user.email]]


def test_coordinator_without_staff_role_has_no_admin(client):
    coordinator = CoordinatorFactory()
    client.force_login(coordinator.user)

    assert client.get("/admin/netvaerk/").status_code == 302
    assert NetworkMeeting.objects.count() == 0
