"""Staff log in with the municipality's account (a real OpenID Connect provider started for
the test, tests/accounts/oidc.py) and land in the admin without our TOTP step."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from accounts.roles import Role
from tests.accounts.oidc import running_provider, staff_account

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(live_server, tmp_path, settings):
    site_url = live_server.url.replace("localhost", "127.0.0.1")
    accounts = {"anne": staff_account("anne@kalundborg.test", groups=["web"], name="Anne Holm")}
    with running_provider(tmp_path, accounts, site_url=site_url) as provider:
        provider.configure(settings, mitid=True)
        settings.STAFF_MFA_REQUIRED = True
        yield site_url


def sign_in_at_provider(page):
    expect(page.get_by_role("heading", name="Log ind hos kommunen")).to_be_visible()
    page.get_by_label("Brugernavn").fill("anne")
    page.get_by_label("Adgangskode").fill("kode")
    page.get_by_role("button", name="Log ind").click()


def test_staff_go_from_the_admin_login_through_the_municipality_into_the_admin(page, site):
    page.goto(site + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))

    page.get_by_role("button", name="Log ind med kommunens konto").click()
    sign_in_at_provider(page)

    expect(page).to_have_url(site + "/admin/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "totp" not in page.url
    assert list(
        User.objects.get(email="anne@kalundborg.test").groups.values_list("name", flat=True)
    ) == [Role.EDITOR]


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_the_login_page_and_linked_logins_are_accessible(page, site, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/konto/login/")
    expect(page.get_by_role("button", name="Log ind med kommunens konto")).to_be_visible()
    expect(page.get_by_role("button", name="Log ind med MitID")).to_be_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.get_by_role("button", name="Log ind med kommunens konto").click()
    sign_in_at_provider(page)
    expect(page).to_have_url(site + "/mine-sider/")
    menu = page.locator("summary.disclosure__summary")
    if menu.is_visible():  # on a phone Mine sider's menu is one line until opened
        menu.click()
    page.get_by_role("link", name="Login-metoder").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Login-metoder")
    expect(page.get_by_role("button", name="Tilknyt MitID")).to_be_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
