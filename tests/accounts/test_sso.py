"""Login through the municipality's OpenID Connect provider and MitID through a broker,
against a real provider (tests/accounts/oidc.py): accounts, linking, roles, two-step, refused
tokens, logout."""

import jwt
import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.sessions.models import Session

from accounts.models import ProviderSession, User
from accounts.roles import Role
from core.models import OutgoingEmail
from tests.accounts.oidc import (
    CLIENT_ID,
    NSIS,
    ProviderBrowser,
    local_path,
    log_in_through,
    query,
    running_provider,
    staff_account,
)
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

CPR = "0101901234"
ACCOUNTS = {
    "anne": staff_account("anne@kalundborg.test", groups=["kursus", "andet"], name="Anne Holm"),
    "bo": staff_account("bo@kalundborg.test", groups=["web"], amr=["pwd"], name="Bo Berg"),
    "ulla": staff_account("ulla@kalundborg.test", groups=["kursus"], verified=False),
    "mads": staff_account(
        "mads@example.org",
        groups=[],
        amr=[],
        acr=f"{NSIS}Substantial",
        name="Mads Frivillig",
        claims={"cpr": CPR},
    ),
    # A broker that releases no email address.
    "ida": {
        "password": "kode",
        "claims": {"name": "Ida Holm"},
        "acr": f"{NSIS}High",
        "amr": [],
    },
}


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    with running_provider(tmp_path_factory.mktemp("oidc"), ACCOUNTS) as provider:
        yield provider


@pytest.fixture
def provider(running, settings):
    running.reset(ACCOUNTS)
    settings.SOCIALACCOUNT_PROVIDERS = running.socialaccount_providers(mitid=True)
    return running


@pytest.fixture
def at_provider(provider):
    """The person's browser at the provider (its cookies)."""
    return ProviderBrowser(provider)


def roles_of(user):
    return sorted(user.groups.filter(name__in=list(Role)).values_list("name", flat=True))


def test_login_button_starts_the_code_flow_with_pkce(client, provider):
    response = client.post("/konto/oidc/kommune/login/")

    params = query(response["Location"])
    assert response["Location"].startswith(provider.issuer + "/auth?")
    assert (params["response_type"], params["client_id"], params["code_challenge_method"]) == (
        "code",
        CLIENT_ID,
        "S256",
    )
    assert len(params["code_challenge"]) == 43


def test_staff_login_creates_an_account_with_the_roles_the_claims_grant(client, at_provider):
    response = log_in_through(client, at_provider, "anne", next_url="/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    user = User.objects.get(email="anne@kalundborg.test")
    assert (user.full_name, roles_of(user)) == ("Anne Holm", [Role.COURSE_ADMINISTRATOR])
    assert client.get("/admin/").status_code == 200


def test_staff_login_links_the_account_with_the_same_verified_address(client, at_provider):
    existing = UserFactory(email="anne@kalundborg.test")

    log_in_through(client, at_provider, "anne")

    account = SocialAccount.objects.get(provider="kommune")
    assert (account.user, account.uid) == (existing, "anne")
    assert User.objects.count() == 1
    existing.refresh_from_db()
    assert existing.check_password(DEFAULT_PASSWORD)
    assert roles_of(existing) == [Role.COURSE_ADMINISTRATOR]


def test_staff_login_never_links_an_address_we_have_not_verified(client, at_provider):
    squatter = UserFactory(email="anne@kalundborg.test", verified_email=False)
    EmailAddress.objects.create(user=squatter, email=squatter.email, verified=False)

    response = log_in_through(client, at_provider, "anne")

    assert SocialAccount.objects.filter(user=squatter).exists() is False
    assert roles_of(squatter) == []
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)


def test_an_address_the_provider_has_not_verified_links_nothing(client, at_provider):
    existing = UserFactory(email="ulla@kalundborg.test")

    log_in_through(client, at_provider, "ulla")

    assert SocialAccount.objects.filter(user=existing).exists() is False
    assert roles_of(existing) == []


def test_roles_follow_the_claims_of_each_login(client, at_provider, provider):
    log_in_through(client, at_provider, "anne")
    user = User.objects.get(email="anne@kalundborg.test")
    assert roles_of(user) == [Role.COURSE_ADMINISTRATOR]

    # Anne moves to the web team: the next login gives her that role and only that one.
    provider.set_accounts(
        {
            **ACCOUNTS,
            "anne": {
                **ACCOUNTS["anne"],
                "claims": {**ACCOUNTS["anne"]["claims"], "groups": ["web", "frivillighed"]},
            },
        }
    )
    client.post("/konto/logout/")
    log_in_through(client, at_provider, "anne")
    assert roles_of(user) == [Role.VOLUNTEER_CONSULTANT, Role.EDITOR]

    # She leaves the municipality's groups: no role, no admin.
    provider.set_accounts(
        {
            **ACCOUNTS,
            "anne": {**ACCOUNTS["anne"], "claims": {**ACCOUNTS["anne"]["claims"], "groups": []}},
        }
    )
    client.post("/konto/logout/")
    log_in_through(client, at_provider, "anne")
    assert roles_of(user) == []
    assert client.get("/admin/").status_code == 302


