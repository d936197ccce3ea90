""" "Frivilligløft i tal": every figure on a known data set, small-cell suppression, a constant
number of queries, the admin page and its XLSX and PDF exports (aggregates only)."""

import io
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from certificates.models import Certificate
from certificates.services import issue_course_certificate
from courses import services as course_services
from courses.models import Attendance, CourseStatus, EvaluationAnswer, SignupStatus
from insights.figures import Figure, Kind
from insights.report import ReportParams, build_report
from networks.models import MeetingStatus, SparringRequest, SparringStatus
from schools.models import ContributionStatus, PlacementState
from tests.associations.factories import (
    AssociationFactory,
    CategoryFactory,
    NeedFactory,
    RoleFactory,
)
from tests.courses.factories import CourseFactory, ProviderFactory, SignupFactory, TopicFactory
from tests.factories import UserFactory
from tests.networks.factories import MeetingFactory as NetworkMeetingFactory
from tests.networks.factories import NetworkFactory, SparringRequestFactory
from tests.schools.factories import ContributionFactory, PlacementFactory

pytestmark = pytest.mark.django_db

PERIOD = ReportParams(start=date(2026, 1, 1), end=date(2026, 6, 30))
NOW = timezone.make_aware(datetime.combine(date(2026, 7, 1), time(12)))


def at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def meeting(day: date):
    return (at(day, 17), at(day, 20))


def attend(signup, *presence):
    for held, present in zip(signup.course.meetings.order_by("starts_at"), presence, strict=True):
        Attendance.objects.create(signup=signup, meeting=held, present=present)


