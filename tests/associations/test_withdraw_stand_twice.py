"""Withdrawing a fair stand twice (Back after withdrawing and the button again, a second POST)
leaves the stand withdrawn: the repeated request never registers it anew."""

import pytest

from associations.models import FairStand
from tests.associations.factories import AdminRoleFactory, FairFactory

pytestmark = pytest.mark.django_db

URL = "/mine-sider/foreninger/min/frivilligmesse/messe/"


def test_a_second_withdrawal_does_not_register_the_stand_again(client):
    role = AdminRoleFactory(association__slug="min")
    client.force_login(role.user)
    FairFactory(slug="messe")
    client.post(URL, {"offer": "Kom og prøv petanque"})
    assert FairStand.objects.count() == 1
    withdrawal = {"offer": "Kom og prøv petanque", "withdraw": "1"}

    client.post(URL, withdrawal)
    response = client.post(URL, withdrawal, follow=True)

    assert not FairStand.objects.exists()
    assert response.status_code == 200
    assert (
        "Foreningen har ingen stand på denne messe, så der er intet at framelde." in response.text
    )
