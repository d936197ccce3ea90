import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from associations.models import ChildRecordDeclaration
from tests.browser.helpers import log_in_to_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VOLUNTEER = "frivillig@frivilligloeft.test"


def test_admin_edits_association_and_declares_child_record_checks(page, demo, assert_accessible):
    year = timezone.localdate().year
    ChildRecordDeclaration.objects.filter(
        association__slug="hoeng-idraetsforening", year=year
    ).delete()
    badge = f"Børneattester indhentet {year}"

    page.goto(demo.url + "/foreninger/hoeng-idraetsforening/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Høng Idrætsforening")
    expect(page.get_by_text(badge)).to_have_count(0)

    log_in_to_demo(page, demo.url, VOLUNTEER)
    expect(page.get_by_text(f"Erklæring om børneattester for {year} mangler")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Mine foreninger").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Administrér foreningen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Høng Idrætsforening")
    assert_accessible(page)

    page.get_by_role("link", name="Oplysninger", exact=True).click()
    assert_accessible(page)
    page.get_by_label("CVR-nummer").fill("12345678")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Angiv et gyldigt CVR-nummer")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("CVR-nummer").fill("DK 29 18 98 46")
    page.get_by_label("Resumé").fill("Fodbold, badminton og motionsløb i Høng – for alle aldre.")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("status").first).to_contain_text("Foreningens oplysninger er gemt")

    page.get_by_role("checkbox", name=re.compile("Jeg bekræfter")).check()
    page.get_by_role("button", name="Erklær").click()
    expect(page.get_by_role("status").first).to_contain_text(badge)
    assert_accessible(page)

    page.get_by_role("link", name="Bestyrelsens kompetencer").first.click()
    expect(page.get_by_text("Ingen i bestyrelsen endnu").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Offentlig side").click()
    expect(page.get_by_text(badge)).to_be_visible()
    expect(page.get_by_text("Fodbold, badminton og motionsløb i Høng")).to_be_visible()
    assert_accessible(page)


def test_directory_filters_on_a_phone(page, demo, assert_accessible):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo.url + "/foreninger/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Foreninger")
    assert_accessible(page)

    page.get_by_label("Kategori", exact=True).select_option(label="Idræt og motion")
    page.get_by_label("Kun foreninger, der søger frivillige").check()
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^\s*1 forening\s*$"))
    expect(page.get_by_role("link", name="Høng Idrætsforening")).to_be_visible()
    assert "category=idraet" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)

    page.get_by_role("search", name="Filtrér foreninger").get_by_label("Søg", exact=True).fill(
        "spejder"
    )
    page.get_by_label("Kategori", exact=True).select_option(label="Alle kategorier")
    expect(page.get_by_role("link", name="Svebølle Spejderne")).to_be_visible()
    assert_accessible(page)

    page.goto(demo.url + "/en/foreninger/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Associations")
    assert_accessible(page)
    page.get_by_role("link", name="Volunteer fairs").click()
    page.get_by_role("link", name=re.compile("Frivilligmessen")).click()
    expect(page.get_by_role("heading", name="Programme: the stands")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