@pytest.fixture
def world():
    """The known data set (the figures it gives are in the tests below)."""
    board = TopicFactory(name="Bestyrelse", slug="bestyrelse")
    money = TopicFactory(name="Økonomi", slug="oekonomi")
    centre, academy = ProviderFactory(name="Frivilligcenter"), ProviderFactory(name="Akademi")
    people = [UserFactory(full_name=f"Deltager {n}") for n in range(16)]
    u = dict(enumerate(people, start=1))

    # A: Bestyrelse, 10 seats, two meetings in February; u5 misses the second; 3 waiting.
    a = CourseFactory(
        title="A",
        topics=[board],
        provider=centre,
        capacity=10,
        meetings=[meeting(date(2026, 2, 10)), meeting(date(2026, 2, 17))],
    )
    for n in (1, 2, 3, 4):
        attend(SignupFactory(course=a, user=u[n]), True, True)
    attend(SignupFactory(course=a, user=u[5]), True, False)
    for n in (13, 14, 15):
        SignupFactory(
            course=a,
            user=u[n],
            status=SignupStatus.WAITLISTED,
            confirmed_at=None,
            waitlisted_at=at(date(2026, 1, 20), 9),
            queue_number=n,
        )
    # B: Bestyrelse and Økonomi, 8 seats, one meeting in May; u8 stays away.
    b = CourseFactory(
        title="B",
        topics=[board, money],
        provider=academy,
        capacity=8,
        meetings=[meeting(date(2026, 5, 5))],
    )
    for n, present in ((1, True), (6, True), (7, True), (8, False)):
        attend(SignupFactory(course=b, user=u[n]), present)
    # C: Økonomi, no seat limit, one meeting in March.
    c = CourseFactory(
        title="C",
        topics=[money],
        provider=centre,
        capacity=None,
        meetings=[meeting(date(2026, 3, 3))],
    )
    for n in (9, 10):
        attend(SignupFactory(course=c, user=u[n]), True)
    # D: Bestyrelse, 6 seats, its only meeting cancelled: nothing held.
    d = CourseFactory(title="D", topics=[board], capacity=6, meetings=[meeting(date(2026, 4, 1))])
    d.meetings.update(cancelled_at=at(date(2026, 3, 25), 9))
    SignupFactory(course=d, user=u[11])
    # E: before the period; F: a draft in the period. Neither counts.
    e = CourseFactory(title="E", topics=[board], meetings=[meeting(date(2025, 12, 1))])
    attend(SignupFactory(course=e, user=u[12]), True)
    f = CourseFactory(title="F", status=CourseStatus.DRAFT, meetings=[meeting(date(2026, 2, 2))])
    attend(SignupFactory(course=f, user=u[16]), True)
    # G: coming after the period, Økonomi (answers the Økonomi need).
    CourseFactory(title="G", topics=[money], meetings=[meeting(date(2026, 9, 1))])

    # Associations: X (sport, Høng) has u1; Y (culture, Kalundborg) has u8, who stayed away;
    # Z (sport, Høng) nobody.
    sport, culture = CategoryFactory(name="Idræt", slug="idraet"), CategoryFactory(slug="kultur")
    x = AssociationFactory(name="X", town="Høng", categories=[sport])
    y = AssociationFactory(name="Y", town="Kalundborg", categories=[culture])
    AssociationFactory(name="Z", town="Høng", categories=[sport])
    RoleFactory(association=x, user=u[1])
    RoleFactory(association=y, user=u[8])

    # Networks: one meeting held, one cancelled, one after the period.
    network = NetworkFactory()
    network.topics.set([board])
    NetworkMeetingFactory(network=network, starts_at=at(date(2026, 4, 10), 18))
    NetworkMeetingFactory(
        network=network, starts_at=at(date(2026, 4, 20), 18), status=MeetingStatus.CANCELLED
    )
    NetworkMeetingFactory(network=network, starts_at=at(date(2026, 8, 10), 18))

    # Sparring: answered after 1, 3 and 5 days in the period, and one asked before it and
    # answered in it after 3 days.
    for asked, days in (
        (at(date(2026, 3, 1), 10), 1),
        (at(date(2026, 3, 10), 10), 3),
        (at(date(2026, 5, 1), 10), 5),
        (at(date(2025, 12, 30), 10), 3),
    ):
        request = SparringRequestFactory(topic=board, status=SparringStatus.ANSWERED)
        SparringRequest.objects.filter(pk=request.pk).update(
            created_at=asked, answered_at=asked + timedelta(days=days)
        )

    # Internships (2 + 3 pupils) hosted by X, and one theme-week contribution by Y.
    for pupils in (2, 3):
        placement = PlacementFactory(
            offer__association=x,
            state=PlacementState.COMPLETED,
            pupil_count=pupils,
            pupils=[("Ida", "8.A")] * pupils,
            hours_confirmed=12,
        )
        type(placement).objects.filter(pk=placement.pk).update(
            completed_at=at(date(2026, 6, 1), 12)
        )
    ContributionFactory(
        association=y,
        status=ContributionStatus.ACCEPTED,
        starts_at=at(date(2026, 3, 12), 10),
        ends_at=at(date(2026, 3, 12), 12),
    )

    # Certificates for A's four who completed it, issued in February; one is revoked.
    for signup in a.signups.filter(user__in=[u[1], u[2], u[3], u[4]]):
        issue_course_certificate(signup, notify=False, with_pdf=False)
    Certificate.objects.update(issued_at=at(date(2026, 2, 20), 12))
    Certificate.objects.filter(pk=Certificate.objects.first().pk).update(revoked_at=NOW)

    # Evaluations: A 5, 4, 4 (two would recommend); B 3 (no), 5 (yes).
    answers = ((a, 5, True), (a, 4, True), (a, 4, False), (b, 3, False), (b, 5, True))
    for course, value, recommend in answers:
        EvaluationAnswer.objects.create(course=course, usefulness=value, would_recommend=recommend)

    # Demand: an open wish on Bestyrelse with three supporters, one on Økonomi with one, a
    # planned one; X's board needs Bestyrelse (no coming course), Y's Økonomi (G covers it).
    wish = course_services.propose_wish(u[1], topic=board, title="Årshjul", expected_participants=4)
    course_services.support_wish(wish, u[2])
    course_services.support_wish(wish, u[3])
    course_services.propose_wish(u[4], topic=money, title="MobilePay", expected_participants=2)
    planned = course_services.propose_wish(
        u[5], topic=money, title="Planlagt", expected_participants=2
    )
    type(planned).objects.filter(pk=planned.pk).update(status="planned")
    NeedFactory(association=x, topic=board)
    NeedFactory(association=y, topic=money)
    return {"board": board, "money": money, "centre": centre, "sport": sport, "people": people}


def figures(report) -> dict[str, str]:
    return {
        name: str(getattr(report, name))
        for name in (
            "courses_held",
            "course_days",
            "volunteers_trained",
            "seats_offered",
            "unlimited_courses",
            "seats_taken",
            "fill_rate",
            "attendance_rate",
            "completed",
            "completion_rate",
            "waitlisted",
            "pressure",
            "associations_registered",
            "associations_reached",
            "associations_share",
            "networks_met",
            "network_meetings",
            "sparring_received",
            "sparring_answered",
            "sparring_median_days",
            "internships",
            "internship_pupils",
            "internship_associations",
            "theme_week_contributions",
            "theme_weeks",
            "theme_week_associations",
            "evaluation_average",
            "evaluation_recommend",
            "open_wishes",
            "wish_supporters",
            "unmet_needs",
            "unmet_need_associations",
        )
    }