def test_a_person_the_provider_refuses_is_not_logged_in(client, at_provider, provider):
    provider.set_accounts({**ACCOUNTS, "anne": {**ACCOUNTS["anne"], "refuse": True}})

    response = log_in_through(client, at_provider, "anne")

    assert response["Location"] == "/konto/3rdparty/login/cancelled/"
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(email="anne@kalundborg.test").exists() is False
    assert "Du blev ikke logget ind" in client.get(response["Location"]).text


def test_a_password_login_drops_the_roles_the_provider_gave(client, at_provider):
    log_in_through(client, at_provider, "anne")
    user = User.objects.get(email="anne@kalundborg.test")
    user.set_password(DEFAULT_PASSWORD)
    user.save()
    client.post("/konto/logout/")

    client.post("/konto/login/", {"login": user.email, "password": DEFAULT_PASSWORD})

    assert client.session["_auth_user_id"] == str(user.pk)
    assert roles_of(user) == []


@pytest.mark.parametrize(
    ("login", "admin_status", "where"),
    [("anne", 200, None), ("bo", 302, "/konto/2fa/totp/activate/")],
    ids=["two-step-at-provider", "password-only-at-provider"],
)
def test_two_step_at_the_provider_replaces_our_totp_requirement(
    client, at_provider, settings, login, admin_status, where
):
    settings.STAFF_MFA_REQUIRED = True

    log_in_through(client, at_provider, login)
    response = client.get("/admin/")

    assert response.status_code == admin_status
    assert response.get("Location") == where


@pytest.mark.parametrize(
    ("login", "logged_in"), [("anne", True), ("bo", False)], ids=["mfa-amr", "pwd-amr"]
)
def test_a_two_step_provider_login_skips_our_code_step(client, at_provider, login, logged_in):
    user = UserFactory(email=ACCOUNTS[login]["claims"]["email"])
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )

    response = log_in_through(client, at_provider, login)

    assert ("_auth_user_id" in client.session) is logged_in
    if not logged_in:
        assert response["Location"] == "/konto/2fa/authenticate/"


@pytest.mark.parametrize(
    "changes",
    [{"iss": "https://evil.example"}, {"aud": "someone-else"}, {"exp_offset": -60}],
    ids=["wrong-iss", "wrong-aud", "expired"],
)
def test_a_wrong_id_token_is_refused(client, at_provider, provider, changes):
    provider.change_id_tokens(**changes)

    response = log_in_through(client, at_provider, "anne")

    assert response.status_code == 401
    assert "Log ind lykkedes ikke" in response.text
    assert "_auth_user_id" not in client.session
    assert SocialAccount.objects.exists() is False


def test_mitid_login_keeps_the_assurance_level_and_never_the_cpr_number(client, at_provider):
    log_in_through(client, at_provider, "mads", provider_id="mitid")

    user = User.objects.get(email="mads@example.org")
    account = SocialAccount.objects.get(user=user)
    assert (user.mitid_assurance, account.provider, account.uid) == ("substantial", "mitid", "mads")
    assert user.mitid_verified_at is not None
    stored = str(account.extra_data) + str(list(User.objects.values()))
    assert CPR not in stored
    assert sorted(account.extra_data) == ["frivilligloeft", "id_token", "userinfo"]
    assert sorted(account.extra_data["userinfo"]) == ["email", "email_verified", "sub"]


def test_mitid_can_be_unlinked_from_mine_sider(client, at_provider):
    user = UserFactory(email="mads@example.org")
    log_in_through(client, at_provider, "mads", provider_id="mitid")
    account = SocialAccount.objects.get(user=user)
    page = client.get("/mine-sider/log-ind/")
    assert "Fjern MitID" in page.text

    response = client.post("/mine-sider/log-ind/", {"account": account.pk})

    assert response["Location"] == "/mine-sider/log-ind/"
    user.refresh_from_db()
    assert (SocialAccount.objects.filter(user=user).exists(), user.mitid_assurance) == (False, "")
    assert user.mitid_verified_at is None


def test_the_only_way_in_cannot_be_unlinked(client, at_provider):
    log_in_through(client, at_provider, "mads", provider_id="mitid")
    user = User.objects.get(email="mads@example.org")
    assert user.has_usable_password() is False
    account = SocialAccount.objects.get(user=user)

    response = client.post("/mine-sider/log-ind/", {"account": account.pk}, follow=True)

    assert SocialAccount.objects.filter(pk=account.pk).exists()
    assert "Vælg først en adgangskode" in response.text


def test_someone_elses_login_cannot_be_unlinked(client, at_provider):
    log_in_through(client, at_provider, "anne")
    theirs = SocialAccount.objects.get()
    client.force_login(UserFactory())

    client.post("/mine-sider/log-ind/", {"account": theirs.pk})

    assert SocialAccount.objects.filter(pk=theirs.pk).exists()


