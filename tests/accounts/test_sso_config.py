"""Single sign-on configured from the environment, and with nothing configured nothing
changes for anyone (accounts/sso/config.py)."""

import pytest
from django.conf import settings

from accounts.roles import Role
from accounts.sso.config import (
    NSIS_ACR_PREFIX,
    assurance_level,
    openid_connect_apps,
    parse_role_map,
    provider_origins,
    socialaccount_providers,
)
from tests.factories import UserFactory

STAFF_ENV = {
    "OIDC_STAFF_ISSUER": "https://login.kommune.example/v2.0/",
    "OIDC_STAFF_CLIENT_ID": "frivilligloeft",
    "OIDC_STAFF_CLIENT_SECRET": "hemmelig",
}


def test_no_environment_configures_no_provider():
    assert socialaccount_providers({}) == {}
    assert settings.SOCIALACCOUNT_PROVIDERS == {}


@pytest.mark.parametrize("missing", ["OIDC_STAFF_ISSUER", "OIDC_STAFF_CLIENT_ID"])
def test_a_provider_without_issuer_or_client_id_is_not_configured(missing):
    environ = {key: value for key, value in STAFF_ENV.items() if key != missing}

    assert socialaccount_providers(environ) == {}


def test_staff_provider_from_the_environment():
    environ = STAFF_ENV | {
        "OIDC_STAFF_ROLES": "kursus=course_administrator, web=Redaktør",
        "OIDC_STAFF_TWO_STEP_ACR": "urn:kommune:mfa",
        "OIDC_STAFF_VERIFIED_EMAIL_DOMAINS": "kalundborg.dk",
    }

    [app] = openid_connect_apps(environ)

    assert (app["provider_id"], app["client_id"], app["secret"]) == (
        "kommune",
        "frivilligloeft",
        "hemmelig",
    )
    assert app["settings"] == {
        "server_url": "https://login.kommune.example/v2.0",
        "oauth_pkce_enabled": True,
        "scope": ["openid", "profile", "email"],
        "email_authentication": True,
        "verified_email": ["kalundborg.dk"],
        "frivilligloeft": {
            "role_claim": "groups",
            "roles": [["kursus", "Kursusadministrator"], ["web", "Redaktør"]],
            "two_step_acr": ["urn:kommune:mfa"],
            "two_step_amr": ["mfa"],
        },
    }


def test_mitid_alone_is_configured_without_the_staff_provider():
    environ = {
        "MITID_BROKER_ISSUER": "https://broker.example",
        "MITID_BROKER_CLIENT_ID": "fl",
        "MITID_BROKER_CLIENT_SECRET": "s",
    }

    [app] = openid_connect_apps(environ)

    assert (app["provider_id"], app["settings"]["frivilligloeft"]["two_step_acr"]) == (
        "mitid",
        [f"{NSIS_ACR_PREFIX}Substantial", f"{NSIS_ACR_PREFIX}High"],
    )


@pytest.mark.parametrize(
    "value", ["kursus", "kursus=chef", "=editor"], ids=["no-role", "unknown-role", "no-value"]
)
def test_a_wrong_role_map_stops_the_site_at_startup(value):
    with pytest.raises(ValueError, match="OIDC_STAFF_ROLES"):
        parse_role_map(value)


def test_role_map_takes_role_keys_and_group_names():
    assert parse_role_map("a=volunteer_consultant;b=Frivilligkonsulent") == (
        ("a", Role.VOLUNTEER_CONSULTANT),
        ("b", Role.VOLUNTEER_CONSULTANT),
    )


@pytest.mark.parametrize(
    ("acr", "level"),
    [
        (f"{NSIS_ACR_PREFIX}Substantial", "substantial"),
        (f"{NSIS_ACR_PREFIX}High", "high"),
        (f"{NSIS_ACR_PREFIX}Godt", ""),
        ("urn:other", ""),
        (None, ""),
    ],
)
def test_assurance_level_from_acr(acr, level):
    assert assurance_level(acr) == level


@pytest.mark.django_db
def test_without_providers_the_login_pages_are_as_before(client):
    login = client.get("/konto/login/")
    admin_login = client.get("/admin/login/")

    assert "provider-logins" not in login.text
    assert "Log ind med" not in login.text
    assert "kommune" not in admin_login.text.lower()
    assert client.post("/konto/oidc/kommune/login/").status_code == 404
    assert client.post("/konto/oidc/mitid/login/").status_code == 404
    assert client.post("/oidc/kommune/backchannel-logout", {"logout_token": "x"}).status_code == 404


@pytest.mark.django_db
def test_without_providers_mine_sider_has_no_logins_page(client):
    client.force_login(UserFactory())

    dashboard = client.get("/mine-sider/")

    assert "Login-metoder" not in dashboard.text
    assert client.get("/mine-sider/log-ind/").status_code == 404


@pytest.mark.django_db
def test_without_providers_staff_still_need_totp_for_the_admin(client, settings):
    settings.STAFF_MFA_REQUIRED = True
    staff = UserFactory(roles=[Role.EDITOR])
    client.post("/konto/login/", {"login": staff.email, "password": "korrekt-hest-batteri-42"})

    response = client.get("/admin/")

    assert response["Location"] == "/konto/2fa/totp/activate/"


@pytest.mark.django_db
def test_with_providers_the_login_page_shows_one_button_each(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers(
        STAFF_ENV
        | {
            "MITID_BROKER_ISSUER": "https://broker.example",
            "MITID_BROKER_CLIENT_ID": "fl",
        }
    )

    login = client.get("/konto/login/?next=/kurser/")
    admin_login = client.get("/admin/login/")

    assert login.text.count('class="provider-logins__form"') == 2
    assert "Log ind med kommunens konto" in login.text
    assert "Log ind med MitID" in login.text
    assert 'action="/konto/oidc/kommune/login/"' in login.text
    assert '<input type="hidden" name="next" value="/kurser/">' in login.text
    assert "Log ind med kommunens konto" in admin_login.text
    assert "MitID" not in admin_login.text


def test_the_providers_origins_may_receive_our_login_forms():
    environ = STAFF_ENV | {
        "MITID_BROKER_ISSUER": "https://broker.example:8443/mitid",
        "MITID_BROKER_CLIENT_ID": "fl",
    }

    assert provider_origins(environ) == [
        "https://login.kommune.example",
        "https://broker.example:8443",
    ]


def test_the_two_providers_need_different_client_ids():
    environ = STAFF_ENV | {
        "MITID_BROKER_ISSUER": "https://broker.example",
        "MITID_BROKER_CLIENT_ID": STAFF_ENV["OIDC_STAFF_CLIENT_ID"],
    }

    with pytest.raises(ValueError, match="must differ"):
        openid_connect_apps(environ)
