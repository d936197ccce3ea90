"""Inviting a person without a profile into an association: the link (256 random bits, only
the hash stored) gives the role to the account that has verified the invited address, once,
until it expires or is withdrawn. Someone else 403, withdrawn/expired/used 410, unknown 404."""

import hashlib
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from associations import services
from associations.models import AssociationInvitation, AssociationRole, RoleKind
from associations.services import AssociationError, InvitationForSomeoneElse
from tests.associations.factories import AdminRoleFactory, RoleFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _token_from(message) -> str:
    return message.body.split("/invitation/")[1].split("/")[0]


@pytest.fixture
def chair():
    return AdminRoleFactory(association__name="Høng Boldklub", association__slug="hoeng-bk")


def _invite(chair, capture, email="kasserer@example.org", **kwargs):
    kwargs.setdefault("role", RoleKind.TREASURER)
    with capture(execute=True):
        invitation = services.invite_person(chair.association, email, by=chair.user, **kwargs)
    return invitation, _token_from(mail.outbox[-1])


def test_invite_stores_only_a_hash_and_mails_the_link_in_danish(
    chair, django_capture_on_commit_callbacks
):
    invitation, token = _invite(chair, django_capture_on_commit_callbacks, "Kasserer@Example.org")

    assert invitation.email == "kasserer@example.org"
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    message = mail.outbox[-1]
    assert message.to == ["kasserer@example.org"]
    assert message.subject == "Du er inviteret til Høng Boldklub på Frivilligløft"
    assert "som kasserer" in message.body
    assert f"/foreninger/invitation/{token}/" in message.body


