"""Joining, leaving and answering meetings through the network pages, and the invitation page."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from core.tokens import hash_token
from networks.models import (
    Invitation,
    JoinPolicy,
    Membership,
    MembershipStatus,
    Rsvp,
)
from tests.factories import UserFactory
from tests.networks.factories import (
    NetworkFactory,
)
from tests.networks.helpers import client_for

pytestmark = pytest.mark.django_db


def test_join_approval_network_via_form(world, django_capture_on_commit_callbacks):
    user = world["users"]["non_member"]
    client = client_for(world, "non_member")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/netvaerk/kasserer/bliv-medlem/",
            {
                "association": "Roklubben",
                "request_message": "Ny kasserer",
                "show_name_to_members": "on",
            },
        )

    assert response.status_code == 302
    membership = Membership.objects.get(user=user)
    assert (membership.status, membership.show_name_to_members) == (MembershipStatus.PENDING, True)
    assert [m.to for m in mail.outbox] == [[world["users"]["coordinator"].email]]


def test_join_invitation_network_page_is_refused_with_403():
    network = NetworkFactory(join_policy=JoinPolicy.INVITATION)
    client = Client()
    client.force_login(UserFactory())

    response = client.post(f"/netvaerk/{network.slug}/bliv-medlem/", {"association": ""})

    assert response.status_code == 403
    assert "kun for inviterede" in response.text
    assert not Membership.objects.exists()


@pytest.mark.parametrize(
    ("prefix", "message"),
    [("", "Skriv højst 150 tegn."), ("/en", "Write at most 150 characters.")],
    ids=["danish", "english"],
)
def test_join_with_too_long_association_is_400_in_the_users_language(world, prefix, message):
    client = client_for(world, "non_member")

    response = client.post(f"{prefix}/netvaerk/kasserer/bliv-medlem/", {"association": "x" * 200})

    assert response.status_code == 400
    assert message in response.text
    assert not Membership.objects.filter(user=world["users"]["non_member"]).exists()


def test_rsvp_via_page_and_bad_answer_is_400(world):
    meeting = world["meeting"]
    client = client_for(world, "member")

    ok = client.post(f"/netvaerk/kasserer/moeder/{meeting.pk}/svar/", {"answer": "yes"})
    bad = client.post(f"/netvaerk/kasserer/moeder/{meeting.pk}/svar/", {"answer": "kanske"})

    assert ok.status_code == 302
    assert bad.status_code == 400
    assert "Vælg kommer, kommer ikke eller måske." in bad.text
    assert list(Rsvp.objects.values_list("answer", flat=True)) == ["yes"]


@pytest.mark.parametrize("role", ["non_member", "pending", "other_coordinator"])
def test_rsvp_by_non_member_is_403(world, role):
    meeting = world["meeting"]

    response = client_for(world, role).post(
        f"/netvaerk/kasserer/moeder/{meeting.pk}/svar/", {"answer": "yes"}
    )

    assert response.status_code == 403
    assert not Rsvp.objects.exists()


def test_full_meeting_answer_is_409_with_explanation(world):
    meeting = world["meeting"]
    meeting.capacity = 1
    meeting.save()
    Rsvp.objects.create(meeting=meeting, user=world["users"]["coordinator"], answer="yes")

    response = client_for(world, "member").post(
        f"/en/netvaerk/kasserer/moeder/{meeting.pk}/svar/", {"answer": "yes"}
    )

    assert response.status_code == 409
    assert "The meeting is full" in response.text


def test_leave_needs_post(world):
    client = client_for(world, "member")

    assert client.get("/netvaerk/kasserer/forlad/").status_code == 200
    assert Membership.objects.get(user=world["users"]["member"]).status == MembershipStatus.ACTIVE
    assert client.post("/netvaerk/kasserer/forlad/").status_code == 302
    assert Membership.objects.get(user=world["users"]["member"]).status == MembershipStatus.LEFT


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/mine-sider/netvaerk/", "/mine-sider/netvaerk/"),
        ("abc", "/netvaerk/kasserer/"),
        ("2026-13-45", "/netvaerk/kasserer/"),
        ("//evil.example/", "/netvaerk/kasserer/"),
        ("https://evil.example/", "/netvaerk/kasserer/"),
    ],
    ids=["own-path", "word", "date", "other-host", "absolute"],
)
def test_leave_follows_next_only_to_a_path_on_this_site(world, next_url, expected):
    # "abc" was taken for a URL name by redirect(): NoReverseMatch, a 500 (found by the fuzz
    # test).
    client = client_for(world, "member")

    response = client.post("/netvaerk/kasserer/forlad/", {"next": next_url})

    assert (response.status_code, response["Location"]) == (302, expected)
    assert Membership.objects.get(user=world["users"]["member"]).status == MembershipStatus.LEFT


@pytest.mark.parametrize(
    "path",
    [
        "/netvaerk/kasserer/bliv-medlem/",
        "/netvaerk/kasserer/forlad/",
        "/netvaerk/kasserer/koordinator/besked/",
    ],
    ids=["join", "leave", "message"],
)
def test_state_changes_need_the_csrf_token(world, path):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["users"]["coordinator"])

    response = client.post(path, {"subject": "x", "body": "y"})

    assert response.status_code == 403


def test_answer_and_approve_refuse_get(world):
    meeting = world["meeting"]
    client = client_for(world, "coordinator")

    assert client.get(f"/netvaerk/kasserer/moeder/{meeting.pk}/svar/").status_code == 405
    assert (
        client.get(
            f"/netvaerk/kasserer/koordinator/anmodninger/{world['pending'].pk}/godkend/"
        ).status_code
        == 405
    )


def _invitation(network, token="a" * 43, **kwargs):
    return Invitation.objects.create(
        network=network,
        email="ny@example.org",
        token_hash=hash_token(token),
        expires_at=kwargs.pop("expires_at", timezone.now() + timedelta(days=3)),
        **kwargs,
    )


def test_invitation_page_accepts_for_a_logged_in_person(world):
    network = NetworkFactory(join_policy=JoinPolicy.INVITATION, slug="lukket")
    _invitation(network)
    user = UserFactory(email="ny@example.org")
    client = Client()

    anonymous = client.get("/netvaerk/invitation/" + "a" * 43 + "/")
    client.force_login(user)
    accepted = client.post("/netvaerk/invitation/" + "a" * 43 + "/", {"association": ""})

    assert anonymous.status_code == 200
    assert "Log ind" in anonymous.text
    assert accepted.status_code == 302
    assert Membership.objects.get(user=user, network=network).status == MembershipStatus.ACTIVE


def test_someone_else_with_the_link_is_told_and_the_invitation_stays_open(world):
    network = NetworkFactory(join_policy=JoinPolicy.INVITATION, slug="lukket")
    invitation = _invitation(network)
    client = Client()
    client.force_login(UserFactory(email="nabo@example.org"))

    page = client.get("/netvaerk/invitation/" + "a" * 43 + "/")
    post = client.post("/netvaerk/invitation/" + "a" * 43 + "/", {"association": ""})

    assert (page.status_code, post.status_code) == (403, 403)
    assert "n…@example.org" in page.text
    assert "ny@example.org" not in page.text
    assert "Invitationen gælder stadig" in page.text
    invitation.refresh_from_db()
    assert invitation.status == "open"
    assert not Membership.objects.filter(network=network).exists()


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"expires_at": timezone.now() - timedelta(days=1)}, 410),
        ({"revoked_at": timezone.now()}, 410),
    ],
    ids=["expired", "withdrawn"],
)
def test_used_invitation_page_is_410(world, kwargs, status):
    _invitation(world["network"], **kwargs)

    response = Client().get("/netvaerk/invitation/" + "a" * 43 + "/")

    assert response.status_code == status


def test_unknown_invitation_is_404():
    assert Client().get("/netvaerk/invitation/nope/").status_code == 404
