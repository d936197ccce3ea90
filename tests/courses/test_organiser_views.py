"""Organiser tools: only staff who manage courses and the course's named organisers."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from courses.models import Attendance, CourseStatus, Signup, SignupStatus
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    organiser = UserFactory(full_name="Olga Arrangør")
    return {
        "anonymous": None,
        "volunteer": UserFactory(),
        "participant": UserFactory(),
        "organiser": organiser,
        "course_admin": UserFactory(roles=[Role.COURSE_ADMINISTRATOR]),
        "editor": UserFactory(roles=[Role.EDITOR]),
    }


@pytest.fixture
def course(people):
    start = timezone.localdate() - timedelta(days=1)
    course = CourseFactory(
        title="Ny i bestyrelsen",
        capacity=2,
        meetings=2,
        meetings__first_day=start,
        organisers=[people["organiser"]],
    )
    SignupFactory(
        course=course,
        user=people["participant"],
        association="Høng Gymnastikforening",
        needs="Vegetar",
    )
    return course


def as_(client, user):
    if user is not None:
        client.force_login(user)
    return client


ORGANISER_PAGES = [
    "",
    "deltagere.csv",
    "deltagere.xlsx",
    "fremmoedeliste/",
    "skriv/",
    "kopier/",
]


# (Not named "page": that is Playwright's fixture, and shadowing it reorders the test run.)
@pytest.mark.parametrize("subpage", ORGANISER_PAGES, ids=lambda p: p or "overview")
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 404),
        ("volunteer", 404),
        ("participant", 404),
        ("editor", 404),
        ("organiser", 200),
        ("course_admin", 200),
    ],
)
def test_only_organisers_see_participant_data(client, people, course, subpage, who, status):
    response = as_(client, people[who]).get(f"/kurser/{course.slug}/arrangoer/{subpage}")

    assert response.status_code == status


def test_overview_lists_participants_waiting_list_in_order_and_counts(client, people, course):
    SignupFactory(course=course, user=UserFactory(full_name="Bo Bekræftet"))
    waitlist(
        course, [UserFactory(full_name="Første Venter"), UserFactory(full_name="Anden Venter")]
    )
    SignupFactory(
        course=course, user=UserFactory(full_name="Pia Afventer"), status=SignupStatus.PENDING
    )

    response = as_(client, people["organiser"]).get(f"/kurser/{course.slug}/arrangoer/")

    context = response.context
    assert [s.name for s in context["waiting"]] == ["Første Venter", "Anden Venter"]
    assert [s.position for s in context["waiting"]] == [1, 2]
    assert len(context["confirmed"]) == 2
    assert [s.name for s in context["pending"]] == ["Pia Afventer"]
    assert "Høng Gymnastikforening" in response.text
    assert "Vegetar" in response.text


def test_csv_export_has_one_row_per_active_signup_and_escapes_formulas(client, people, course):
    SignupFactory(course=course, user=UserFactory(full_name="=HYPERLINK(1)"))

    response = as_(client, people["organiser"]).get(
        f"/kurser/{course.slug}/arrangoer/deltagere.csv"
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{course.slug}-deltagere.csv"'
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:4] == ["Navn", "E-mail", "Telefon", "Status"]
    assert len(rows) == 3
    names = {row[0] for row in rows[1:]}
    assert "'=HYPERLINK(1)" in names
    assert people["participant"].get_full_name() in names


def test_xlsx_export_opens_in_a_spreadsheet(client, people, course):
    response = as_(client, people["course_admin"]).get(
        f"/kurser/{course.slug}/arrangoer/deltagere.xlsx"
    )

    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "Navn"
    assert rows[1][0] == people["participant"].get_full_name()
    assert rows[1][5] == "Høng Gymnastikforening"


def test_attendance_sheet_lists_confirmed_participants_and_meetings(client, people, course):
    response = as_(client, people["organiser"]).get(
        f"/kurser/{course.slug}/arrangoer/fremmoedeliste/"
    )

    assert response.status_code == 200
    assert people["participant"].get_full_name() in response.text
    assert response.text.count('class="tick-box"') == 2


def test_mark_attendance_on_a_phone_form(client, people, course):
    other = SignupFactory(course=course)
    participant = Signup.objects.get(user=people["participant"])
    meeting = course.meetings.order_by("starts_at").first()
    client = as_(client, people["organiser"])

    page = client.get(f"/kurser/{course.slug}/arrangoer/fremmoede/{meeting.pk}/")
    response = client.post(
        f"/kurser/{course.slug}/arrangoer/fremmoede/{meeting.pk}/", {"present": [participant.pk]}
    )

    assert page.status_code == 200
    assert response.status_code == 302
    marks = dict(Attendance.objects.filter(meeting=meeting).values_list("signup_id", "present"))
    assert marks == {participant.pk: True, other.pk: False}


def test_mark_attendance_with_someone_elses_signup_is_a_400(client, people, course):
    meeting = course.meetings.order_by("starts_at").first()
    stranger = SignupFactory()

    response = as_(client, people["organiser"]).post(
        f"/kurser/{course.slug}/arrangoer/fremmoede/{meeting.pk}/", {"present": [stranger.pk]}
    )

    assert response.status_code == 400
    assert "Marker en gyldig valgmulighed" in response.text
    assert Attendance.objects.count() == 0


def test_meeting_of_another_course_is_404(client, people, course):
    other_meeting = CourseFactory().meetings.get()

    response = as_(client, people["organiser"]).get(
        f"/kurser/{course.slug}/arrangoer/fremmoede/{other_meeting.pk}/"
    )

    assert response.status_code == 404


def test_approve_and_decline_pending_signups(client, people, django_capture_on_commit_callbacks):
    course = CourseFactory(requires_approval=True, organisers=[people["organiser"]])
    yes = SignupFactory(course=course, status=SignupStatus.PENDING)
    no = SignupFactory(course=course, status=SignupStatus.PENDING)
    client = as_(client, people["organiser"])

    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(f"/kurser/{course.slug}/arrangoer/tilmeldinger/{yes.pk}/godkend/")
        declined = client.post(
            f"/kurser/{course.slug}/arrangoer/tilmeldinger/{no.pk}/afvis/",
            {"message": "Kurset er kun for trænere."},
        )

    assert (approved.status_code, declined.status_code) == (302, 302)
    yes.refresh_from_db()
    no.refresh_from_db()
    assert (yes.status, no.status) == (SignupStatus.CONFIRMED, SignupStatus.DECLINED)
    assert "Kurset er kun for trænere." in mail.outbox[-1].body


def test_organiser_cancels_a_participant_and_the_waiting_list_moves(client, people, course):
    SignupFactory(course=course)
    (waiting,) = waitlist(course, [UserFactory()])
    participant = Signup.objects.get(user=people["participant"])
    client = as_(client, people["organiser"])

    confirm_page = client.get(
        f"/kurser/{course.slug}/arrangoer/tilmeldinger/{participant.pk}/afmeld/"
    )
    response = client.post(f"/kurser/{course.slug}/arrangoer/tilmeldinger/{participant.pk}/afmeld/")

    assert confirm_page.status_code == 200
    assert response.status_code == 302
    participant.refresh_from_db()
    waiting.refresh_from_db()
    assert participant.end_reason == "organiser"
    # The course started yesterday: signup has closed, so nobody is promoted any more.
    assert waiting.status == SignupStatus.WAITLISTED


@pytest.mark.parametrize("action", ["godkend/", "afvis/", "afmeld/"])
def test_organiser_actions_on_signups_are_404_for_others(client, people, course, action):
    signup = Signup.objects.get(user=people["participant"])

    response = as_(client, people["volunteer"]).post(
        f"/kurser/{course.slug}/arrangoer/tilmeldinger/{signup.pk}/{action}"
    )

    assert response.status_code == 404
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CONFIRMED


def test_signup_of_another_course_is_404_for_an_organiser(client, people, course):
    stranger = SignupFactory()

    response = as_(client, people["organiser"]).post(
        f"/kurser/{course.slug}/arrangoer/tilmeldinger/{stranger.pk}/afmeld/"
    )

    assert response.status_code == 404


def test_write_to_participants(client, people, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_(client, people["organiser"]).post(
            f"/kurser/{course.slug}/arrangoer/skriv/",
            {
                "recipients": "confirmed",
                "subject": "Lokaleændring",
                "body": "Vi er i sal 2.",
                "action": "send",
            },
        )

    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [people["participant"].email]
    assert message.subject == "Lokaleændring – Ny i bestyrelsen"


def test_write_with_an_empty_message_is_a_400(client, people, course):
    response = as_(client, people["organiser"]).post(
        f"/kurser/{course.slug}/arrangoer/skriv/",
        {"recipients": "confirmed", "subject": "", "body": ""},
    )

    assert response.status_code == 400
    assert "Dette felt er påkrævet" in response.text


def test_duplicate_as_organiser_and_as_staff(client, people, course):
    day = timezone.localdate() + timedelta(days=60)

    as_organiser = as_(client, people["organiser"]).post(
        f"/kurser/{course.slug}/arrangoer/kopier/", {"first_day": f"{day:%Y-%m-%d}"}
    )
    copy_slug = f"{course.slug}-{day:%Y-%m-%d}"
    as_staff = as_(client, people["course_admin"]).post(
        f"/kurser/{course.slug}/arrangoer/kopier/", {"first_day": f"{day:%Y-%m-%d}"}
    )

    assert as_organiser["Location"] == f"/kurser/{copy_slug}/arrangoer/"
    assert as_staff["Location"].startswith("/admin/snippets/courses/course/edit/")
    assert course.copies.filter(status=CourseStatus.DRAFT).count() == 2


def test_duplicate_into_the_past_is_a_400(client, people, course):
    response = as_(client, people["organiser"]).post(
        f"/kurser/{course.slug}/arrangoer/kopier/", {"first_day": "2001-01-01"}
    )

    assert response.status_code == 400
    assert "Vælg en dag, der ikke er passeret." in response.text


@pytest.mark.parametrize("first_day", ["9999-12-31", "2200-01-01"], ids=["year-9999", "far"])
def test_duplicate_too_far_ahead_is_a_400(client, people, course, first_day):
    # Moving every date by thousands of years passed the year 9999: OverflowError, a 500
    # (found by the fuzz test).
    response = as_(client, people["organiser"]).post(
        f"/kurser/{course.slug}/arrangoer/kopier/", {"first_day": first_day}
    )

    assert response.status_code == 400
    assert "Vælg en dag inden for de næste fem år." in response.text
    assert not course.copies.exists()


def test_cancel_a_meeting(client, people):
    course = CourseFactory(meetings=2, organisers=[people["organiser"]])
    meeting = course.meetings.order_by("starts_at").last()

    response = as_(client, people["organiser"]).post(
        f"/kurser/{course.slug}/arrangoer/kursusgange/{meeting.pk}/aflys/"
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None


@pytest.mark.parametrize("count", [1, 30], ids=["1", "30"])
def test_overview_query_count_does_not_grow(client, people, django_assert_num_queries, count):
    course = CourseFactory(capacity=count, meetings=3, organisers=[people["organiser"]])
    SignupFactory.create_batch(count, course=course)
    waitlist(course, [UserFactory() for _ in range(count)])
    client = as_(client, people["organiser"])

    # 15: one reads every signup of the course (totals, order, search, the rows on the page,
    # the history, whether a row has answers to the course's questions); the answers and the
    # attendance are read only when a row has any (none here); the organiser's permissions
    # come with their roles (courses.rules.course_access).
    with django_assert_num_queries(15):
        response = client.get(f"/kurser/{course.slug}/arrangoer/")

    assert response.status_code == 200


@pytest.mark.parametrize(
    "action",
    ["tilmeldinger/{signup}/godkend/", "tilmeldinger/{signup}/afmeld/", "skriv/", "kopier/"],
)
def test_organiser_state_changes_need_the_csrf_token(people, course, action):
    signup = Signup.objects.get(user=people["participant"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["organiser"])

    response = client.post(
        f"/kurser/{course.slug}/arrangoer/" + action.format(signup=signup.pk),
        {"recipients": "confirmed", "subject": "x", "body": "x", "first_day": "2099-01-01"},
    )

    assert response.status_code == 403
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CONFIRMED
    assert course.copies.count() == 0
