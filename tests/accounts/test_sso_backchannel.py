"""Back-channel logout end to end: the real provider (tests/accounts/oidc.py) posts its logout
token to the running site when the person logs out there, and our session ends."""

import pytest
import requests
from django.contrib.sessions.models import Session

from accounts.models import ProviderSession
from tests.accounts.oidc import CLIENT_ID, ProviderBrowser, running_provider, staff_account

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def log_in(site_url, provider, http):
    """Our login page's button, the provider's sign-in form, back to us: in one HTTP session
    that holds both sites' cookies, like a browser."""
    http.get(f"{site_url}/konto/login/", timeout=10)
    at_provider = ProviderBrowser(provider)
    at_provider.session = http
    start = http.post(
        f"{site_url}/konto/oidc/kommune/login/",
        {"csrfmiddlewaretoken": http.cookies["csrftoken"]},
        headers={"Referer": f"{site_url}/konto/login/"},
        allow_redirects=False,
        timeout=10,
    )
    back = at_provider.sign_in(start.headers["Location"], "anne")
    return http.get(back, timeout=10), at_provider


def test_logging_out_at_the_provider_ends_our_session(live_server, tmp_path, settings):
    site_url = live_server.url.replace("localhost", "127.0.0.1")
    accounts = {"anne": staff_account("anne@kalundborg.test", groups=["kursus"])}
    with running_provider(tmp_path, accounts, site_url=site_url, backchannel=True) as provider:
        settings.SOCIALACCOUNT_PROVIDERS = provider.socialaccount_providers()
        http = requests.Session()
        landing, at_provider = log_in(site_url, provider, http)
        assert landing.url == f"{site_url}/mine-sider/"
        row = ProviderSession.objects.get()
        assert row.sid != ""
        assert Session.objects.filter(session_key=row.session_key).exists()

        # The person logs out at the provider (e.g. from another of the municipality's sites).
        at_provider.log_out(f"{provider.issuer}/session/end?client_id={CLIENT_ID}")

        assert provider.backchannel_calls() == [
            {"client_id": CLIENT_ID, "sub": "anne", "sid": row.sid, "ok": True}
        ]
        assert Session.objects.filter(session_key=row.session_key).exists() is False
        assert ProviderSession.objects.exists() is False
        again = http.get(f"{site_url}/mine-sider/", allow_redirects=False, timeout=10)
        assert again.headers["Location"] == "/konto/login/?next=/mine-sider/"
