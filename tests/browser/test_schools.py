import re

import pytest
from playwright.sync_api import expect

from certificates.models import Certificate
from schools.models import Placement, PlacementState
from tests.browser.helpers import log_in_to_demo, log_out

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCHOOL = "skole@frivilligloeft.test"
ASSOCIATION_ADMIN = "frivillig@frivilligloeft.test"
OFFER = "Trænerhjælper for de yngste fodboldspillere"


def test_internship_from_offer_to_certificate(page, demo, assert_accessible):
    # Anyone finds the internships through the main menu and filters them.
    page.goto(demo.url + "/")
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Skoler").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skoler og foreninger")
    assert_accessible(page)
    page.get_by_role("link", name="Se alle praktikopslag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Frivilligpraktik")
    page.get_by_label("Klassetrin").select_option("8")
    page.get_by_role("button", name="Vis praktikopslag").click()
    expect(page.get_by_role("link", name=OFFER)).to_be_visible()
    assert_accessible(page)

    # The school coordinator asks for places for two pupils.
    log_in_to_demo(page, demo.url, SCHOOL)
    page.goto(demo.url + "/skoler/praktik/")
    page.get_by_role("link", name=OFFER).click()
    assert_accessible(page)
    page.get_by_role("link", name="Bed om pladser").click()
    assert_accessible(page)
    page.locator("#id_pupils-0-first_name").fill("Sara")
    page.locator("#id_pupils-0-class_name").fill("8.B")
    page.get_by_label("Besked til foreningen").fill("Sara spiller selv fodbold.")
    page.get_by_role("button", name="Send anmodning").click()
    expect(page.get_by_role("status").first).to_contain_text("Din anmodning er sendt")
    expect(page.get_by_text("Sara, 8.B")).to_be_visible()
    assert_accessible(page)
    placement_url = page.url
    log_out(page)

    # The association's admin accepts and records the agreed days.
    log_in_to_demo(page, demo.url, ASSOCIATION_ADMIN)
    page.get_by_role("link", name="Skoler og praktik").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skoler og praktik")
    assert_accessible(page)
    page.goto(placement_url)
    page.get_by_label("Besked til skolen").fill("Velkommen til, Sara!")
    page.get_by_role("button", name="Sig ja til eleverne").click()
    expect(page.get_by_role("status").first).to_contain_text("Anmodningen er accepteret")
    assert_accessible(page)
    page.get_by_label("Første dag").fill("2026-03-02")
    page.get_by_label("Sidste dag").fill("2026-03-26")
    page.get_by_role("button", name="Praktikken er aftalt").click()
    expect(page.get_by_role("status").first).to_contain_text("Praktikken er aftalt")

    # After the internship the association confirms the hours.
    page.get_by_label("Timer pr. elev").fill("16")
    page.get_by_role("button", name="Bekræft timerne").click()
    expect(page.get_by_role("status").first).to_contain_text("Timerne er bekræftet")
    expect(page.get_by_text("Timer bekræftet").first).to_be_visible()
    assert_accessible(page)

    placement = Placement.objects.get(pupils__first_name="Sara")
    assert placement.state == PlacementState.COMPLETED
    assert placement.hours_confirmed == 16
    log_out(page)

    # The school coordinator finds Sara's internship certificate under Mine beviser, and
    # anyone can check it by its code.
    log_in_to_demo(page, demo.url, SCHOOL)
    page.goto(demo.url + "/mine-sider/beviser/")
    expect(page.get_by_text("Sara (8.B)").first).to_be_visible()
    assert_accessible(page)
    certificate = Certificate.objects.get(holder_name="Sara (8.B)")
    log_out(page)
    page.goto(demo.url + "/bevis/")
    page.get_by_role("textbox").first.fill(certificate.code.lower())
    page.get_by_role("button", name=re.compile("^(Tjek|Kontrollér|Kontroller)$")).first.click()
    expect(page.get_by_text("Gyldigt").first).to_be_visible()
    expect(page.get_by_text("Sara (8.B)").first).to_be_visible()
    assert_accessible(page)


def test_theme_week_programme_in_english(page, demo, assert_accessible):
    page.goto(demo.url + "/en/skoler/temauger/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Theme weeks")
    assert_accessible(page)
    page.get_by_role("link", name="Fællesskab og frivillighed").click()
    expect(page.get_by_role("heading", name="Programme")).to_be_visible()
    expect(page.get_by_text("Planlæg en træning for de små")).to_be_visible()
    expect(page.get_by_text("Et kig bag kulisserne i forsamlingshuset")).to_have_count(0)
    assert_accessible(page)
