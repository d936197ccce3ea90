"""The schools admin lists search in the database, whatever the site search indexes."""

import pytest

from accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/skoler/praktik/", "/admin/skoler/temauger/"])
def test_the_schools_admin_lists_answer_a_search(client, path):
    client.force_login(UserFactory(roles=[Role.VOLUNTEER_CONSULTANT], is_staff=True))

    response = client.get(f"{path}results/", {"q": "Årø \u202eabc"})

    assert response.status_code == 200
