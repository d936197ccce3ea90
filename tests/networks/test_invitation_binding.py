"""An invitation link joins only the account that has verified the invited address (allauth's
EmailAddress.verified), whether it is the primary address or one added later. Everyone else is
told why, and the invitation stays usable for its owner.

The basics (forwarded link, unconfirmed primary address, the page for someone else) are in
test_services.py and test_views.py."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from core.tokens import hash_token
from networks import services
from networks.models import Invitation, JoinPolicy, Membership, MembershipStatus
from networks.services.invitations import InvitationForSomeoneElse
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

TOKEN = "b" * 43
URL = f"/netvaerk/invitation/{TOKEN}/"


@pytest.fixture
def invitation():
    return Invitation.objects.create(
        network=NetworkFactory(join_policy=JoinPolicy.INVITATION, name="Økonominetværket"),
        email="mette.kasserer@example.org",
        token_hash=hash_token(TOKEN),
        expires_at=timezone.now() + timedelta(days=3),
    )


def test_an_address_added_and_verified_later_owns_the_invitation(invitation):
    person = UserFactory(email="mette@privat.example")
    EmailAddress.objects.create(
        user=person, email="mette.kasserer@example.org", verified=True, primary=False
    )

    membership = services.accept_invitation(TOKEN, person)

    assert membership.status == MembershipStatus.ACTIVE
    invitation.refresh_from_db()
    assert (invitation.status, invitation.accepted_by) == ("accepted", person)


def test_an_address_added_but_not_verified_must_be_confirmed_first(client, invitation):
    person = UserFactory(email="mette@privat.example")
    EmailAddress.objects.create(
        user=person, email="mette.kasserer@example.org", verified=False, primary=False
    )
    client.force_login(person)

    with pytest.raises(InvitationForSomeoneElse, match="Bekræft din e-mailadresse"):
        services.accept_invitation(TOKEN, person)
    page = client.get(URL)

    assert page.status_code == 403
    assert "<h1>Bekræft din e-mailadresse først</h1>" in page.text
    assert 'href="/konto/email/"' in page.text
    assert "Invitationen gælder stadig og venter på dig." in page.text
    assert invitation.status == "open"


def test_someone_else_is_not_told_the_invited_address_and_the_owner_still_joins(client, invitation):
    stranger = UserFactory(email="nabo@example.org")
    client.force_login(stranger)

    page = client.get(URL)
    post = client.post(URL, {"association": ""})
    owner = UserFactory(email="mette.kasserer@example.org")
    client.force_login(owner)
    accepted = client.post(URL, {"association": ""})

    assert (page.status_code, post.status_code, accepted.status_code) == (403, 403, 302)
    assert "<h1>Invitationen er til en anden adresse</h1>" in page.text
    assert "m…@example.org" in page.text
    assert "mette.kasserer" not in page.text
    assert list(Membership.objects.values_list("user", "status")) == [
        (owner.pk, MembershipStatus.ACTIVE)
    ]


def test_a_verified_address_of_another_account_does_not_help_a_third(invitation):
    UserFactory(email="mette.kasserer@example.org")  # the owner, verified
    third = UserFactory(email="tredje@example.org")

    with pytest.raises(InvitationForSomeoneElse, match=r"m…@example\.org"):
        services.accept_invitation(TOKEN, third)

    assert not Membership.objects.exists()
