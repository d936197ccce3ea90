import json
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.roles import Role
from networks.models import (
    Invitation,
    JoinPolicy,
    Membership,
    MembershipStatus,
    NetworkMeeting,
    Rsvp,
    SparringStatus,
)
from networks.services.invitations import hash_token
from tests.factories import UserFactory
from tests.networks.factories import (
    CoordinatorFactory,
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    SparringRequestFactory,
)

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "non_member",
    "pending",
    "member",
    "coordinator",
    "other_coordinator",
    "staff",
]


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


def client_for(world, role) -> Client:
    client = Client()
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    return client


# --- Access matrix ------------------------------------------------------------------------

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


# --- Joining, leaving, answering through the pages ------------------------------------------


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


# --- Coordinator tools --------------------------------------------------------------------


def test_plan_meeting_with_end_before_start_is_400(world):
    client = client_for(world, "coordinator")

    response = client.post(
        "/netvaerk/kasserer/koordinator/moeder/nyt/",
        {
            "title": "Budget",
            "starts_at": "2031-05-01T19:00",
            "ends_at": "2031-05-01T18:00",
            "place_name": "Biblioteket",
        },
    )

    assert response.status_code == 400
    assert "Mødet skal slutte, efter det begynder." in response.text
    assert NetworkMeeting.objects.filter(title="Budget").count() == 0


def test_plan_and_change_meeting_in_danish_time(world, django_capture_on_commit_callbacks):
    client = client_for(world, "coordinator")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/netvaerk/kasserer/koordinator/moeder/nyt/",
            {
                "title": "Budget",
                "starts_at": "2031-05-01T19:00",
                "ends_at": "2031-05-01T21:00",
                "place_name": "Biblioteket",
            },
        )
    meeting = NetworkMeeting.objects.get(title="Budget")
    assert meeting.starts_at.isoformat() == "2031-05-01T17:00:00+00:00"
    assert len(mail.outbox) == 2  # coordinator and member; not the pending request

    response = client.post(
        f"/netvaerk/kasserer/koordinator/moeder/{meeting.pk}/ret/",
        {
            "title": "Budget",
            "starts_at": "2031-05-02T19:00",
            "ends_at": "2031-05-02T21:00",
            "place_name": "Biblioteket",
        },
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.starts_at.day, meeting.sequence) == (2, 1)


def test_invite_page_sends_links_and_rejects_bad_addresses(
    world, django_capture_on_commit_callbacks
):
    client = client_for(world, "coordinator")

    bad = client.post("/netvaerk/kasserer/koordinator/inviter/", {"emails": "a@example.org, nej"})
    with django_capture_on_commit_callbacks(execute=True):
        good = client.post(
            "/netvaerk/kasserer/koordinator/inviter/", {"emails": "a@example.org\nb@example.org"}
        )

    assert bad.status_code == 400
    assert "“nej” er ikke en gyldig e-mailadresse." in bad.text
    assert good.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]


def test_message_to_members(world, django_capture_on_commit_callbacks):
    client = client_for(world, "coordinator")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/netvaerk/kasserer/koordinator/besked/", {"subject": "Kage", "body": "Husk kage."}
        )

    assert response.status_code == 302
    network = world["network"].name
    assert [m.subject for m in mail.outbox] == [f"[{network}] Kage"] * 2


# --- Invitation page ----------------------------------------------------------------------


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


# --- List and filters ---------------------------------------------------------------------


def test_list_hides_unlisted_networks_and_filters_by_audience():
    NetworkFactory(name="Alfanetværket", audience="board")
    NetworkFactory(name="Betanetværket", is_listed=False)
    NetworkFactory(name="Gammanetværket", audience="leaders")

    everything = Client().get("/netvaerk/")
    boards = Client().get("/netvaerk/?audience=board")

    assert "Alfanetværket" in everything.text
    assert "Gammanetværket" in everything.text
    assert "Betanetværket" not in everything.text
    assert "Alfanetværket" in boards.text
    assert "Gammanetværket" not in boards.text


