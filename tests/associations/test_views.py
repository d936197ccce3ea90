"""Mine sider › Mine foreninger: who may open the admin pages and what the forms do (the
public pages are in test_public_views.py)."""

import datetime

import pytest
from django.utils import timezone

from associations.models import (
    Activity,
    AssociationRole,
    BoardCompetenceNeed,
    ChildRecordDeclaration,
    FairStand,
    RoleKind,
    Venue,
)
from tests.associations.factories import (
    ActivityFactory,
    AdminRoleFactory,
    AssociationFactory,
    FairFactory,
    NeedFactory,
    RoleFactory,
    VenueFactory,
)
from tests.courses.factories import TopicFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# --- Access matrix for the admin pages ----------------------------------------------------

ADMIN_URLS = [
    ("get", "/mine-sider/foreninger/{slug}/"),
    ("get", "/mine-sider/foreninger/{slug}/rediger/"),
    ("get", "/mine-sider/foreninger/{slug}/personer/"),
    ("post", "/mine-sider/foreninger/{slug}/personer/{role}/"),
    ("post", "/mine-sider/foreninger/{slug}/personer/{role}/fjern/"),
    ("get", "/mine-sider/foreninger/{slug}/lokaliteter/ny/"),
    ("get", "/mine-sider/foreninger/{slug}/lokaliteter/{venue}/"),
    ("post", "/mine-sider/foreninger/{slug}/lokaliteter/{venue}/slet/"),
    ("get", "/mine-sider/foreninger/{slug}/aktiviteter/ny/"),
    ("get", "/mine-sider/foreninger/{slug}/aktiviteter/{activity}/"),
    ("post", "/mine-sider/foreninger/{slug}/aktiviteter/{activity}/slet/"),
    ("post", "/mine-sider/foreninger/{slug}/boerneattester/"),
    ("post", "/mine-sider/foreninger/{slug}/kompetencer/{need}/fjern/"),
    ("get", "/mine-sider/foreninger/{slug}/frivilligmesse/{fair}/"),
]
WHO = ["anonymous", "stranger", "volunteer", "admin_of_other", "staff", "admin"]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("method", "url"), ADMIN_URLS, ids=[u for _, u in ADMIN_URLS])
def test_admin_pages_access_matrix(client, who, method, url):
    association = AssociationFactory(slug="egen")
    admin = AdminRoleFactory(association=association)
    member = RoleFactory(association=association, role=RoleKind.VOLUNTEER_LEADER)
    venue = VenueFactory(association=association)
    activity = ActivityFactory(association=association)
    need = NeedFactory(association=association, topic=TopicFactory())
    fair = FairFactory(slug="messe")
    users = {
        "stranger": UserFactory(),
        "volunteer": UserFactory(),
        "admin_of_other": AdminRoleFactory().user,
        "staff": UserFactory(is_staff=True, is_superuser=True),
        "admin": admin.user,
    }
    RoleFactory(association=association, user=users["volunteer"], role=RoleKind.BOARD_MEMBER)
    if who != "anonymous":
        client.force_login(users[who])
    path = url.format(
        slug="egen",
        role=member.pk,
        venue=venue.pk,
        activity=activity.pk,
        need=need.pk,
        fair=fair.slug,
    )

    response = getattr(client, method)(path)

    if who == "anonymous":
        assert response.status_code == 302
        assert "/konto/login/" in response["Location"]
    elif who == "admin":
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 404
        # Nothing changed.
        assert AssociationRole.objects.filter(pk=member.pk).exists()
        assert Venue.objects.filter(pk=venue.pk).exists()
        assert Activity.objects.filter(pk=activity.pk).exists()
        assert BoardCompetenceNeed.objects.filter(pk=need.pk).exists()
        assert not ChildRecordDeclaration.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("stranger", 404),
        ("volunteer_leader", 404),
        ("board_member", 200),
        ("admin", 200),
        ("staff", 404),
    ],
)
def test_competence_overview_access(client, who, status):
    association = AssociationFactory(slug="bestyrelse")
    AdminRoleFactory(association=association, user=UserFactory(email="admin@example.org"))
    users = {
        "stranger": UserFactory(),
        "volunteer_leader": RoleFactory(
            association=association, role=RoleKind.VOLUNTEER_LEADER
        ).user,
        "board_member": RoleFactory(association=association, role=RoleKind.BOARD_MEMBER).user,
        "admin": UserFactory.__self__ if False else None,
        "staff": UserFactory(is_staff=True),
    }
    users["admin"] = AssociationRole.objects.get(is_admin=True).user
    client.force_login(users[who])
    assert client.get("/mine-sider/foreninger/bestyrelse/kompetencer/").status_code == status


