"""A real OpenID Connect provider for the login tests: npm's oidc-provider under Node
(tests/tools/oidc-test-provider.mjs, installed by `make install-test-tools`), started in a
subprocess on a free port. Never a mock: the site talks to it over HTTP exactly as to the
municipality's provider or a MitID broker.

Without Node or the npm package the tests skip, unless FRIVILLIGLOEFT_REQUIRE_OIDC=1 (CI).
"""

import json
import os
import shutil
import subprocess
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests

from accounts.sso.config import provider_origins, socialaccount_providers

TOOLS = Path(__file__).resolve().parent.parent / "tools"
SCRIPT = TOOLS / "oidc-test-provider.mjs"
REQUIRED = os.environ.get("FRIVILLIGLOEFT_REQUIRE_OIDC") == "1"

CLIENT_ID = "frivilligloeft"
CLIENT_SECRET = "hemmelig-klientnoegle-til-test"
MITID_CLIENT_ID = "frivilligloeft-mitid"
NSIS = "https://data.gov.dk/concept/core/nsis/loa/"


def node_command():
    node = shutil.which("node")
    if node is None:
        return None, "Node is not installed"
    if not (TOOLS / "node_modules" / "oidc-provider").is_dir():
        return None, "oidc-provider is not installed: run `make install-test-tools`"
    return [node, str(SCRIPT)], None


def staff_account(email, *, groups=(), amr=("pwd", "mfa"), acr=None, verified=True, **extra):
    claims = {"email": email, "email_verified": verified, "name": extra.pop("name", "Kim Ansat")}
    claims["groups"] = list(groups)
    claims.update(extra.pop("claims", {}))
    account = {"password": "kode", "claims": claims, "amr": list(amr)}
    if acr:
        account["acr"] = acr
    account.update(extra)
    return account


class Provider:
    def __init__(self, issuer):
        self.issuer = issuer

    def _post(self, path, body):
        response = requests.post(self.issuer + path, json=body, timeout=10)
        response.raise_for_status()

    def set_accounts(self, accounts):
        self._post("/__test__/accounts", accounts)

    def reset(self, accounts):
        self.set_accounts(accounts)
        self.change_id_tokens()

    def change_id_tokens(self, **changes):
        """From now on the provider issues ID tokens with these claims changed, signed with its
        own key: iss=, aud=, exp_offset= (seconds from now)."""
        self._post("/__test__/id-token", changes)

    def backchannel_calls(self):
        return requests.get(self.issuer + "/__test__/backchannel", timeout=10).json()

    def environ(self, *, staff=True, mitid=False, **extra):
        environ = {}
        if staff:
            environ |= {
                "OIDC_STAFF_ISSUER": self.issuer,
                "OIDC_STAFF_CLIENT_ID": CLIENT_ID,
                "OIDC_STAFF_CLIENT_SECRET": CLIENT_SECRET,
                "OIDC_STAFF_ROLES": "kursus=course_administrator,web=editor,"
                "frivillighed=volunteer_consultant",
            }
        if mitid:
            environ |= {
                "MITID_BROKER_ISSUER": self.issuer,
                "MITID_BROKER_CLIENT_ID": MITID_CLIENT_ID,
                "MITID_BROKER_CLIENT_SECRET": CLIENT_SECRET,
            }
        return environ | extra

    def socialaccount_providers(self, **kwargs):
        return socialaccount_providers(self.environ(**kwargs))

    def configure(self, settings, **kwargs):
        """The site's settings as the environment would make them with this provider: the
        providers and the Content-Security-Policy's form-action (config/settings/base.py)."""
        environ = self.environ(**kwargs)
        settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers(environ)
        for name in ("SECURE_CSP", "ADMIN_CSP"):
            policy = dict(getattr(settings, name))
            policy["form-action"] = [*policy["form-action"], *provider_origins(environ)]
            setattr(settings, name, policy)


