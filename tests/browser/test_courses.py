"""A volunteer finds a course with the filters, signs up, sees it in Mine kurser and
cancels; the next person on the waiting list gets the seat and an email. Every page of the
flow must pass axe (WCAG 2.1 A/AA)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import Role
from courses.models import Signup, SignupStatus
from tests.browser.helpers import log_in
from tests.courses.factories import CourseFactory, SignupFactory, TopicFactory
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def catalogue():
    conflict = TopicFactory(slug="konflikthaandtering", name="Konflikthåndtering")
    board = TopicFactory(slug="bestyrelsesarbejde", name="Bestyrelsesarbejde")
    course = CourseFactory(
        title="Konflikthåndtering i foreningen",
        slug="konflikthaandtering-i-foreningen",
        capacity=1,
        topics=[conflict],
    )
    for number in range(3):
        CourseFactory(title=f"Ny i bestyrelsen, hold {number + 1}", topics=[board])
    return course


def test_find_sign_up_cancel_and_the_waiting_list_moves_up(
    page, browser, live_server, assert_accessible, catalogue
):
    mette = UserFactory(full_name="Mette Sørensen")
    ole = UserFactory(full_name="Ole Skov")
    log_in(page, live_server.url, mette)

    # Find the course with the filters (htmx updates the list and the address).
    page.goto(live_server.url + "/kurser/")
    expect(page.locator("#result-count")).to_have_text("4 kurser")
    assert_accessible(page)
    page.get_by_label("Emne", exact=True).select_option(label="Konflikthåndtering")
    expect(page.locator("#result-count")).to_have_text("1 kursus")
    expect(page).to_have_url(re.compile(r"topic=konflikthaandtering"))
    expect(page.locator(".course-card")).to_have_count(1)
    assert_accessible(page)
    page.get_by_role("link", name="Konflikthåndtering i foreningen").click()

    # Sign up.
    expect(page.get_by_role("heading", level=1)).to_have_text("Konflikthåndtering i foreningen")
    expect(page.locator(".signup-panel .seats")).to_have_text("1 ledig plads")
    assert_accessible(page)
    page.get_by_label("Forening").fill("Kalundborg Roklub")
    page.get_by_role("button", name="Tilmeld mig").click()
    expect(page.get_by_role("status").first).to_contain_text("Du er tilmeldt")
    expect(page.locator(".signup-state")).to_have_text("Du er tilmeldt")
    assert_accessible(page)
    assert mail.outbox[-1].to == [mette.email]
    assert mail.outbox[-1].attachments[0][0] == "konflikthaandtering-i-foreningen.ics"

    # A second person joins the waiting list in another browser.
    other = browser.new_context()
    other_page = other.new_page()
    log_in(other_page, live_server.url, ole)
    other_page.goto(live_server.url + "/kurser/konflikthaandtering-i-foreningen/")
    other_page.get_by_role("button", name="Skriv mig på ventelisten").click()
    expect(other_page.locator(".signup-state")).to_have_text("Du er nr. 1 på ventelisten")
    assert_accessible(other_page)

    # See it in Mine kurser.
    page.get_by_role("link", name="Mine sider").click()
    page.get_by_role("link", name="Mine kurser").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine kurser")
    expect(page.get_by_role("link", name="Konflikthåndtering i foreningen")).to_be_visible()
    assert_accessible(page)

    # Cancel.
    page.get_by_role("link", name="Konflikthåndtering i foreningen").click()
    page.get_by_role("button", name="Afmeld mig").click()
    # It asks first and says where the seat goes.
    expect(page.get_by_role("heading", level=1)).to_have_text("Vil du afmelde dig?")
    expect(page.locator(".cancel-consequences")).to_contain_text(
        "Din plads går straks til den næste på ventelisten (1 person venter)."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Ja, afmeld mig").click()
    expect(page.get_by_role("status").first).to_contain_text("Du er afmeldt")
    expect(page.get_by_role("button", name="Skriv mig på ventelisten")).to_be_visible()
    assert_accessible(page)

    # Ole got the seat, and the email says so.
    assert Signup.objects.get(user=ole).status == SignupStatus.CONFIRMED
    promoted = [m for m in mail.outbox if m.to == [ole.email]][-1]
    assert promoted.subject == "Du har en plads: Konflikthåndtering i foreningen"
    assert "en plads er blevet ledig" in promoted.body
    other_page.goto(live_server.url + "/mine-sider/kurser/")
    expect(other_page.get_by_text("Du er tilmeldt")).to_be_visible()
    assert_accessible(other_page)
    other.close()


def test_catalogue_filters_work_without_javascript(
    browser, live_server, assert_accessible, catalogue
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(live_server.url + "/kurser/")
    page.get_by_label("Emne", exact=True).select_option(label="Bestyrelsesarbejde")
    page.get_by_role("button", name="Vis kurser").click()

    expect(page).to_have_url(re.compile(r"/kurser/\?.*topic=bestyrelsesarbejde"))
    expect(page.locator("#result-count")).to_have_text("3 kurser")
    context.close()


@pytest.mark.parametrize("width", [1280, 375, 320], ids=["desktop", "phone", "small-phone"])
@pytest.mark.parametrize("prefix", ["", "/en"], ids=["da", "en"])
def test_course_pages_are_accessible_and_fit_a_phone(
    page, live_server, assert_accessible, catalogue, width, prefix
):
    volunteer = UserFactory()
    offered = CourseFactory(title="Tilbudt kursus", capacity=1)
    SignupFactory(
        course=offered,
        user=volunteer,
        status=SignupStatus.OFFERED,
        offer_expires_at=timezone.now() + timedelta(hours=20),
    )
    SignupFactory(course=catalogue, user=volunteer)
    past = CourseFactory(
        title="Introduktion til frivilligledelse",
        meetings=2,
        meetings__first_day=timezone.localdate() - timedelta(days=30),
    )
    SignupFactory(course=past, user=volunteer).attendance.create(
        meeting=past.meetings.order_by("starts_at").first(), present=True
    )
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server.url, volunteer, prefix)

    for path in [
        "/kurser/",
        "/kurser/?topic=konflikthaandtering&free_seats=on",
        f"/kurser/{catalogue.slug}/",
        f"/kurser/{offered.slug}/",
        f"/kurser/{catalogue.slug}/min-tilmelding/",
        "/mine-sider/",
        "/mine-sider/kurser/",
    ]:
        page.goto(live_server.url + prefix + path)
        expect(page.locator("html")).to_have_attribute("lang", prefix.strip("/") or "da")
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_organiser_pages_are_accessible(page, live_server, assert_accessible, width):
    organiser = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    course = CourseFactory(
        capacity=2, meetings=2, meetings__first_day=timezone.localdate(), requires_approval=True
    )
    SignupFactory(course=course, needs="Kørestol")
    SignupFactory(course=course, status=SignupStatus.PENDING)
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server.url, organiser)
    meeting = course.meetings.order_by("starts_at").first()
    base = f"{live_server.url}/kurser/{course.slug}/arrangoer/"

    for path in ["", "fremmoedeliste/", f"fremmoede/{meeting.pk}/", "skriv/", "kopier/"]:
        page.goto(base + path)
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path

    # Attendance on a phone: tick and save.
    page.goto(base + f"fremmoede/{meeting.pk}/")
    page.locator(".attendance-toggle").first.click()
    page.get_by_role("button", name="Gem fremmøde").click()
    expect(page.get_by_role("status").first).to_contain_text("Fremmødet er gemt: 1 af 1")
    assert_accessible(page)