def test_accepting_with_the_verified_address_gives_the_role_once(
    chair, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(
        chair, django_capture_on_commit_callbacks, role=RoleKind.BOARD_MEMBER, is_admin=True
    )
    person = UserFactory(email="kasserer@example.org")

    role = services.accept_invitation(token, person)

    assert (role.association, role.user, role.role, role.is_admin) == (
        chair.association,
        person,
        RoleKind.BOARD_MEMBER,
        True,
    )
    assert AssociationInvitation.objects.get().status == "accepted"
    with pytest.raises(AssociationError, match="allerede brugt"):
        services.accept_invitation(token, person)


def test_an_invitation_for_a_role_the_person_got_meanwhile_just_closes(
    chair, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(chair, django_capture_on_commit_callbacks)
    person = UserFactory(email="kasserer@example.org")
    existing = RoleFactory(association=chair.association, user=person, role=RoleKind.TREASURER)

    assert services.accept_invitation(token, person) == existing
    assert AssociationRole.objects.filter(user=person).count() == 1


def test_someone_else_cannot_accept_and_the_invitation_stays_open(
    chair, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(chair, django_capture_on_commit_callbacks)

    with pytest.raises(InvitationForSomeoneElse, match=r"k…@example\.org"):
        services.accept_invitation(token, UserFactory(email="anden@example.org"))

    assert AssociationInvitation.objects.get().status == "open"
    assert not AssociationRole.objects.filter(role=RoleKind.TREASURER).exists()


def test_an_unconfirmed_address_must_be_confirmed_first(chair, django_capture_on_commit_callbacks):
    _invitation, token = _invite(chair, django_capture_on_commit_callbacks)
    person = UserFactory(email="kasserer@example.org", verified_email=False)

    with pytest.raises(InvitationForSomeoneElse, match="Bekræft"):
        services.accept_invitation(token, person)

    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    assert services.accept_invitation(token, person).role == RoleKind.TREASURER


def test_a_new_invitation_withdraws_the_old_link(chair, django_capture_on_commit_callbacks):
    _first, old = _invite(chair, django_capture_on_commit_callbacks)
    _second, new = _invite(chair, django_capture_on_commit_callbacks)
    person = UserFactory(email="kasserer@example.org")

    with pytest.raises(AssociationError, match="trukket tilbage"):
        services.accept_invitation(old, person)
    assert services.accept_invitation(new, person).role == RoleKind.TREASURER


def test_expired_and_withdrawn_invitations_are_refused(chair, django_capture_on_commit_callbacks):
    invitation, token = _invite(chair, django_capture_on_commit_callbacks)
    person = UserFactory(email="kasserer@example.org")
    AssociationInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    with pytest.raises(AssociationError, match="udløbet"):
        services.accept_invitation(token, person)
    with pytest.raises(AssociationError, match="venter på svar"):
        services.revoke_invitation(invitation, by=chair.user)


@pytest.mark.parametrize(
    ("email", "message"),
    [("ikke-en-adresse", "ikke en gyldig e-mailadresse"), ("a@example.org", None)],
    ids=["bad-address", "not-admin"],
)
def test_only_admins_invite_valid_addresses(chair, email, message):
    actor = chair.user if message else RoleFactory(association=chair.association).user
    with pytest.raises(AssociationError, match=message or "administratorer"):
        services.invite_person(chair.association, email, by=actor, role=RoleKind.TREASURER)
    assert not AssociationInvitation.objects.exists()


def test_a_consultant_invites_and_withdraws(chair, django_capture_on_commit_callbacks):
    consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite_person(
            chair.association, "ny@example.org", by=consultant, role=RoleKind.CHAIR, is_admin=True
        )

    services.revoke_invitation(invitation, by=consultant)

    invitation.refresh_from_db()
    assert invitation.status == "revoked"


def test_add_or_invite_adds_a_person_with_a_profile_and_invites_one_without(chair):
    person = UserFactory(email="har.profil@example.org")

    added = services.add_or_invite_person(
        chair.association, "har.profil@example.org", by=chair.user, role=RoleKind.TREASURER
    )
    invited = services.add_or_invite_person(
        chair.association, "ny@example.org", by=chair.user, role=RoleKind.TREASURER
    )

    assert (type(added), added.user) == (AssociationRole, person)
    assert (type(invited), invited.email) == (AssociationInvitation, "ny@example.org")


# --- The pages ---------------------------------------------------------------------------


def test_people_page_invites_lists_and_withdraws(client, chair, django_capture_on_commit_callbacks):
    client.force_login(chair.user)
    url = "/mine-sider/foreninger/hoeng-bk/personer/"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"email": "ny.kasserer@example.org", "role": RoleKind.TREASURER}, follow=True
        )

    assert "ny.kasserer@example.org har ikke en profil på Frivilligløft endnu" in response.text
    assert "Invitationer, der venter på svar" in response.text
    invitation = AssociationInvitation.objects.get()
    response = client.post(
        f"/mine-sider/foreninger/hoeng-bk/invitationer/{invitation.pk}/tilbagekald/", follow=True
    )
    assert "Invitationen til ny.kasserer@example.org er trukket tilbage." in response.text
    token = _token_from(mail.outbox[-1])
    assert client.get(f"/foreninger/invitation/{token}/").status_code == 410


def test_another_associations_admin_cannot_withdraw(client, chair):
    invitation = services.invite_person(
        chair.association, "ny@example.org", by=chair.user, role=RoleKind.TREASURER
    )
    other = AdminRoleFactory()
    client.force_login(other.user)
    response = client.post(
        f"/mine-sider/foreninger/{chair.association.slug}/invitationer/{invitation.pk}/tilbagekald/"
    )
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == "open"


def test_invitation_page_anonymous_then_owner_accepts(
    client, chair, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(chair, django_capture_on_commit_callbacks)
    url = f"/foreninger/invitation/{token}/"

    response = client.get(url)
    assert response.status_code == 200
    assert "Du er inviteret til Høng Boldklub" in response.text
    assert "Opret en profil" in response.text

    client.force_login(UserFactory(email="kasserer@example.org"))
    response = client.post(url, follow=True)
    assert "Velkommen til Høng Boldklub. Du har nu rollen kasserer." in response.text
    assert client.get(url).status_code == 410


def test_invitation_page_someone_else_403_unknown_404_english(
    client, chair, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(chair, django_capture_on_commit_callbacks)
    client.force_login(UserFactory(email="anden@example.org"))

    response = client.post(f"/foreninger/invitation/{token}/")
    assert response.status_code == 403
    assert "Invitationen er til en anden adresse" in response.text
    assert AssociationInvitation.objects.get().status == "open"

    response = client.get(f"/en/foreninger/invitation/{'x' * 43}/")
    assert response.status_code == 404
    assert "The invitation link is not valid" in response.text


@pytest.mark.indexes
def test_consultant_adds_a_person_without_profile_in_the_admin(
    client, chair, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(roles=[Role.VOLUNTEER_CONSULTANT]))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/foreninger/personer/new/",
            {
                "association": chair.association.pk,
                "email": "ny.formand@example.org",
                "role": RoleKind.CHAIR,
                "is_admin": "on",
            },
            follow=True,
        )

    assert response.status_code == 200
    assert "ny.formand@example.org har ikke en profil" in response.text
    assert "ny.formand@example.org" in mail.outbox[-1].to
    invitation = AssociationInvitation.objects.get()
    assert (invitation.role, invitation.is_admin) == (RoleKind.CHAIR, True)

    response = client.post(f"/admin/foreninger/invitationer/delete/{invitation.pk}/", follow=True)
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == "revoked"