def test_every_figure_on_the_known_data_set(world):
    report = build_report(PERIOD, now=NOW)

    assert figures(report) == {
        "courses_held": "3",
        "course_days": "4",
        "volunteers_trained": "9",
        "seats_offered": "24",
        "unlimited_courses": "1",
        "seats_taken": "12",
        "fill_rate": "42 %",
        "attendance_rate": "88 %",
        "completed": "9",
        "completion_rate": "82 %",
        "waitlisted": "3",
        "pressure": "12 %",
        "associations_registered": "3",
        "associations_reached": "1",
        "associations_share": "33 %",
        "networks_met": "1",
        "network_meetings": "1",
        "sparring_received": "3",
        "sparring_answered": "4",
        "sparring_median_days": "3,0 dage",
        "internships": "2",
        "internship_pupils": "5",
        "internship_associations": "1",
        "theme_week_contributions": "1",
        "theme_weeks": "1",
        "theme_week_associations": "1",
        "evaluation_average": "4,2",
        "evaluation_recommend": "60 %",
        "open_wishes": "2",
        "wish_supporters": "4",
        "unmet_needs": "1",
        "unmet_need_associations": "1",
    }
    assert [(label, str(figure)) for label, figure in report.certificate_rows] == [
        ("Kursusbevis", "3"),
        ("Kompetencebevis", "0"),
        ("Praktikbevis", "0"),
    ]


def test_rows_per_quarter_topic_area_and_demand(world):
    report = build_report(PERIOD, now=NOW)

    assert [(q.label, str(q.volunteers), q.meetings) for q in report.quarters] == [
        ("K1 2026", "7", 3),
        ("K2 2026", "3", 1),
    ]
    assert [
        (
            row.topic.name,
            str(row.volunteers),
            row.courses,
            row.meetings,
            row.seats_offered,
            str(row.seats_taken),
            str(row.waitlisted),
            str(row.pressure),
            row.evaluations.answers,
        )
        for row in report.topics
    ] == [
        ("Bestyrelse", "7", 2, 3, 24, "10", "3", "12 %", 5),
        ("Økonomi", "5", 2, 2, 8, "6", "0", "0 %", 2),
    ]
    assert [(a.town, a.registered, a.reached, str(a.share)) for a in report.areas] == [
        ("Høng", 2, 1, "50 %"),
        ("Kalundborg", 1, 0, "0 %"),
    ]
    assert [
        (row.topic.name, row.wishes, str(row.supporters), row.board_needs) for row in report.demand
    ] == [("Bestyrelse", 1, "3", 1), ("Økonomi", 1, "< 3", 0)]


def test_filters_narrow_the_figures_they_are_about(world):
    by_topic = build_report(ReportParams(PERIOD.start, PERIOD.end, topic=world["money"]), now=NOW)
    by_provider = build_report(
        ReportParams(PERIOD.start, PERIOD.end, provider=world["centre"]), now=NOW
    )
    by_category = build_report(
        ReportParams(PERIOD.start, PERIOD.end, category=world["sport"]), now=NOW
    )

    assert (by_topic.courses_held, str(by_topic.volunteers_trained)) == (2, "5")
    assert [row.topic.name for row in by_topic.topics] == ["Økonomi"]
    assert (str(by_topic.sparring_answered), by_topic.networks_met) == ("0", 0)
    assert (by_provider.courses_held, str(by_provider.volunteers_trained)) == (2, "7")
    assert str(by_provider.evaluation_average) == "4,3"  # A only (C has no answers)
    assert (by_category.associations_registered, by_category.associations_reached) == (2, 1)
    assert str(by_category.associations_share) == "50 %"
    assert (by_category.internships, by_category.theme_week_contributions) == (2, 0)
    assert by_category.courses_held == 3  # courses are not narrowed by association category


def test_cells_under_three_people_are_suppressed_everywhere(world):
    # Only April–June: one meeting (B) with three present, two sparring answers, no waiting.
    report = build_report(ReportParams(date(2026, 4, 1), date(2026, 6, 30)), now=NOW)

    assert str(report.volunteers_trained) == "3"
    assert str(report.evaluation_average) == "< 3"  # B's two answers
    assert str(report.evaluation_recommend) == "< 3"
    assert str(report.sparring_answered) == "< 3"
    assert str(report.sparring_median_days) == "< 3"
    assert report.sparring_median_days.export_value() == "< 3"
    assert report.sparring_median_days.shown_value is None


