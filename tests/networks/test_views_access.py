"""Who sees and may do what on a network's pages: the access matrix over every role."""

import pytest
import rules
from django.core import mail

from networks.models import (
    Membership,
    MembershipStatus,
    Rsvp,
)
from networks.rules import manages_network
from tests.networks.factories import (
    MeetingFactory,
    MembershipFactory,
)
from tests.networks.helpers import ROLES, client_for

pytestmark = pytest.mark.django_db


SEES_MEMBER_CONTENT = {
    "anonymous": False,
    "non_member": False,
    "pending": False,
    "member": True,
    "coordinator": True,
    "other_coordinator": False,
    "staff": True,
}


@pytest.mark.parametrize("role", ROLES)
def test_network_page_shows_member_content_only_to_members(world, role):
    response = client_for(world, role).get("/netvaerk/kasserer/")

    assert response.status_code == 200
    text = response.text
    sees = SEES_MEMBER_CONTENT[role]
    assert ("Hemmelig Allé 1" in text) is sees
    assert ("Referat: vi aftalte budgettet." in text) is sees
    assert ("Mads Medlem" in text) is sees
    assert world["meeting"].title in text  # the public part: upcoming meetings


@pytest.mark.parametrize("role", ROLES)
def test_meeting_page_shows_place_only_to_members(world, role):
    meeting = world["meeting"]
    response = client_for(world, role).get(f"/netvaerk/kasserer/moeder/{meeting.pk}/")

    assert response.status_code == 200
    assert ("Hemmelig Allé 1" in response.text) is SEES_MEMBER_CONTENT[role]


MANAGES = {
    "anonymous": 302,
    "non_member": 404,
    "pending": 404,
    "member": 404,
    "coordinator": 200,
    "other_coordinator": 404,
    "staff": 200,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "path",
    [
        "/netvaerk/kasserer/koordinator/",
        "/netvaerk/kasserer/koordinator/medlemmer/",
        "/netvaerk/kasserer/koordinator/medlemmer.csv",
        "/netvaerk/kasserer/koordinator/inviter/",
        "/netvaerk/kasserer/koordinator/moeder/nyt/",
        "/netvaerk/kasserer/koordinator/besked/",
    ],
    ids=["overview", "members", "csv", "invite", "plan", "message"],
)
def test_coordinator_tools_only_for_this_networks_coordinators_and_staff(world, role, path):
    response = client_for(world, role).get(path)

    assert response.status_code == MANAGES[role]
    if role == "anonymous":
        assert response["Location"].startswith("/konto/login/?next=")


def test_coordinator_tools_ask_the_networks_manage_network_rule(world):
    """The tools use the core guard with `networks.manage_network`: change the rule and the
    network's own coordinator is turned away like anyone else (a 404), anonymous visitors
    still log in first, and an unknown network is a 404."""
    coordinator = client_for(world, "coordinator")
    assert coordinator.get("/netvaerk/kasserer/koordinator/").status_code == 200
    assert coordinator.get("/netvaerk/findes-ikke/koordinator/").status_code == 404

    rules.set_perm("networks.manage_network", rules.always_deny)
    try:
        assert coordinator.get("/netvaerk/kasserer/koordinator/").status_code == 404
        response = client_for(world, "anonymous").get("/netvaerk/kasserer/koordinator/")
        assert response["Location"].startswith("/konto/login/?next=")
    finally:
        rules.set_perm("networks.manage_network", manages_network)


@pytest.mark.parametrize("role", ROLES)
def test_only_managers_can_approve(world, role):
    pending = world["pending"]

    response = client_for(world, role).post(
        f"/netvaerk/kasserer/koordinator/anmodninger/{pending.pk}/godkend/"
    )

    pending.refresh_from_db()
    allowed = MANAGES[role] == 200
    assert response.status_code == (302 if allowed or role == "anonymous" else 404)
    assert pending.status == (MembershipStatus.ACTIVE if allowed else MembershipStatus.PENDING)


@pytest.mark.parametrize("role", ROLES)
def test_meeting_answers_list_only_for_managers(world, role):
    meeting = world["meeting"]
    Rsvp.objects.create(meeting=meeting, user=world["users"]["member"], answer="yes")

    response = client_for(world, role).get(
        f"/netvaerk/kasserer/koordinator/moeder/{meeting.pk}/svar/"
    )

    assert response.status_code == MANAGES[role]
    if response.status_code == 200:
        assert "Mads Medlem" in response.text


def test_coordinator_cannot_reach_another_networks_meeting_through_their_own(world):
    foreign = MeetingFactory(network__slug="fremmed")
    client = client_for(world, "coordinator")

    response = client.post(
        f"/netvaerk/kasserer/koordinator/moeder/{foreign.pk}/aflys/", {"reason": ""}
    )

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "planned"


def test_members_csv_lists_active_members_and_defuses_formulas(world):
    MembershipFactory(network=world["network"], association="=HYPERLINK(1)")
    response = client_for(world, "coordinator").get("/netvaerk/kasserer/koordinator/medlemmer.csv")

    rows = response.content.decode("utf-8-sig").splitlines()
    assert rows[0] == "Navn;E-mail;Telefon;Forening;Rolle;Medlem siden"
    assert len(rows) == 1 + 3  # coordinator, member and the new one; not the pending request
    assert any(";'=HYPERLINK(1);" in row for row in rows)
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("role", ROLES)
def test_only_managers_can_remove_a_member(world, role, django_capture_on_commit_callbacks):
    member = Membership.objects.get(user=world["users"]["member"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world, role).post(
            f"/netvaerk/kasserer/koordinator/medlemmer/{member.pk}/fjern/"
        )

    member.refresh_from_db()
    allowed = MANAGES[role] == 200
    assert response.status_code == (302 if allowed or role == "anonymous" else 404)
    assert member.status == (MembershipStatus.LEFT if allowed else MembershipStatus.ACTIVE)
    assert [m.to for m in mail.outbox] == ([[member.user.email]] if allowed else [])


def test_a_coordinator_cannot_be_removed_from_the_site(world):
    coordinator = Membership.objects.get(user=world["users"]["coordinator"])

    client_for(world, "staff").post(
        f"/netvaerk/kasserer/koordinator/medlemmer/{coordinator.pk}/fjern/"
    )

    coordinator.refresh_from_db()
    assert coordinator.status == MembershipStatus.ACTIVE