def test_board_member_cannot_add_needs(client):
    association = AssociationFactory(slug="b")
    member = RoleFactory(association=association, role=RoleKind.BOARD_MEMBER)
    client.force_login(member.user)
    response = client.post(
        "/mine-sider/foreninger/b/kompetencer/", {"topic": TopicFactory().pk, "note": ""}
    )
    assert response.status_code == 404
    assert not BoardCompetenceNeed.objects.exists()


# --- Admin flows --------------------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    role = AdminRoleFactory(association__slug="min")
    client.force_login(role.user)
    client.role = role
    return client


def test_edit_association_with_invalid_cvr_shows_error(admin_client):
    response = admin_client.post(
        "/mine-sider/foreninger/min/rediger/",
        {"name": "Min forening", "town": "Høng", "cvr": "12345678", "is_public": "on"},
    )
    assert response.status_code == 400
    assert "Angiv et gyldigt CVR-nummer" in response.text


def test_edit_association_normalises_cvr(admin_client):
    response = admin_client.post(
        "/mine-sider/foreninger/min/rediger/",
        {"name": "Min forening", "town": "Høng", "cvr": "DK 29 18 98 46", "is_public": "on"},
    )
    assert response.status_code == 302
    admin_client.role.association.refresh_from_db()
    assert admin_client.role.association.cvr == "29189846"


@pytest.mark.parametrize(
    "category",
    [str(10**30), "-" + str(10**30), "9223372036854775808"],
    ids=["huge", "-huge", "2**63"],
)
def test_edit_association_refuses_a_category_id_no_column_holds(admin_client, category):
    # SQLite's driver raised OverflowError on the `pk__in` lookup: a 500 (found by the fuzz
    # test). Now it is an unknown choice like any other.
    response = admin_client.post(
        "/mine-sider/foreninger/min/rediger/",
        {"name": "Min forening", "town": "Høng", "categories": [category], "is_public": "on"},
    )

    assert response.status_code == 400
    assert "categories" in response.context["form"].errors


def test_create_association_makes_user_admin(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/mine-sider/foreninger/ny/", {"name": "Reersø Beboerforening", "town": "Reersø"}
    )
    assert response.status_code == 302
    assert AssociationRole.objects.get(user=user).is_admin


def test_declare_child_records_then_public_badge(admin_client):
    year = timezone.localdate().year
    response = admin_client.post(
        "/mine-sider/foreninger/min/boerneattester/", {"year": year, "confirm": "on"}
    )
    assert response.status_code == 302
    assert f"Børneattester indhentet {year}" in admin_client.get("/foreninger/min/").text


def test_declare_without_confirmation_is_refused(admin_client):
    admin_client.post("/mine-sider/foreninger/min/boerneattester/", {"year": 2026})
    assert not ChildRecordDeclaration.objects.exists()


def test_add_person_bad_email_shows_error(admin_client):
    response = admin_client.post(
        "/mine-sider/foreninger/min/personer/",
        {"email": "ukendt", "role": RoleKind.BOARD_MEMBER},
    )
    assert response.status_code == 400
    assert "Indtast en gyldig e-mail-adresse." in response.text


def test_people_page_shows_every_role_of_a_person(admin_client):
    role = admin_client.role
    RoleFactory(association=role.association, user=role.user, role=RoleKind.TREASURER)

    response = admin_client.get("/mine-sider/foreninger/min/personer/")

    assert response.status_code == 200
    assert response.text.count(role.user.email) == 1
    assert "Formand, Kasserer" in response.text
    assert "Fjern denne rolle" in response.text