def test_logout_ends_the_session_at_the_provider_too(client, at_provider, provider):
    log_in_through(client, at_provider, "anne")

    response = client.post("/konto/logout/")

    assert response.status_code == 302
    end_session = response["Location"]
    assert end_session.startswith(provider.issuer + "/session/end?")
    assert query(end_session) == {
        "client_id": CLIENT_ID,
        "post_logout_redirect_uri": "http://testserver/",
    }
    assert "_auth_user_id" not in client.session
    assert at_provider.log_out(end_session) == "http://testserver/"
    # The provider asks for a password again: its session has ended.
    again = client.post("/konto/oidc/kommune/login/")
    page = at_provider.go(again["Location"])
    assert "Adgangskode" in page.text


def test_a_password_session_logs_out_only_here(client):
    client.force_login(UserFactory())

    response = client.post("/konto/logout/")

    assert response["Location"] == "/"


def test_backchannel_logout_with_a_forged_token_ends_nothing(client, at_provider):
    log_in_through(client, at_provider, "anne")
    row = ProviderSession.objects.get()
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = jwt.encode(
        {
            "iss": at_provider.provider.issuer,
            "aud": CLIENT_ID,
            "iat": 1,
            "jti": "x",
            "sub": "anne",
            "sid": row.sid,
            "events": {"http://schemas.openid.net/event/backchannel-logout": {}},
        },
        forger,
        algorithm="RS256",
        headers={"kid": "test-key"},
    )

    response = client.post("/oidc/kommune/backchannel-logout", {"logout_token": token})

    assert response.status_code == 400
    assert Session.objects.filter(session_key=row.session_key).exists()


def test_backchannel_logout_for_an_unknown_provider_is_404(client, provider):
    assert client.post("/oidc/ukendt/backchannel-logout", {"logout_token": "x"}).status_code == 404


def test_linked_logins_page_offers_to_link_what_is_not_linked(client, provider):
    client.force_login(UserFactory())

    response = client.get("/mine-sider/log-ind/")

    assert response.status_code == 200
    assert response.templates[0].name == "accounts/linked_logins.html"
    assert "Tilknyt MitID" in response.text
    assert "Tilknyt din kommunale konto" in response.text


def test_linking_mitid_while_logged_in(client, at_provider):
    user = UserFactory(email="someone.else@example.org")
    client.force_login(user)
    start = client.post(
        "/konto/oidc/mitid/login/", {"process": "connect", "next": "/mine-sider/log-ind/"}
    )

    back = at_provider.sign_in(start["Location"], "mads")
    response = client.get(local_path(back), follow=True)

    assert response.redirect_chain[-1][0] == "/mine-sider/log-ind/"
    assert SocialAccount.objects.get(provider="mitid").user == user
    user.refresh_from_db()
    assert user.mitid_assurance == "substantial"
    assert "MitID er nu knyttet til din profil." in response.text


def test_an_account_made_by_mitid_can_be_deleted_without_a_password(client, at_provider):
    log_in_through(client, at_provider, "mads", provider_id="mitid")
    page = client.get("/mine-sider/dine-data/slet-konto/")
    assert 'name="password"' not in page.text

    client.post("/mine-sider/dine-data/slet-konto/", {"confirm": "on"})

    assert User.objects.filter(email="mads@example.org").exists() is False
    assert SocialAccount.objects.exists() is False


def test_the_admins_logout_ends_a_municipal_login_at_the_provider_too(
    client, at_provider, provider
):
    log_in_through(client, at_provider, "anne")

    response = client.post("/admin/logout/")

    assert response["Location"].startswith(provider.issuer + "/session/end?client_id=")
    assert "_auth_user_id" not in client.session


def test_the_admins_logout_of_a_password_session_stays_here(client):
    client.force_login(UserFactory(roles=[Role.EDITOR]))

    response = client.post("/admin/logout/")

    assert response["Location"] == "/admin/login/"
    assert "_auth_user_id" not in client.session


def test_mitid_without_an_email_address_asks_for_one_and_confirms_it(client, at_provider):
    response = log_in_through(client, at_provider, "ida", provider_id="mitid")
    assert response["Location"] == "/konto/3rdparty/signup/"
    form = client.get(response["Location"])
    assert "Du er logget ind med MitID for første gang" in form.text

    client.post("/konto/3rdparty/signup/", {"full_name": "Ida Holm", "email": "ida@example.org"})

    user = User.objects.get(email="ida@example.org")
    assert (user.full_name, user.mitid_assurance, user.has_usable_password()) == (
        "Ida Holm",
        "high",
        False,
    )
    assert EmailAddress.objects.get(user=user).verified is False
    assert SocialAccount.objects.get(user=user).uid == "ida"
    assert "_auth_user_id" not in client.session
    assert OutgoingEmail.objects.filter(to=["ida@example.org"]).count() == 1


def test_download_my_data_lists_linked_logins_and_no_more(client, at_provider):
    log_in_through(client, at_provider, "mads", provider_id="mitid")

    response = client.get("/mine-sider/dine-data/eksport.json")

    logins = response.json()["logins"]
    assert [(row["provider"], row["subject"], row["assurance"]) for row in logins["linked"]] == [
        ("mitid", "mads", "substantial")
    ]
    assert logins["mitid_assurance"] == "substantial"
    assert CPR not in response.text
