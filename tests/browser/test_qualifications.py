"""Issue 20 item 8 in the browser: a volunteer sees her qualifications with their validity
("gyldig til" / "udløbet", "valid until" / "expired") on Mine sider, Mine kurser and Mine
beviser, with the course that renews one; the course page says what it grants. 390 px and
1280 px, Danish and English, axe on every page, no CSP errors in the console."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Attendance, QualificationKind
from tests.browser.helpers import WIDTHS, csp_errors, log_in, shoot
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def completed(kind, user, days_ago, title):
    day = timezone.localdate() - timedelta(days=days_ago)
    course = CourseFactory(title=title, qualification=kind, meetings=1, meetings__first_day=day)
    signup = SignupFactory(course=course, user=user)
    Attendance.objects.create(signup=signup, meeting=course.meetings.get(), present=True)


@pytest.fixture
def volunteer():
    """Valid first aid that runs out in about a month, an expired child-safeguarding course,
    and the coming first-aid course that renews it."""
    user = UserFactory(full_name="Lene Frivillig")
    first_aid = QualificationKind.objects.create(
        name="Førstehjælp", name_en="First aid", validity_months=24
    )
    children = QualificationKind.objects.create(
        name="Børn og unge: trivsel og børneattest",
        name_en="Children and young people: wellbeing and child-record checks",
        validity_months=36,
    )
    completed(first_aid, user, 700, "Førstehjælp for trænere og ledere")
    completed(children, user, 1200, "Børn og unge i foreningen")
    CourseFactory(
        title="Førstehjælp – nyt hold",
        slug="foerstehjaelp-nyt-hold",
        qualification=first_aid,
        meetings__first_day=timezone.localdate() + timedelta(days=20),
    )
    return user


@pytest.mark.parametrize("width", WIDTHS)
def test_mine_sider_shows_qualifications_with_their_validity(
    page, live_server, assert_accessible, volunteer, width
):
    page.set_viewport_size({"width": width, "height": 900})
    errors = csp_errors(page)
    log_in(page, live_server.url, volunteer)

    box = page.locator("section", has=page.get_by_role("heading", name="Mine kvalifikationer"))
    expect(box.get_by_text(re.compile(r"^gyldig til \d+\. \w+ \d{4}$"))).to_be_visible()
    expect(box.get_by_text(re.compile(r"^udløbet \d+\. \w+ \d{4}$"))).to_be_visible()
    expect(box.get_by_role("link", name="Førstehjælp – nyt hold")).to_be_visible()
    assert_accessible(page)
    shoot(page, f"qualifications-dashboard-da-{width}")

    page.goto(live_server.url + "/mine-sider/kurser/")
    section = page.locator("section", has=page.get_by_role("heading", name="Kvalifikationer"))
    expect(section.locator(".qualification__name")).to_have_text(
        ["Børn og unge: trivsel og børneattest", "Førstehjælp"]
    )
    expect(section.get_by_text("Forny den:")).to_have_count(1)
    assert_accessible(page)
    shoot(page, f"qualifications-mine-kurser-da-{width}")

    page.goto(live_server.url + "/mine-sider/beviser/")
    expect(page.get_by_role("heading", name="Kvalifikationer")).to_be_visible()
    assert_accessible(page)
    shoot(page, f"qualifications-beviser-da-{width}")

    page.goto(live_server.url + "/en/mine-sider/kurser/")
    section = page.locator("section", has=page.get_by_role("heading", name="Qualifications"))
    expect(section.locator(".qualification__name")).to_have_text(
        ["Children and young people: wellbeing and child-record checks", "First aid"]
    )
    expect(section.get_by_text(re.compile(r"^valid until \d+ \w+ \d{4}$"))).to_be_visible()
    expect(section.get_by_text(re.compile(r"^expired \d+ \w+ \d{4}$"))).to_be_visible()
    expect(section.get_by_text("Renew it:")).to_have_count(1)
    assert_accessible(page)
    shoot(page, f"qualifications-mine-kurser-en-{width}")

    page.goto(live_server.url + "/kurser/foerstehjaelp-nyt-hold/")
    expect(page.get_by_text("Giver kvalifikationen Førstehjælp, gyldig i 2 år.")).to_be_visible()
    assert_accessible(page)
    shoot(page, f"qualifications-course-da-{width}")
    page.goto(live_server.url + "/en/kurser/foerstehjaelp-nyt-hold/")
    expect(
        page.get_by_text("Grants the qualification First aid, valid for 2 years.")
    ).to_be_visible()
    assert_accessible(page)
    assert errors == []
