"""In Chromium: a course administrator opens the dashboard and "Frivilligløft i tal", changes
the period and downloads the report as XLSX and PDF; a participant answers an evaluation on a
390 px wide phone from the emailed link; a volunteer supports and proposes course wishes. axe
finds no WCAG 2.1 A/AA violation on the public and Mine sider pages on the way."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts.roles import Role
from courses import services
from courses.models import Attendance, CourseWish, EvaluationAnswer
from tests.browser.helpers import log_in
from tests.courses.factories import CourseFactory, SignupFactory, TopicFactory
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def finished_course(title, days_ago=3, **kwargs):
    return CourseFactory(
        title=title,
        meetings=1,
        meetings__first_day=timezone.localdate() - timedelta(days=days_ago),
        **kwargs,
    )


def attended(course, user=None):
    signup = SignupFactory(course=course, **({"user": user} if user else {}))
    Attendance.objects.create(signup=signup, meeting=course.meetings.get(), present=True)
    return signup


def test_course_administrator_dashboard_report_period_and_downloads(page, live_server):
    staff = UserFactory(full_name="Kirsten Kursus", roles=[Role.COURSE_ADMINISTRATOR])
    board = TopicFactory(name="Bestyrelsesarbejde")
    last_year = finished_course("Ny i bestyrelsen, sidste år", days_ago=400, topics=[board])
    this_year = finished_course("Ny i bestyrelsen", days_ago=2, topics=[board])
    for _ in range(4):
        attended(this_year)
    for _ in range(3):
        attended(last_year)
    CourseFactory(title="Kassererkursus", topics=[board], capacity=12)
    today = timezone.localdate()

    log_in(page, live_server.url, staff)
    page.goto(f"{live_server.url}/admin/")
    panel = page.locator("#course-administrator-section")
    expect(panel.get_by_role("heading", name="Kurser", exact=True)).to_be_visible()
    expect(panel.get_by_role("link", name="Kassererkursus")).to_be_visible()
    panel.get_by_role("link", name="Frivilligløft i tal").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Frivilligløft i tal"))
    period = page.locator(".impact-report__summary")
    expect(period).to_contain_text(f"1. januar {today.year}")
    volunteers = page.locator(".impact-report__figure", has_text="Frivillige på kursus").first
    expect(volunteers.locator(".impact-report__value")).to_have_text("4")
    # Per quarter and per topic; no associations or wishes here, so no chart for them.
    expect(page.locator("svg[role=img]")).to_have_count(2)
    expect(page.get_by_text("Intet at vise for perioden.")).to_have_count(2)

    # A longer period takes last year's course in too.
    start = today - timedelta(days=500)
    page.get_by_label("Fra").fill(start.isoformat())
    page.get_by_label("Til").fill(today.isoformat())
    page.get_by_role("button", name="Vis rapporten").click()
    expect(page).to_have_url(re.compile(f"from={start.isoformat()}"))
    expect(volunteers.locator(".impact-report__value")).to_have_text("7")

    with page.expect_download() as xlsx:
        page.get_by_role("link", name="Hent som XLSX").click()
    assert xlsx.value.suggested_filename == (
        f"frivilligloeft-i-tal-{start.isoformat()}-{today.isoformat()}.xlsx"
    )
    with open(xlsx.value.path(), "rb") as handle:
        sheet = load_workbook(io.BytesIO(handle.read()))["Tal"]
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Frivillige på kursus"] == 7

    with page.expect_download() as pdf:
        page.get_by_role("link", name="Hent som PDF").click()
    with open(pdf.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_a_participant_answers_the_evaluation_on_a_phone(page, live_server, assert_accessible):
    course = finished_course("Konflikthåndtering i foreningen")
    mette = attended(course, UserFactory(full_name="Mette Sørensen")).user
    services.send_course_evaluations()
    (invitation,) = [m for m in mail.outbox if m.to == [mette.email]]
    path = re.search(r"http://[^/]+(/kurser/evaluering/[\w-]+/)", invitation.body).group(1)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hvordan var kurset?")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)

    page.get_by_role("button", name="Send mit svar").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page)

    page.get_by_label("5 – rigtig godt udbytte").check()
    page.get_by_label("Ja").check()
    page.get_by_label("Hvad skal vi beholde?").fill("Rollespillene.")
    page.get_by_role("button", name="Send mit svar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tak for dit svar")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    assert list(EvaluationAnswer.objects.values_list("usefulness", "keep")) == [
        (5, "Rollespillene.")
    ]


def test_mine_kurser_leads_to_the_evaluation(page, live_server, assert_accessible):
    course = finished_course("Ledelse af frivillige")
    ole = attended(course, UserFactory(full_name="Ole Skov")).user
    services.invite_to_evaluation(course, notify=False)

    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server.url, ole)
    page.goto(f"{live_server.url}/mine-sider/kurser/")
    assert_accessible(page)
    page.get_by_role(
        "link", name=re.compile("^Fortæl os, hvordan det var.*Ledelse af frivillige")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hvordan var kurset?")
    assert_accessible(page)


def test_a_volunteer_supports_and_proposes_course_wishes(page, live_server, assert_accessible):
    topic = TopicFactory(name="Kommunikation og fortællinger")
    wish = services.propose_wish(
        UserFactory(), topic=topic, title="Sociale medier for begyndere", expected_participants=8
    )
    volunteer = UserFactory(full_name="Birthe Olsen")

    page.goto(f"{live_server.url}/kurser/")
    page.get_by_role("link", name="Foreslå det, eller støt andres ønsker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kursusønsker")
    assert_accessible(page)

    log_in(page, live_server.url, volunteer)
    page.goto(f"{live_server.url}/kurser/oensker/")
    page.get_by_role("button", name=re.compile("^Støt.*Sociale medier for begyndere")).click()
    expect(page.locator(f"#wish-{wish.pk}")).to_contain_text("2 støtter ønsket")
    expect(page.locator(f"#wish-{wish.pk}")).to_contain_text("Du støtter dette ønske.")
    assert_accessible(page)

    page.get_by_role("link", name="Foreslå et kursus").click()
    page.get_by_role("button", name="Send ønsket").click()
    expect(page.locator(".form-errors, .errorlist").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Emne").select_option(label="Kommunikation og fortællinger")
    page.get_by_label("Hvad vil du gerne lære?").fill("Nyhedsbreve der bliver læst")
    page.get_by_label("Hvor mange ville deltage?").fill("5")
    page.get_by_label("Hverdagsaftener").check()
    page.get_by_role("button", name="Send ønsket").click()
    expect(page.get_by_role("status").first).to_contain_text("Dit ønske er på listen")
    expect(page.get_by_role("heading", name="Nyhedsbreve der bliver læst")).to_be_visible()
    assert_accessible(page)
    assert CourseWish.objects.get(title="Nyhedsbreve der bliver læst").proposed_by == volunteer

    page.goto(f"{live_server.url}/en/kurser/oensker/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Course wishes")
    assert_accessible(page)
