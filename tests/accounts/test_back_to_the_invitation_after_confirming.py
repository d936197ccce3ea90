"""Someone opens an invitation (association or network) with an account whose address is not
confirmed yet: the page asks them to confirm it first, and the confirmation link from the email,
opened in the same browser, brings them back to the invitation instead of to Mine sider."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.utils import timezone

from core.tokens import hash_token
from networks.models import Invitation, JoinPolicy
from tests.associations.factories import AdminRoleFactory
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

TOKEN = "c" * 43


def _unconfirmed(client, email):
    person = UserFactory(email="mette@privat.example")
    address = EmailAddress.objects.create(user=person, email=email, verified=False, primary=False)
    client.force_login(person)
    return address


def _confirm(client, address):
    key = EmailConfirmationHMAC(address).key
    return client.post(f"/konto/confirm-email/{key}/")


def test_confirming_the_address_returns_to_the_network_invitation(client):
    Invitation.objects.create(
        network=NetworkFactory(join_policy=JoinPolicy.INVITATION),
        email="mette.kasserer@example.org",
        token_hash=hash_token(TOKEN),
        expires_at=timezone.now() + timedelta(days=3),
    )
    address = _unconfirmed(client, "mette.kasserer@example.org")
    url = f"/netvaerk/invitation/{TOKEN}/"
    assert client.get(url).status_code == 403

    response = _confirm(client, address)

    assert response.status_code == 302
    assert response["Location"] == url
    assert client.get(url).status_code == 200


def test_confirming_the_address_returns_to_the_association_invitation(
    client, django_capture_on_commit_callbacks
):
    from django.core import mail

    from associations import services

    chair = AdminRoleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_person(
            chair.association, "mette.kasserer@example.org", by=chair.user, role="treasurer"
        )
    token = mail.outbox[-1].body.split("/invitation/")[1].split("/")[0]
    address = _unconfirmed(client, "mette.kasserer@example.org")
    url = f"/en/foreninger/invitation/{token}/"
    assert client.get(url).status_code == 403

    response = _confirm(client, address)

    assert response["Location"] == url


def test_without_an_invitation_waiting_confirming_goes_to_mine_sider_as_before(client):
    address = _unconfirmed(client, "mette.kasserer@example.org")

    response = _confirm(client, address)

    assert response["Location"] == "/mine-sider/"
