import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [1280, 320], ids=["desktop", "phone"])
def test_home_in_both_languages_is_accessible(page, demo, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(demo.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Frivilligløft")
    assert_accessible(page)
    # Nothing sticks out sideways at phone width (WCAG 1.4.10 reflow).
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(demo.url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    assert_accessible(page)


def test_language_switch_keeps_the_page(page, demo, assert_accessible):
    page.goto(demo.url + "/om/")
    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(demo.url + "/en/om/")
    expect(page.get_by_role("heading", level=1)).to_have_text("About Frivilligløft")
    assert_accessible(page)


@pytest.mark.parametrize(
    "path", ["/privatlivspolitik/", "/tilgaengelighedserklaering/", "/en/privatlivspolitik/"]
)
def test_standard_pages_are_accessible(page, demo, assert_accessible, path):
    page.goto(demo.url + path)

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_skip_link_moves_focus_to_the_content(page, demo):
    page.goto(demo.url + "/")
    page.keyboard.press("Tab")

    skip = page.get_by_role("link", name="Spring til indholdet")
    expect(skip).to_be_focused()
    skip.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_signup_verify_login_logout(page, demo, assert_accessible):
    page.goto(demo.url + "/")
    page.get_by_role("link", name="Opret profil").first.click()
    expect(page.get_by_label("Fulde navn")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Fulde navn").fill("Sofie Lund")
    page.get_by_label("E-mail").fill("sofie@example.org")
    page.get_by_label("Adgangskode", exact=True).fill("korrekt-hest-batteri-42")
    page.get_by_label("Adgangskode (igen)").fill("korrekt-hest-batteri-42")
    page.get_by_role("button", name="Opret profil").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Bekræft"))
    assert_accessible(page)
    link = re.search(r"https?://\S+/konto/confirm-email/\S+", mail.outbox[-1].body).group(0)
    # The mail's links are on SITE_URL; the browser opens the same path on the test server.
    page.goto(demo.url + "/konto/confirm-email/" + link.split("/konto/confirm-email/", 1)[1])
    assert_accessible(page)
    page.get_by_role("button", name="Bekræft").click()

    expect(page).to_have_url(demo.url + "/mine-sider/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Velkommen, Sofie")
    assert_accessible(page)

    page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_role("link", name="Log ind")).to_be_visible()

    page.get_by_role("link", name="Log ind").click()
    assert_accessible(page)
    page.get_by_label("E-mail").fill("sofie@example.org")
    page.get_by_label("Adgangskode").fill("korrekt-hest-batteri-42")
    page.get_by_role("button", name="Log ind").click()
    expect(page).to_have_url(demo.url + "/mine-sider/")


def test_login_with_wrong_password_explains_in_danish(page, demo, assert_accessible):
    page.goto(demo.url + "/konto/login/")
    page.get_by_label("E-mail").fill("frivillig@frivilligloeft.test")
    page.get_by_label("Adgangskode").fill("forkert")
    page.get_by_role("button", name="Log ind").click()

    expect(page.get_by_role("alert")).to_contain_text("adgangskode er ikke korrekt")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["da", "en"])
def test_mine_sider_pages_are_accessible(page, demo, assert_accessible, language):
    prefix = "" if language == "da" else "/en"
    page.goto(demo.url + prefix + "/konto/login/")
    page.locator("input[name=login]").fill("frivillig@frivilligloeft.test")
    page.locator("input[name=password]").fill("frivillig-demo-2026")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile("/mine-sider/$"))

    for path in [
        "/mine-sider/",
        "/mine-sider/profil/",
        "/mine-sider/dine-data/",
        "/mine-sider/dine-data/slet-konto/",
        "/konto/password/change/",
        "/konto/email/",
    ]:
        page.goto(demo.url + prefix + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "/konto/login/",
        "/konto/signup/",
        "/konto/password/reset/",
        "/en/konto/login/",
        "/en/konto/signup/",
        "/en/konto/password/reset/",
    ],
)
def test_entrance_pages_are_accessible_in_both_languages(page, demo, assert_accessible, path):
    page.goto(demo.url + path)

    expect(page.locator("html")).to_have_attribute(
        "lang", "en" if path.startswith("/en/") else "da"
    )
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
