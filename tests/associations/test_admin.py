import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from accounts.roles import Role
from associations.models import AssociationRole, RoleKind
from tests.associations.factories import (
    AdminRoleFactory,
    AssociationFactory,
    FairFactory,
    RoleFactory,
    StandFactory,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/admin/foreninger/",
        "/admin/foreninger/kategorier/",
        "/admin/frivilligmesser/",
        "/admin/frivilligmesser/stande/",
        "/admin/foreninger/personer/",
        "/admin/foreninger/personer/new/",
    ],
    ids=["associations", "categories", "fairs", "stands", "people", "add-person"],
)
def test_consultant_sees_the_associations_admin(consultant_client, path):
    StandFactory()
    AdminRoleFactory()
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


@pytest.mark.indexes
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


# --- People: staff step in when an association has lost its admins ------------------------


def test_consultant_makes_someone_admin_of_an_association_without_one(consultant_client):
    association = AssociationFactory(name="Gørlev Spejderne")
    UserFactory(email="ny.formand@example.org", full_name="Ny Formand")

    response = consultant_client.post(
        "/admin/foreninger/personer/new/",
        {
            "association": association.pk,
            "email": " NY.FORMAND@example.org ",
            "role": RoleKind.CHAIR,
            "is_admin": "on",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    role = AssociationRole.objects.get(association=association)
    assert (role.user.email, role.role, role.is_admin) == (
        "ny.formand@example.org",
        RoleKind.CHAIR,
        True,
    )
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(role.pk)).exists()


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("ikke en adresse", "Indtast en gyldig e-mail-adresse."),
        ("allerede@example.org", "Personen har allerede denne rolle i foreningen."),
    ],
    ids=["bad-address", "already-there"],
)
def test_adding_a_person_explains_what_is_wrong(consultant_client, email, message):
    association = AssociationFactory()
    RoleFactory(
        association=association,
        user=UserFactory(email="allerede@example.org"),
        role=RoleKind.VOLUNTEER_LEADER,
    )

    response = consultant_client.post(
        "/admin/foreninger/personer/new/",
        {"association": association.pk, "email": email, "role": RoleKind.VOLUNTEER_LEADER},
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert AssociationRole.objects.filter(association=association).count() == 1


@pytest.mark.indexes
def test_consultant_cannot_take_the_admin_right_from_the_last_admin(consultant_client):
    role = AdminRoleFactory(role=RoleKind.CHAIR)

    response = consultant_client.post(
        f"/admin/foreninger/personer/edit/{role.pk}/", {"role": RoleKind.CHAIR}
    )

    assert response.status_code == 200
    assert "Foreningen skal have mindst én administrator." in response.content.decode()
    role.refresh_from_db()
    assert role.is_admin is True


@pytest.mark.indexes
def test_consultant_changes_a_role_and_removes_someone_who_left(consultant_client):
    admin = AdminRoleFactory(role=RoleKind.CHAIR)
    treasurer = RoleFactory(association=admin.association, role=RoleKind.VOLUNTEER_LEADER)

    changed = consultant_client.post(
        f"/admin/foreninger/personer/edit/{treasurer.pk}/",
        {"role": RoleKind.BOARD_MEMBER, "is_admin": "on"},
    )
    removed = consultant_client.post(f"/admin/foreninger/personer/delete/{admin.pk}/")

    assert (changed.status_code, removed.status_code) == (302, 302)
    treasurer.refresh_from_db()
    assert (treasurer.role, treasurer.is_admin) == (RoleKind.BOARD_MEMBER, True)
    assert not AssociationRole.objects.filter(pk=admin.pk).exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(admin.pk)).exists()


@pytest.mark.indexes
def test_removing_the_last_admin_is_refused_and_not_logged(consultant_client):
    role = AdminRoleFactory()

    response = consultant_client.post(f"/admin/foreninger/personer/delete/{role.pk}/", follow=True)

    assert AssociationRole.objects.filter(pk=role.pk).exists()
    assert "Foreningen skal have mindst én administrator." in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="wagtail.delete").exists()


@pytest.mark.parametrize("role", [Role.EDITOR, None], ids=["editor", "volunteer"])
def test_people_admin_is_staff_only(client, role):
    client.force_login(UserFactory(roles=[role] if role else []))

    response = client.get("/admin/foreninger/personer/")

    assert response.status_code in (302, 403)


def test_association_list_links_to_its_people(consultant_client):
    mine = AdminRoleFactory(user=UserFactory(full_name="Karen Formandsen"))
    AdminRoleFactory(user=UserFactory(full_name="Anden Forening-Person"))

    listing = consultant_client.get("/admin/foreninger/").content.decode()
    people = consultant_client.get(
        "/admin/foreninger/personer/", {"association": mine.association.pk}
    ).content.decode()

    assert f"/admin/foreninger/personer/?association={mine.association.pk}" in listing
    assert "Karen Formandsen" in people
    assert "Anden Forening-Person" not in people


def test_adding_from_an_associations_people_list_preselects_it(consultant_client):
    role = AdminRoleFactory()
    pk = role.association.pk

    listing = consultant_client.get("/admin/foreninger/personer/", {"association": pk})
    form = consultant_client.get("/admin/foreninger/personer/new/", {"association": pk})

    assert f"/admin/foreninger/personer/new/?association={pk}" in listing.content.decode()
    assert form.context["form"]["association"].value() == pk


def test_people_list_query_count_does_not_grow_with_people(consultant_client):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert consultant_client.get("/admin/foreninger/personer/").status_code == 200
        return len(queries)

    AdminRoleFactory()
    consultant_client.get("/admin/foreninger/personer/")  # warm the per-request caches
    few = count_queries()
    for _ in range(5):
        AdminRoleFactory()

    assert count_queries() == few
