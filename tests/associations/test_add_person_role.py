"""Adding a person to an association chooses no role beforehand: an admin who overlooks the
field must not make someone chair ("Formand", the first role). An empty role is refused with
a message in the reader's language, and nothing is added or sent."""

from html import unescape

import pytest

from associations.models import AssociationInvitation, AssociationRole, RoleKind
from tests.associations.factories import AdminRoleFactory, AssociationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PEOPLE = "/mine-sider/foreninger/min/personer/"


@pytest.fixture
def admin_client(client):
    role = AdminRoleFactory(association__slug="min", role=RoleKind.TREASURER)
    client.force_login(role.user)
    client.role = role
    return client


@pytest.mark.parametrize(("prefix", "blank"), [("", "Vælg en rolle"), ("/en", "Choose a role")])
def test_the_add_form_starts_without_a_role(admin_client, prefix, blank):
    response = admin_client.get(prefix + PEOPLE)

    assert response.status_code == 200
    form = response.context["form"]
    assert form["role"].value() is None
    assert form.fields["role"].choices[0] == ("", blank)
    assert f'<option value="" selected>{blank}</option>' in response.text


@pytest.mark.parametrize(
    ("prefix", "message"), [("", "Vælg personens rolle."), ("/en", "Choose the person's role.")]
)
def test_adding_without_a_role_is_refused(admin_client, prefix, message):
    UserFactory(email="ny@example.org")

    response = admin_client.post(
        prefix + PEOPLE, {"email": "ny@example.org", "role": "", "is_admin": "on"}
    )
    no_field = admin_client.post(prefix + PEOPLE, {"email": "ukendt@example.org"})

    assert (response.status_code, no_field.status_code) == (400, 400)
    assert message in unescape(response.text)
    assert message in unescape(no_field.text)
    assert list(AssociationRole.objects.all()) == [admin_client.role]
    assert not AssociationInvitation.objects.exists()


def test_the_admins_add_form_starts_without_a_role_too(consultant_client):
    response = consultant_client.get("/admin/foreninger/personer/new/")

    assert response.status_code == 200
    form = response.context["form"]
    assert form["role"].value() is None
    assert form.fields["role"].choices[0][0] == ""

    refused = consultant_client.post(
        "/admin/foreninger/personer/new/",
        {"association": AssociationFactory().pk, "email": "ny@example.org", "role": ""},
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors["role"]
    assert not AssociationRole.objects.exists()
    assert not AssociationInvitation.objects.exists()