def test_list_with_unknown_filter_value_is_400():
    response = Client().get("/netvaerk/?audience=astronauts")

    assert response.status_code == 400
    assert "Ingen netværk passer til dine filtre." in response.text


def test_list_htmx_returns_only_the_results():
    NetworkFactory(name="Synlig")

    response = Client().get("/netvaerk/", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="network-results"' in response.text


# --- Query counts -------------------------------------------------------------------------


def _networks(count):
    for _ in range(count):
        membership = MembershipFactory()
        MeetingFactory(network=membership.network)
        membership.network.topics.create(name=f"Emne {membership.pk}", slug=f"emne-{membership.pk}")


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_list_query_count_is_constant_for_a_logged_in_person(
    client, django_assert_num_queries, count
):
    _networks(count)
    user = UserFactory()
    client.force_login(user)

    with django_assert_num_queries(16):
        response = client.get("/netvaerk/")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_list_query_count_is_constant_for_anonymous(client, django_assert_num_queries, count):
    _networks(count)

    with django_assert_num_queries(12):
        client.get("/netvaerk/")


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_network_page_query_count_is_constant(client, django_assert_num_queries, count):
    coordinator = CoordinatorFactory(network__slug="maalt")
    network = coordinator.network
    for _ in range(count):
        member = MembershipFactory(network=network, show_name_to_members=True)
        meeting = MeetingFactory(network=network)
        Rsvp.objects.create(meeting=meeting, user=member.user, answer="yes")
        MeetingFactory(network=network, starts_at=timezone.now() - timedelta(days=5), notes="N")
    client.force_login(member.user)

    with django_assert_num_queries(18):
        response = client.get("/netvaerk/maalt/")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_mine_netvaerk_query_count_is_constant(client, django_assert_num_queries, count):
    user = UserFactory()
    for _ in range(count):
        membership = MembershipFactory(user=user)
        meeting = MeetingFactory(network=membership.network)
        Rsvp.objects.create(meeting=meeting, user=user, answer="maybe")
        SparringRequestFactory(requester=user)
    client.force_login(user)

    with django_assert_num_queries(14):
        response = client.get("/mine-sider/netvaerk/")

    assert response.status_code == 200


# --- Mine sider and sparring --------------------------------------------------------------


def test_mine_netvaerk_requires_login():
    response = Client().get("/mine-sider/netvaerk/")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_someone_elses_sparring_request_is_404():
    request = SparringRequestFactory()
    client = Client()
    client.force_login(UserFactory())

    assert client.get(f"/mine-sider/netvaerk/sparring/{request.pk}/").status_code == 404
    assert client.post(f"/mine-sider/netvaerk/sparring/{request.pk}/luk/").status_code == 404
    request.refresh_from_db()
    assert request.status == SparringStatus.NEW


def test_sparring_form_creates_request_and_requester_follows_it(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    client = Client()
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/netvaerk/sparring/",
            {
                "subject": "Generalforsamling",
                "description": "Hvordan indkalder vi?",
                "contact_method": "email",
            },
        )

    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert "Hvordan indkalder vi?" in detail.text
    assert [m.to for m in mail.outbox] == [[user.email]]


def test_sparring_form_phone_without_number_is_400():
    client = Client()
    client.force_login(UserFactory())

    response = client.post(
        "/netvaerk/sparring/",
        {"subject": "X", "description": "Y", "contact_method": "phone"},
    )

    assert response.status_code == 400
    assert "Skriv det telefonnummer, vi skal ringe til." in response.text


def test_personal_data_export_contains_networks(world):
    client = client_for(world, "member")

    data = json.loads(client.get("/mine-sider/dine-data/eksport.json").content)

    assert [m["status"] for m in data["networks"]["memberships"]] == ["active"]


def test_dashboard_shows_next_meeting(world):
    response = client_for(world, "member").get("/mine-sider/")

    assert world["meeting"].title in response.text


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
