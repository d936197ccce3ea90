"""Issue 20 in the browser: the site search finds Danish words in every kind of content,
"Afmeld mig" asks first and can be undone, and typing in the header search leaves the course
list alone. 390 px (a phone) and 1280 px; axe on every page; no CSP errors in the console."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Signup, SignupStatus
from tests.associations.factories import AssociationFactory
from tests.browser.helpers import WIDTHS, csp_errors, log_in, shoot
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory
from tests.schools.factories import OfferFactory, SchoolFactory, ThemeWeekFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_search_finds_every_kind_by_danish_words(page, live_server, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 900})
    errors = csp_errors(page)
    CourseFactory(title="Ny i bestyrelsen", slug="ny-i-bestyrelsen")
    CourseFactory(title="Kassererkursus", slug="kassererkursus")
    NetworkFactory(name="Spejderledernes netværk", slug="spejderledere")
    NetworkFactory(name="Lukket spejdernetværk", slug="lukket", is_listed=False)
    scouts = AssociationFactory(name="Svebølle Spejderne", slug="svebolle-spejderne")
    AssociationFactory(name="Skjulte spejdere", slug="skjulte", is_public=False)
    OfferFactory(association=scouts, title="Hjælpeleder til spejdermøder")
    ThemeWeekFactory(school=SchoolFactory(name="Høng Skole"), theme="Fællesskab")

    page.goto(live_server.url + "/soeg/")
    page.get_by_label("Søg efter").fill("spejder")
    page.get_by_label("Søg efter").press("Enter")

    expect(page.get_by_role("status")).to_have_text(re.compile(r"^3 resultater for .spejder.$"))
    headings = page.locator(".search-group h2")
    expect(headings).to_have_text(
        [re.compile("^Netværk"), re.compile("^Foreninger"), re.compile("^Frivilligpraktik")]
    )
    expect(page.get_by_role("link", name="Svebølle Spejderne")).to_be_visible()
    expect(page.get_by_text("Skjulte spejdere")).to_have_count(0)
    expect(page.get_by_text("Lukket spejdernetværk")).to_have_count(0)
    assert_accessible(page)
    shoot(page, f"search-spejder-{width}")

    for word, title in (
        ("bestyrelse", "Ny i bestyrelsen"),
        ("kasserer", "Kassererkursus"),
        ("temauge", "Fællesskab – Høng Skole"),
        ("praktik", "Hjælpeleder til spejdermøder"),
    ):
        page.goto(f"{live_server.url}/soeg/?q={word}")
        expect(page.get_by_role("link", name=title)).to_be_visible()
    assert_accessible(page)

    # The catalogue's search field matches the same way.
    page.goto(live_server.url + "/kurser/?q=kasserer")
    expect(page.locator(".course-card")).to_have_count(1)
    expect(page.locator(".course-card")).to_contain_text("Kassererkursus")
    assert errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_cancel_asks_first_and_can_be_undone(page, live_server, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 900})
    errors = csp_errors(page)
    volunteer = UserFactory(full_name="Mette Sørensen")
    course = CourseFactory(title="Ny i bestyrelsen", slug="ny-i-bestyrelsen", capacity=5)
    SignupFactory(course=course, user=volunteer, needs="Vegetar")
    log_in(page, live_server.url, volunteer)

    page.goto(f"{live_server.url}/kurser/ny-i-bestyrelsen/")
    page.get_by_role("button", name="Afmeld mig").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vil du afmelde dig?")
    consequences = page.locator(".cancel-consequences")
    expect(consequences).to_contain_text("Din plads bliver ledig, så andre kan tilmelde sig.")
    expect(consequences).to_contain_text("Det, du skrev under særlige hensyn, bliver slettet.")
    assert_accessible(page)
    shoot(page, f"cancel-question-{width}")
    assert Signup.objects.get(user=volunteer).status == SignupStatus.CONFIRMED

    page.get_by_role("button", name="Ja, afmeld mig").click()
    expect(page.get_by_role("status").first).to_contain_text("Du er afmeldt")
    undo = page.locator(".undo-cancel")
    expect(undo).to_contain_text("Fortrudt?")
    assert_accessible(page)
    shoot(page, f"cancel-undo-offer-{width}")

    undo.get_by_role("button", name="Fortryd afmeldingen").click()
    expect(page.get_by_role("status").first).to_contain_text("Pladsen er din igen")
    expect(page.locator(".signup-state")).to_have_text("Du er tilmeldt")
    expect(page.locator(".undo-cancel")).to_have_count(0)
    assert_accessible(page)
    shoot(page, f"cancel-undone-{width}")
    assert Signup.objects.filter(user=volunteer, status=SignupStatus.CONFIRMED).count() == 1
    assert errors == []


def test_typing_in_the_header_search_does_not_refresh_the_course_list(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    CourseFactory(title="Ny i bestyrelsen", slug="ny-i-bestyrelsen")
    page.goto(live_server.url + "/kurser/")
    catalogue_requests = []
    page.on(
        "request",
        lambda request: (
            catalogue_requests.append(request.url) if "/kurser/?" in request.url else None
        ),
    )

    page.locator("#header-search-q").press_sequentially("kasserer", delay=50)
    page.wait_for_timeout(1000)

    assert catalogue_requests == []
    expect(page.locator(".course-card")).to_have_count(1)

    # Typing in the catalogue's own field still filters as you type.
    page.get_by_label("Søg", exact=True).press_sequentially("kasserer", delay=50)
    expect(page.locator("#result-count")).to_have_text("0 kurser")
    assert catalogue_requests
