import json

import pytest
from django.contrib.auth.models import Group, Permission

from accounts.models import User
from tests.factories import DEFAULT_PASSWORD, UserFactory


@pytest.fixture
def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/mine-sider/",
        "/mine-sider/profil/",
        "/mine-sider/dine-data/",
        "/mine-sider/dine-data/eksport.json",
    ],
    ids=["dashboard", "profile", "data", "export"],
)
def test_mine_sider_requires_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=")


@pytest.mark.django_db
def test_dashboard_greets_by_first_name(logged_in, user):
    user.full_name = "Mette Sørensen"
    user.save()

    response = logged_in.get("/mine-sider/")

    assert "Velkommen, Mette" in response.text


@pytest.mark.django_db
def test_profile_update(logged_in, user):
    response = logged_in.post(
        "/mine-sider/profil/",
        {"full_name": "Mette Holm", "phone": "+45 12 34 56 78", "preferred_language": "en"},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.phone, user.preferred_language) == (
        "Mette Holm",
        "+45 12 34 56 78",
        "en",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/mine-sider/profil/", "Skriv et telefonnummer på mindst 8 cifre"),
        ("/en/mine-sider/profil/", "Enter a phone number of at least 8 digits"),
    ],
    ids=["danish", "english"],
)
def test_profile_bad_phone_is_a_400_in_the_users_language(logged_in, user, path, message):
    response = logged_in.post(path, {"full_name": "X", "phone": "abc", "preferred_language": "da"})

    assert response.status_code == 400
    assert message in response.text
    user.refresh_from_db()
    assert user.phone == ""


@pytest.mark.django_db
def test_profile_unknown_language_is_refused(logged_in):
    response = logged_in.post(
        "/mine-sider/profil/", {"full_name": "X", "phone": "", "preferred_language": "xx"}
    )

    assert response.status_code == 400


@pytest.mark.django_db
def test_export_downloads_json_about_the_user_only(logged_in, user):
    UserFactory(email="someone.else@example.org")

    response = logged_in.get("/mine-sider/dine-data/eksport.json")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="frivilligloeft-data-')
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert "someone.else" not in response.content.decode()


@pytest.mark.django_db
def test_delete_account_needs_the_password(logged_in, user):
    response = logged_in.post(
        "/mine-sider/dine-data/slet-konto/", {"password": "forkert", "confirm": "on"}
    )

    assert response.status_code == 400
    assert "Adgangskoden er ikke korrekt." in response.text
    assert User.objects.filter(pk=user.pk).exists()


@pytest.mark.django_db
def test_delete_account_deletes_and_logs_out(logged_in, user):
    response = logged_in.post(
        "/mine-sider/dine-data/slet-konto/", {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert logged_in.get("/mine-sider/").status_code == 302


@pytest.mark.django_db
def test_logout_is_post_only(logged_in):
    logged_in.get("/konto/logout/")

    assert logged_in.get("/mine-sider/").status_code == 200
    logged_in.post("/konto/logout/")
    assert logged_in.get("/mine-sider/").status_code == 302


@pytest.mark.django_db
def test_django_admin_is_for_superusers_only(client):
    staff = UserFactory(roles=["Kursusadministrator"])
    client.force_login(staff)

    assert client.get("/django-admin/").status_code == 302

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/django-admin/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Kursusadministrator", "Redaktør", "Frivilligkonsulent"])
def test_every_role_may_enter_the_wagtail_admin(client, role):
    access = Permission.objects.get(codename="access_admin")
    assert access in Group.objects.get(name=role).permissions.all()

    client.force_login(UserFactory(roles=[role]))
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_volunteers_cannot_enter_the_wagtail_admin(logged_in):
    assert logged_in.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_wagtail_admin_speaks_danish_to_danish_staff(client):
    client.force_login(UserFactory(roles=["Redaktør"]))

    response = client.get("/admin/")

    assert '<html lang="da"' in response.text


@pytest.mark.django_db
def test_staff_without_two_step_verification_is_sent_to_set_it_up(client, settings):
    settings.STAFF_MFA_REQUIRED = True
    client.force_login(UserFactory(roles=["Redaktør"]))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/totp/activate/"


@pytest.mark.django_db
def test_staff_with_two_step_verification_may_use_the_admin(client, settings):
    from allauth.mfa.models import Authenticator

    settings.STAFF_MFA_REQUIRED = True
    staff = UserFactory(roles=["Redaktør"])
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(staff)

    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_two_step_setup_page_is_reachable_for_staff(client, settings):
    settings.STAFF_MFA_REQUIRED = True
    client.force_login(UserFactory(roles=["Redaktør"]))

    response = client.get("/konto/2fa/totp/activate/")

    # allauth asks for the password again before showing the secret, not a redirect loop.
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/reauthenticate/")
