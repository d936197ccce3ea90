"""The course admin's organiser field in Chromium (issue 20, item 2): a course administrator
types "Birthe", sees the two Birthe Olsen among staff and course providers told apart by email
and organisation (the volunteer Birthe Olsen is not offered), adds one and saves; at 1280 px and
390 px."""

import re

import pytest
from playwright.sync_api import expect

from accounts.roles import Role
from courses.models import Course
from tests.browser.helpers import log_in
from tests.courses.factories import CourseFactory, ProviderFactory
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}]
)
def test_a_course_administrator_finds_and_adds_an_organiser(page, live_server, viewport):
    staff = UserFactory(full_name="Kim Kursus", roles=[Role.COURSE_ADMINISTRATOR])
    consultant = UserFactory(
        full_name="Birthe Olsen",
        email="birthe.olsen@kalundborg.dk",
        roles=[Role.VOLUNTEER_CONSULTANT],
    )
    ProviderFactory(name="Dansk Førstehjælpsråd", contact_email="birthe@foerstehjaelp.dk")
    UserFactory(full_name="Birthe Olsen", email="birthe@foerstehjaelp.dk")
    UserFactory(full_name="Birthe Olsen", email="birthe@roklubben.dk")
    course = CourseFactory(title="Ny i bestyrelsen", meetings=1)
    page.set_viewport_size(viewport)
    log_in(page, live_server.url, staff)

    page.goto(f"{live_server.url}/admin/snippets/courses/course/edit/{course.pk}/")
    page.get_by_role("tab", name=re.compile("Arrangører")).click()
    page.get_by_label("Find en person at tilføje").fill("Birthe")
    results = page.locator("[data-organiser-results] button")
    expect(results).to_have_count(2)
    expect(results.filter(has_text="birthe.olsen@kalundborg.dk")).to_have_count(1)
    expect(results.filter(has_text="Dansk Førstehjælpsråd")).to_have_count(1)
    expect(page.get_by_text("birthe@roklubben.dk")).to_have_count(0)
    results.filter(has_text="birthe.olsen@kalundborg.dk").click()
    expect(
        page.locator("[data-organiser-chosen]").get_by_label(re.compile("Birthe Olsen"))
    ).to_be_checked()
    page.locator("button[type=submit]", has_text="Gem").first.click()

    expect(page.locator(".messages")).to_contain_text("Ny i bestyrelsen")
    assert list(Course.objects.get(pk=course.pk).organisers.all()) == [consultant]