def test_remove_last_admin_shows_message(admin_client):
    role = admin_client.role
    response = admin_client.post(
        f"/mine-sider/foreninger/min/personer/{role.pk}/fjern/", follow=True
    )
    assert "mindst én administrator" in response.text
    assert AssociationRole.objects.filter(pk=role.pk).exists()


def test_activity_with_other_associations_venue_is_form_error(admin_client):
    other_venue = VenueFactory()
    response = admin_client.post(
        "/mine-sider/foreninger/min/aktiviteter/ny/",
        {"title": "Yoga", "schedule": "mandage", "venue": other_venue.pk, "audience": "adults"},
    )
    assert response.status_code == 400
    assert not Activity.objects.exists()


def test_activity_created(admin_client):
    response = admin_client.post(
        "/mine-sider/foreninger/min/aktiviteter/ny/",
        {"title": "Yoga", "schedule": "mandage 10–11", "audience": "adults"},
    )
    assert response.status_code == 302
    assert Activity.objects.get().title == "Yoga"


def test_register_stand_and_programme(admin_client, client):
    fair = FairFactory(slug="messe")
    response = admin_client.post(
        "/mine-sider/foreninger/min/frivilligmesse/messe/",
        {"offer": "Kom og prøv petanque", "volunteers_sought": "Hjælpetrænere"},
    )
    assert response.status_code == 302
    programme = admin_client.get("/frivilligmesse/messe/")
    assert "Kom og prøv petanque" in programme.text
    assert FairStand.objects.get().fair == fair


def test_register_stand_after_deadline_is_refused(admin_client):
    FairFactory(
        slug="gammel",
        date=timezone.localdate() + datetime.timedelta(days=1),
        registration_deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    response = admin_client.post(
        "/mine-sider/foreninger/min/frivilligmesse/gammel/", {"offer": "X"}
    )
    assert response.status_code == 400
    assert not FairStand.objects.exists()


def test_dashboard_panel_warns_admin_about_missing_declaration(client):
    role = AdminRoleFactory(association__name="Gørlev Skytteforening")
    client.force_login(role.user)

    response = client.get("/mine-sider/")

    assert "Gørlev Skytteforening" in response.text
    year = timezone.localdate().year
    assert f"Erklæring om børneattester for {year} mangler" in response.text


def test_dashboard_panel_hidden_without_roles(client):
    client.force_login(UserFactory())
    assert "Alle dine foreninger" not in client.get("/mine-sider/").text


def test_consent_is_changed_by_the_person_only(client):
    role = RoleFactory(role=RoleKind.BOARD_MEMBER)
    other = RoleFactory(association=role.association)
    client.force_login(role.user)

    client.post(f"/mine-sider/foreninger/roller/{role.pk}/samtykke/", {"consent": "on"})
    response = client.post(f"/mine-sider/foreninger/roller/{other.pk}/samtykke/", {"consent": "on"})

    role.refresh_from_db()
    other.refresh_from_db()
    assert (role.consent_show_competences, other.consent_show_competences) == (True, False)
    assert response.status_code == 404


def _png() -> bytes:
    import io as _io

    from PIL import Image

    buffer = _io.BytesIO()
    Image.new("RGB", (40, 20), "#0b5f63").save(buffer, format="PNG")
    return buffer.getvalue()


def test_admin_uploads_and_removes_a_logo(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"name": "Min forening", "town": "Høng", "is_public": "on"}
    upload = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    response = admin_client.post(
        "/mine-sider/foreninger/min/rediger/", {**data, "logo_upload": upload}
    )
    assert response.status_code == 302
    association = admin_client.role.association
    association.refresh_from_db()
    assert association.logo.width == 40
    assert 'class="association__logo"' in admin_client.get("/foreninger/min/").text

    admin_client.post("/mine-sider/foreninger/min/rediger/", {**data, "remove_logo": "on"})
    association.refresh_from_db()
    assert association.logo is None


def test_logo_that_is_not_an_image_is_a_form_error(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("logo.png", b"not a picture", content_type="image/png")
    response = admin_client.post(
        "/mine-sider/foreninger/min/rediger/",
        {"name": "Min forening", "town": "Høng", "logo_upload": upload},
    )
    assert response.status_code == 400
    assert "logo_upload" in response.context["form"].errors
