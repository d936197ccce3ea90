"""A paid course (issue 20, item 7): the course page says what it costs and how to pay, the
signup asks whom to invoice and explains a wrong EAN number in words, the confirmation says it
again, and the organiser downloads the invoicing list. At 390 px and 1280 px, in Danish and
English; every page passes axe (WCAG 2.1 A/AA)."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.core import mail
from playwright.sync_api import expect

from courses.models import PaymentMethod, Signup, SignupStatus
from tests.browser.helpers import log_in
from tests.courses.factories import CourseFactory
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

TEXTS = {
    "": {
        "price": "150 kr.",
        "method": "Faktura til foreningen (EAN eller CVR)",
        "legend": "Fakturering",
        "association": "Forening, der skal faktureres",
        "ean": "EAN-nummer",
        "bad_ean": "EAN-nummeret findes ikke",
        "submit": "Tilmeld mig",
        "confirmed": "Du er tilmeldt",
    },
    "/en": {
        "price": "DKK 150",
        "method": "Invoice to the association (EAN or CVR)",
        "legend": "Invoicing",
        "association": "Association to invoice",
        "ean": "EAN number",
        "bad_ean": "This EAN number does not exist",
        "submit": "Sign me up",
        "confirmed": "You are signed up",
    },
}


@pytest.fixture
def paid_course():
    organiser = UserFactory(full_name="Lene Holm")
    course = CourseFactory(
        title="Regnskab for kasserere",
        slug="regnskab-for-kasserere",
        price=Decimal("150"),
        payment_method=PaymentMethod.INVOICE,
        payment_note="Fakturaen sendes, når kurset er holdt.",
        capacity=12,
    )
    course.organisers.add(organiser)
    course.save()  # a ParentalManyToManyField is kept in memory until the course is saved
    return course, organiser


@pytest.mark.parametrize(
    ("prefix", "viewport"), [("", PHONE), ("/en", DESKTOP), ("", DESKTOP), ("/en", PHONE)]
)
def test_a_paid_course_says_how_to_pay_and_asks_whom_to_invoice(
    page, live_server, assert_accessible, paid_course, prefix, viewport, tmp_path
):
    course, organiser = paid_course
    text = TEXTS[prefix]
    volunteer = UserFactory(full_name="Bente Kjær")
    page.set_viewport_size(viewport)
    log_in(page, live_server.url, volunteer, prefix)

    page.goto(f"{live_server.url}{prefix}/kurser/{course.slug}/")
    facts = page.locator("dl")
    expect(facts.filter(has_text=text["price"]).first).to_be_visible()
    expect(page.get_by_text(text["method"])).to_be_visible()
    expect(page.get_by_text("Fakturaen sendes, når kurset er holdt.")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=tmp_path / "course.png", full_page=True)

    invoicing = page.locator("fieldset", has_text=text["legend"])
    expect(invoicing).to_be_visible()
    invoicing.get_by_label(text["association"]).fill("Gørlev Boldklub")
    # A typing mistake in the last digit: refused in words, nothing is saved.
    invoicing.get_by_label(text["ean"]).fill("5790001234567")
    page.get_by_role("button", name=text["submit"]).click()
    expect(page.get_by_text(text["bad_ean"])).to_be_visible()
    assert not Signup.objects.filter(course=course, user=volunteer).exists()
    assert_accessible(page)
    page.screenshot(path=tmp_path / "signup-error.png", full_page=True)

    page.locator("fieldset", has_text=text["legend"]).get_by_label(text["ean"]).fill(
        "5790 0012 3456 0"
    )
    page.get_by_role("button", name=text["submit"]).click()
    expect(page.get_by_text(text["confirmed"]).first).to_be_visible()
    signup = Signup.objects.get(course=course, user=volunteer)
    assert signup.status == SignupStatus.CONFIRMED
    assert (signup.invoice_association, signup.invoice_ean) == (
        "Gørlev Boldklub",
        "5790001234560",
    )
    confirmation = next(m for m in mail.outbox if volunteer.email in m.to)
    assert "Gørlev Boldklub" in confirmation.body
    assert_accessible(page)

    # The organiser's invoicing list holds the row, as the spreadsheet will show it.
    page.context.clear_cookies()
    log_in(page, live_server.url, organiser, prefix)
    page.goto(f"{live_server.url}{prefix}/kurser/{course.slug}/arrangoer/")
    assert_accessible(page)
    page.screenshot(path=tmp_path / "organiser.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"(Fakturerings|Invoicing) ?list.*CSV")).click()
    content = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert any("Gørlev Boldklub" in row and "5790001234560" in row for row in rows), rows
