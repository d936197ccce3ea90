import pytest

from accounts.roles import Role
from tests.associations.factories import AssociationFactory, FairFactory, StandFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultant_client(client):
    client.force_login(UserFactory(roles=[Role.VOLUNTEER_CONSULTANT]))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/foreninger/",
        "/admin/foreninger/kategorier/",
        "/admin/frivilligmesser/",
        "/admin/frivilligmesser/stande/",
    ],
    ids=["associations", "categories", "fairs", "stands"],
)
def test_consultant_sees_the_associations_admin(consultant_client, path):
    StandFactory()
    assert consultant_client.get(path).status_code == 200


def test_consultant_verifies_and_hides_an_association(consultant_client):
    association = AssociationFactory(name="Ubby Idrætsforening", town="Ubby")
    response = consultant_client.post(
        f"/admin/foreninger/edit/{association.pk}/",
        {
            "name": association.name,
            "slug": association.slug,
            "summary": "",
            "description": "",
            "town": "Ubby",
            "address": "",
            "cvr": "29189846",
            "website": "",
            "email": "",
            "phone": "",
            "mark_verified": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    association.refresh_from_db()
    assert (association.verified_by_staff, association.is_public) == (True, False)
    assert association.verified_at is not None


def test_admin_rejects_invalid_cvr(consultant_client):
    association = AssociationFactory()
    response = consultant_client.post(
        f"/admin/foreninger/edit/{association.pk}/",
        {"name": association.name, "slug": association.slug, "town": "Høng", "cvr": "11111111"},
    )
    assert response.status_code == 200
    assert "cvr" in response.context["form"].errors


def test_stand_list_csv_for_staff(consultant_client):
    fair = FairFactory(slug="messe-2026")
    StandFactory(fair=fair, association=AssociationFactory(name="=Farlig"), offer="Kaffe")

    response = consultant_client.get(f"/admin/frivilligmesser/{fair.pk}/stande.csv")

    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "'=Farlig;Høng;Kaffe" in text


def test_stand_list_csv_refused_for_editor(client):
    client.force_login(UserFactory(roles=[Role.EDITOR]))
    fair = FairFactory()
    response = client.get(f"/admin/frivilligmesser/{fair.pk}/stande.csv")
    assert response.status_code in (302, 403)


def test_stand_list_csv_refused_for_non_staff(client):
    client.force_login(UserFactory())
    fair = FairFactory()
    response = client.get(f"/admin/frivilligmesser/{fair.pk}/stande.csv")
    assert response.status_code == 302
