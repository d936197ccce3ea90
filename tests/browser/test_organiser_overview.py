"""The paged participant overview in the browser (issue 17), at a phone's width and a
desktop's: page through the confirmed participants, find a person by name, and act on them
from the search result — approve, give a seat from the waiting list, cancel a signup, mark
everyone present — with axe on every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Attendance, Signup, SignupStatus
from courses.views.organiser.overview import PARTICIPANTS_PER_PAGE
from tests.browser.helpers import csp_errors, log_in
from tests.courses.factories import CourseFactory, SignupFactory, local, waitlist
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_organiser_pages_searches_and_acts_on_a_participant(
    page, live_server, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    errors = csp_errors(page)
    organiser = UserFactory(full_name="Olga Arrangør")
    seats = PARTICIPANTS_PER_PAGE + 3
    # A meeting under way whatever the hour: attendance can be marked (it is today) and
    # seats can still be given (the course has not ended). A 17-20 meeting today had ended
    # for a run after 20:00.
    course = CourseFactory(
        capacity=seats,
        meetings=[(local(timezone.localdate(), 0), timezone.now() + timedelta(hours=3))],
        organisers=[organiser],
    )
    for number in range(PARTICIPANTS_PER_PAGE):
        SignupFactory(course=course, user=UserFactory(full_name=f"Deltager {number:02d}"))
    SignupFactory(course=course, user=UserFactory(full_name="Åse Østergaard"))
    pending = SignupFactory(
        course=course, user=UserFactory(full_name="Pia Afventer"), status=SignupStatus.PENDING
    )
    (waiting,) = waitlist(course, [UserFactory(full_name="Wilma Venter")])
    log_in(page, live_server.url, organiser)
    base = f"{live_server.url}/kurser/{course.slug}/arrangoer/"

    page.goto(base)
    expect(page.locator(".pagination").first).to_contain_text("Side 1 af 2")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name="Næste").first.click()
    expect(page.get_by_role("cell", name=re.compile("^Åse Østergaard"))).to_be_visible()

    # (the header has a "Søg" button too)
    search_button = page.locator("form.participant-search").get_by_role("button", name="Søg")
    page.get_by_label("Find en deltager på navn eller e-mail").fill("pia")
    search_button.click()
    expect(page.locator("p[role=status]")).to_contain_text("1 deltager passer på »pia«")
    assert_accessible(page)
    page.get_by_role("button", name="Godkend Pia Afventer").click()
    expect(page.locator(".messages")).to_contain_text("Pia Afventer er godkendt")
    pending.refresh_from_db()
    # Behind Wilma, who was waiting first, or in a seat: either way approved.
    assert pending.status in (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)

    page.get_by_label("Find en deltager på navn eller e-mail").fill("wilma")
    search_button.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Giv en plads Wilma Venter").click()
    waiting.refresh_from_db()
    assert waiting.status in (SignupStatus.OFFERED, SignupStatus.CONFIRMED)

    page.get_by_label("Find en deltager på navn eller e-mail").fill("Østergaard")
    search_button.click()
    page.get_by_role("link", name="Afmelding Åse Østergaard").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Afmelding").click()
    assert not Signup.objects.filter(
        course=course, user__full_name="Åse Østergaard", status=SignupStatus.CONFIRMED
    ).exists()

    with page.expect_navigation():
        page.get_by_role("button", name="Alle mødt").first.click()
    confirmed = Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED).count()
    assert Attendance.objects.filter(signup__course=course, present=True).count() == confirmed
    assert_accessible(page)
    assert errors == []