@pytest.mark.parametrize(
    ("figure", "shown", "exported"),
    [
        (Figure.people_count(0), "0", 0),
        (Figure.people_count(1), "< 3", "< 3"),
        (Figure.people_count(2), "< 3", "< 3"),
        (Figure.people_count(3), "3", 3),
        (Figure(2), "2", 2),  # a count of things is never suppressed
        (Figure.share(1, 2), "< 3", "< 3"),
        (Figure.share(1, 4), "25 %", 0.25),
        (Figure.share(1, 3, people=None), "33 %", 0.33),
        (Figure(4.25, people=4, kind=Kind.AVERAGE), "4,2", 4.2),
        (Figure(None, people=0, kind=Kind.DAYS), "–", ""),
    ],
    ids=["0", "1", "2", "3", "things", "share of 2", "share", "share of things", "avg", "none"],
)
def test_small_cell_rule(figure, shown, exported):
    assert (str(figure), figure.export_value()) == (shown, exported)


def test_the_report_costs_the_same_queries_for_small_and_large_data(
    world, django_assert_num_queries
):
    small_count = 29
    with django_assert_num_queries(small_count):
        build_report(PERIOD, now=NOW)
    # Twenty more courses with participants, answers, wishes and needs.
    for number in range(20):
        course = CourseFactory(
            topics=[TopicFactory()],
            meetings=[meeting(date(2026, 1, 5) + timedelta(days=number * 7))],
        )
        for _ in range(3):
            attend(SignupFactory(course=course), True)
        EvaluationAnswer.objects.create(course=course, usefulness=4, would_recommend=True)
        NeedFactory(topic=course.topics.get())

    with django_assert_num_queries(small_count):
        report = build_report(PERIOD, now=NOW)

    assert report.courses_held == 23


# --- The admin page and its exports ------------------------------------------------------------


@pytest.fixture
def course_admin(client):
    user = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("role", "status"),
    # Wagtail answers a refused admin page by sending the person to the admin's home.
    [(Role.COURSE_ADMINISTRATOR, 200), (Role.VOLUNTEER_CONSULTANT, 200), (Role.EDITOR, 302)],
)
def test_who_may_see_the_report(client, role, status):
    client.force_login(UserFactory(roles=[role]))

    response = client.get("/admin/reports/impact/")

    assert response.status_code == status


def test_the_page_shows_the_chosen_period_with_charts_and_tables(client, course_admin, world):
    response = client.get("/admin/reports/impact/?from=2026-01-01&to=2026-06-30&topic=oekonomi")

    assert response.status_code == 200
    text = response.text
    assert "Periode: 1. januar 2026 – 30. juni 2026" in text
    assert "Emne: Økonomi" in text
    assert text.count('role="img"') == 4
    assert 'aria-labelledby="chart-quarters-title chart-quarters-desc"' in text
    assert "<caption" in text
    assert "format=xlsx" in text
    assert "format=pdf" in text


@pytest.mark.parametrize(
    "query",
    [
        "from=2026-13-01",
        "from=2026-06-01&to=2026-01-01",
        "from=0001-01-01",
        "from=2001-01-01&to=2026-01-01",
        "topic=findes-ikke",
        "provider=1.5",
    ],
)
def test_bad_filters_answer_400_with_the_form(client, course_admin, query):
    response = client.get(f"/admin/reports/impact/?{query}")

    assert response.status_code == 400
    assert "Periode og filtre" in response.text


def test_xlsx_holds_the_same_figures_and_no_personal_data(client, course_admin, world):
    response = client.get("/admin/reports/impact/?from=2026-01-01&to=2026-06-30&format=xlsx")

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="frivilligloeft-i-tal-2026-01-01-2026-06-30.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.content))
    cells = {
        (sheet.title, row[0]): row[1:]
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        if row and row[0]
    }
    assert cells[("Tal", "Frivillige på kursus")][0] == 9
    assert cells[("Tal", "Gennemførelse")][0] == pytest.approx(0.82)
    assert cells[("Pr. emne", "Økonomi")][0] == 5
    every_value = " ".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    for person in world["people"]:
        assert person.full_name not in every_value
        assert person.email not in every_value


@pytest.mark.usefixtures("needs_pdf")
def test_pdf_for_the_city_council(client, course_admin, world):
    pypdf = pytest.importorskip("pypdf")

    response = client.get("/admin/reports/impact/?from=2026-01-01&to=2026-06-30&format=pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Frivilligløft i tal" in text
    assert "Frivillige på kursus" in text
    assert "Deltager 1" not in text
