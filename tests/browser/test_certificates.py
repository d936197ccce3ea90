"""An organiser issues the course's certificates, the participant downloads hers from Mine
beviser, and someone she shows it to checks it on /bevis/ by typing the code sloppily (lower
case, O for 0); she downloads it as an Open Badge too, and it is checked on /bevis/verificer/.
Every page must pass axe (WCAG 2.1 A/AA)."""

import json
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from certificates import codes, services
from courses.models import Course
from tests.browser.helpers import log_in
from tests.certificates.conftest import attend, finished_course
from tests.courses.factories import SignupFactory
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DATA = "0A1B2C3D4E5F6G7H"
CODE = DATA + codes.check_symbol(DATA)


def test_issue_download_and_verify(browser, live_server, assert_accessible, monkeypatch):
    monkeypatch.setattr(codes, "generate", lambda: CODE)
    course = finished_course(title="Frivilligledelse i praksis", slug="frivilligledelse")
    organiser = UserFactory(full_name="Lene Dalgaard")
    Course.organisers.through.objects.create(course=course, user=organiser)
    birthe = UserFactory(full_name="Birthe Østergaard")
    attend(SignupFactory(course=course, user=birthe))
    attend(SignupFactory(course=course), present=False)

    # The organiser issues the certificates from the course's organiser tools.
    organiser_page = browser.new_context().new_page()
    log_in(organiser_page, live_server.url, organiser)
    organiser_page.goto(f"{live_server.url}/kurser/frivilligledelse/arrangoer/")
    organiser_page.get_by_role("link", name="Beviser").click()
    expect(organiser_page.get_by_role("heading", level=1)).to_have_text("Beviser")
    assert_accessible(organiser_page)
    organiser_page.get_by_role("button", name="Udsted 1 bevis").click()
    expect(organiser_page.locator("#certificate-progress")).to_contain_text("1 af 1 udstedt")
    expect(organiser_page.locator("td .certificate-code")).to_have_text(codes.display(CODE))
    assert_accessible(organiser_page)
    assert [message.to for message in mail.outbox] == [[birthe.email]]

    # Birthe downloads it from Mine sider › Mine beviser.
    page = browser.new_context().new_page()
    log_in(page, live_server.url, birthe)
    page.get_by_role("link", name="Mine beviser").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine beviser")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("^Hent PDF")).click()
    download = download_info.value
    assert download.suggested_filename == f"Kursusbevis {codes.display(CODE)}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # Anyone can check it by typing the code, however they type it.
    public = browser.new_context().new_page()
    public.goto(f"{live_server.url}/bevis/")
    assert_accessible(public)
    typed = codes.display(CODE).lower().replace("0", "o").replace("-", " ")
    public.get_by_label("Beviskode").fill(typed)
    public.get_by_role("button", name="Kontrollér").click()
    expect(public).to_have_url(re.compile(f"/bevis/{codes.display(CODE)}/$"))
    expect(public.locator(".verify__status")).to_contain_text("Gyldigt")
    expect(public.locator(".verify__facts")).to_contain_text("Birthe Østergaard")
    expect(public.locator(".verify__facts")).to_contain_text("Frivilligledelse i praksis")
    assert birthe.email not in public.content()
    assert_accessible(public)

    # On a phone, too.
    public.set_viewport_size({"width": 390, "height": 800})
    assert_accessible(public)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/mine-sider/beviser/")
    assert_accessible(page)

    public.goto(f"{live_server.url}/en/bevis/{codes.display(CODE)}/")
    expect(public.locator(".verify__status")).to_contain_text("Valid")
    assert_accessible(public)

    public.goto(f"{live_server.url}/bevis/?code=ABCD")
    expect(public.locator(".verify__form")).to_contain_text("ikke en gyldig beviskode")
    assert_accessible(public)


def test_download_the_open_badge_and_check_it_on_the_sites_verifier(
    browser, live_server, assert_accessible, monkeypatch
):
    monkeypatch.setattr(codes, "generate", lambda: CODE)
    course = finished_course(title="Frivilligledelse i praksis", slug="frivilligledelse")
    birthe = UserFactory(full_name="Birthe Østergaard")
    signup = attend(SignupFactory(course=course, user=birthe))
    services.issue_course_certificate(signup, notify=False, with_pdf=False)

    # Birthe downloads her certificate as an Open Badge, with her name in it.
    page = browser.new_context().new_page()
    log_in(page, live_server.url, birthe)
    page.goto(f"{live_server.url}/mine-sider/beviser/")
    page.get_by_role("checkbox", name=re.compile("^Vis mit navn i filen")).check()
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("^Hent som Open Badge")).click()
    download = download_info.value
    assert download.suggested_filename == f"Open Badge {codes.display(CODE)}.json"
    badge = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert badge["credentialSubject"]["identifier"][-1]["identityHash"] == "Birthe Østergaard"

    # A job portal's caseworker finds the verifier from the certificate's page and uploads it.
    public = browser.new_context().new_page()
    public.goto(f"{live_server.url}/bevis/{codes.display(CODE)}/")
    expect(public.locator(".verify__badge")).to_contain_text("Open Badge")
    assert_accessible(public)
    public.locator(".verify__badge").get_by_role("link", name="vores kontrolside").click()
    expect(public.get_by_role("heading", level=1)).to_have_text("Kontrollér et Open Badge")
    assert_accessible(public)
    public.get_by_label("Fil med Open Badge").set_input_files(download.path())
    public.get_by_role("button", name="Kontrollér").click()
    expect(public.locator(".verify__status")).to_contain_text("Gyldigt")
    expect(public.locator(".verify__facts")).to_contain_text("Birthe Østergaard")
    expect(public.locator(".verify__facts")).to_contain_text("Frivilligledelse i praksis")
    assert_accessible(public)

    # Someone pastes a copy with a changed course name, in English, on a phone.
    public.set_viewport_size({"width": 390, "height": 800})
    public.goto(f"{live_server.url}/en/bevis/verificer/")
    tampered = {**badge, "name": "Regnskab for kasserere"}
    public.get_by_label("Or paste the credential").fill(json.dumps(tampered))
    public.get_by_role("button", name="Check", exact=True).click()
    expect(public.locator(".verify__status")).to_contain_text("Not valid: changed")
    assert_accessible(public)

    # Text that is not JSON gets a form error, not an error page.
    public.get_by_label("Or paste the credential").fill("{ not json")
    public.get_by_role("button", name="Check", exact=True).click()
    expect(public.locator(".errorlist")).to_contain_text("not valid JSON")
    assert_accessible(public)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/en/mine-sider/beviser/")
    expect(page.get_by_role("button", name=re.compile("^Download as Open Badge"))).to_be_visible()
    assert_accessible(page)