def clients_for(site_url, *, backchannel=False):
    """The provider's registration of our two clients for a site at `site_url`."""
    clients = []
    for client_id, provider_id in ((CLIENT_ID, "kommune"), (MITID_CLIENT_ID, "mitid")):
        client = {
            "client_id": client_id,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [
                f"{site_url}/konto/oidc/{provider_id}/login/callback/",
                f"{site_url}/en/konto/oidc/{provider_id}/login/callback/",
            ],
            "post_logout_redirect_uris": [f"{site_url}/"],
        }
        if backchannel:
            client["backchannel_logout_uri"] = f"{site_url}/oidc/{provider_id}/backchannel-logout"
        clients.append(client)
    return clients


@contextmanager
def running_provider(tmp_path, accounts, *, site_url="http://testserver", backchannel=False):
    command, reason = node_command()
    if command is None:
        if REQUIRED:
            pytest.fail(f"FRIVILLIGLOEFT_REQUIRE_OIDC=1 but {reason}")
        pytest.skip(reason)
    config = tmp_path / "oidc-provider.json"
    config.write_text(
        json.dumps(
            {"clients": clients_for(site_url, backchannel=backchannel), "accounts": accounts}
        )
    )
    process = subprocess.Popen(  # noqa: S603 (our own script, fixed arguments)
        [*command, str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line:
            pytest.fail(f"the OpenID Connect test provider did not start (exit {process.wait()})")
        yield Provider(json.loads(line)["issuer"])
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"id": attrs.get("id"), "action": attrs.get("action"), "fields": {}})
        elif tag in ("input", "button") and attrs.get("name"):
            form_id = attrs.get("form")
            form = next((f for f in self.forms if f["id"] == form_id), None) if form_id else None
            form = form or (self.forms[-1] if self.forms else None)
            if form is not None:
                form["fields"].setdefault(attrs["name"], attrs.get("value") or "")


def forms_in(html):
    parser = _Forms()
    parser.feed(html)
    return parser.forms


class ProviderBrowser:
    """A person's browser at the provider (its cookies), for tests that use Django's test
    client on our side: it follows the provider's own redirects and stops at the first one
    that leaves the provider (back to us)."""

    def __init__(self, provider):
        self.provider = provider
        self.session = requests.Session()

    def go(self, url, method="GET", data=None):
        while True:
            response = self.session.request(
                method, url, data=data, allow_redirects=False, timeout=10
            )
            location = response.headers.get("Location")
            if response.status_code not in (301, 302, 303) or not location:
                return response
            url = urljoin(url, location)
            method, data = "GET", None
            if not url.startswith(self.provider.issuer):
                return url

    def sign_in(self, authorize_url, login, password="kode"):  # noqa: S107 (test account)
        """At the provider's login page: sign in; returns where the provider sends us back."""
        page = self.go(authorize_url)
        if isinstance(page, str):  # already signed in at the provider
            return page
        form = forms_in(page.text)[0]
        action = urljoin(page.url, form["action"])
        return self.go(action, "POST", {"login": login, "password": password})

    def log_out(self, end_session_url):
        """At the provider's logout page: confirm; returns where it sends us back."""
        page = self.go(end_session_url)
        form = next(f for f in forms_in(page.text) if f["id"] == "op.logoutForm")
        fields = {**form["fields"], "logout": "yes"}
        return self.go(urljoin(page.url, form["action"]), "POST", fields)


def local_path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def log_in_through(client, browser, login, *, provider_id="kommune", next_url=None):
    """The whole authorization code flow: our login button, the provider's sign-in, our
    callback. Returns our callback's response."""
    data = {"next": next_url} if next_url else {}
    start = client.post(f"/konto/oidc/{provider_id}/login/", data)
    assert start.status_code == 302, start
    back = browser.sign_in(start["Location"], login)
    assert isinstance(back, str), f"the provider did not send us back: {back.status_code}"
    return client.get(local_path(back))
