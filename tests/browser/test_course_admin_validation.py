"""Validation in words (issue 20, item 3), in Chromium: a course administrator edits a course in
the Wagtail admin and makes a meeting end before it starts and the cancellation deadline fall
before the signup deadline. The form answers with the rules in Danish on the fields they
concern, never the database's constraint name, and nothing is saved. At 1280 px and 390 px."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import Role
from tests.browser.helpers import log_in
from tests.courses.factories import CourseFactory
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def at(day, hour: int) -> str:
    return f"{day:%Y-%m-%d} {hour:02d}:00"


def fill(page, tab, name, value):
    """Type a date and time into the admin's field and close its date picker, which would
    otherwise cover the fields below it."""
    field = page.locator(f"input[name='{name}']")
    for _ in range(3):
        page.get_by_role("tab", name=tab).click()
        try:
            expect(field).to_be_visible(timeout=2_000)
            break
        except AssertionError:
            # Under load the last field's date picker can still be closing and take the click.
            page.keyboard.press("Escape")
    expect(field).to_be_visible()
    field.fill(value)
    field.press("Escape")


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]
)
def test_the_course_form_states_its_rules_in_words(page, live_server, viewport):
    staff = UserFactory(full_name="Kirsten Kursus", roles=[Role.COURSE_ADMINISTRATOR])
    course = CourseFactory(title="Ny i bestyrelsen", meetings=1)
    meeting = course.meetings.get()
    day = timezone.localdate() + timedelta(days=20)
    page.set_viewport_size(viewport)
    log_in(page, live_server.url, staff)

    page.goto(f"{live_server.url}/admin/snippets/courses/course/edit/{course.pk}/")
    fill(page, "Tid og sted", "meetings-0-starts_at", at(day, 18))
    fill(page, "Tid og sted", "meetings-0-ends_at", at(day, 17))
    fill(page, "Tilmelding", "signup_deadline", at(day - timedelta(days=2), 12))
    fill(page, "Tilmelding", "cancellation_deadline", at(day - timedelta(days=5), 12))
    page.locator("button[type=submit]", has_text="Gem").first.click()

    content = page.locator("main")
    expect(content).to_contain_text(re.compile("kunne ikke gemmes|rette fejlene"))
    page.get_by_role("tab", name="Tid og sted").click()
    expect(page.get_by_text("Kursusgangen skal slutte efter den begynder")).to_be_visible()
    page.get_by_role("tab", name="Tilmelding").click()
    expect(
        page.get_by_text("Afmeldingsfristen kan ikke ligge før tilmeldingsfristen")
    ).to_be_visible()
    expect(content).not_to_contain_text("courses_meeting_ends_after_start")
    expect(content).not_to_contain_text("Begrænsning")
    meeting.refresh_from_db()
    assert meeting.ends_at > meeting.starts_at
