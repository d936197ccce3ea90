"""Qualifications with validity (courses.queries.qualifications), the reminders before they
run out (courses.services.qualifications, manage.py send_qualification_reminders), and where
people see them: the course page, Mine kurser, the Mine sider box and the data export."""

import io
import json
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from accounts.services import set_email_kind
from courses import queries
from courses.models import (
    Attendance,
    Course,
    CourseStatus,
    QualificationKind,
    QualificationReminder,
)
from courses.queries.qualifications import add_months
from courses.services.qualifications import (
    QUALIFICATION_REMINDERS,
    send_qualification_reminders,
)
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def first_aid(months: int | None = 24) -> QualificationKind:
    return QualificationKind.objects.create(
        name="Førstehjælp", name_en="First aid", validity_months=months
    )


def completed(kind, user, *, ended_days_ago: int, present: bool = True):
    """A course granting `kind` whose one meeting was `ended_days_ago` days ago, and the
    person's confirmed signup marked present (or absent)."""
    day = timezone.localdate() - timedelta(days=ended_days_ago)
    course = CourseFactory(qualification=kind, meetings=1, meetings__first_day=day)
    signup = SignupFactory(course=course, user=user)
    Attendance.objects.create(signup=signup, meeting=course.meetings.get(), present=present)
    return course


# --- Validity -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 14), 24, date(2028, 3, 14)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2027, 12, 31), 2, date(2028, 2, 29)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
    ],
    ids=["two-years", "end-of-month", "leap-year", "across-new-year"],
)
def test_add_months_keeps_the_day_or_takes_the_last_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("months", "danish", "english"),
    [(24, "2 år", "2 years"), (12, "1 år", "1 year"), (18, "18 måneder", "18 months")],
    ids=["years", "one-year", "months"],
)
def test_validity_reads_in_years_or_months_in_both_languages(months, danish, english):
    kind = QualificationKind(name="Førstehjælp", validity_months=months)

    with translation.override("da"):
        assert kind.validity_display == danish
    with translation.override("en"):
        assert kind.validity_display == english


def test_completing_the_course_gives_the_qualification_from_its_last_day():
    kind, user = first_aid(), UserFactory()
    course = completed(kind, user, ended_days_ago=10)
    last_day = timezone.localdate(course.ends_at)

    (qualification,) = queries.qualifications_of(user)

    assert (qualification.kind, qualification.course, qualification.obtained_on) == (
        kind,
        course,
        last_day,
    )
    assert qualification.valid_until == add_months(last_day, 24)
    assert qualification.is_valid()
    assert not qualification.is_expiring()


def test_absent_participants_and_courses_not_yet_ended_give_nothing():
    kind, user = first_aid(), UserFactory()
    completed(kind, user, ended_days_ago=10, present=False)
    upcoming = CourseFactory(qualification=kind)
    SignupFactory(course=upcoming, user=user)

    assert queries.qualifications_of(user) == []


def test_a_renewal_course_extends_the_qualification_and_an_older_one_does_not_shorten_it():
    kind, user = first_aid(), UserFactory()
    completed(kind, user, ended_days_ago=700)
    renewal = completed(kind, user, ended_days_ago=20)

    (qualification,) = queries.qualifications_of(user)

    assert qualification.course == renewal
    assert qualification.is_valid()


def test_expired_expiring_and_lasting_qualifications():
    user = UserFactory()
    expired_kind = first_aid()
    lasting = QualificationKind.objects.create(name="Bestyrelsesgrundkursus")
    expiring = QualificationKind.objects.create(name="Børneattest og trivsel", validity_months=12)
    completed(expired_kind, user, ended_days_ago=800)
    completed(lasting, user, ended_days_ago=800)
    completed(expiring, user, ended_days_ago=330)

    by_name = {q.kind.name: q for q in queries.qualifications_of(user)}

    assert not by_name["Førstehjælp"].is_valid()
    assert by_name["Bestyrelsesgrundkursus"].valid_until is None
    assert by_name["Bestyrelsesgrundkursus"].is_valid()
    assert by_name["Børneattest og trivsel"].is_expiring()


def test_next_course_is_the_first_published_one_that_has_not_started():
    kind = first_aid()
    soon = CourseFactory(
        qualification=kind, meetings__first_day=timezone.localdate() + timedelta(5)
    )
    CourseFactory(qualification=kind, meetings__first_day=timezone.localdate() + timedelta(40))
    CourseFactory(
        qualification=kind,
        status=CourseStatus.DRAFT,
        meetings__first_day=timezone.localdate() + timedelta(2),
    )

    assert queries.next_courses_granting([kind.pk]) == {kind.pk: soon}


def test_next_courses_reads_one_course_per_kind(django_assert_num_queries):
    kinds = [
        first_aid(),
        QualificationKind.objects.create(name="Bestyrelse", name_en="Board", validity_months=12),
    ]
    for kind in kinds:
        for days in (30, 9, 60, 9):
            CourseFactory(
                qualification=kind, meetings__first_day=timezone.localdate() + timedelta(days)
            )

    with django_assert_num_queries(1):
        found = queries.next_courses_granting([kind.pk for kind in kinds])

    for kind in kinds:
        expected = Course.objects.filter(qualification=kind).order_by("starts_at", "pk").first()
        assert found[kind.pk] == expected


# --- Reminders ----------------------------------------------------------------------------


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command("send_qualification_reminders", *args, stdout=out, **options)
    return out.getvalue()


def expiring_in(days: int, user=None, kind=None):
    """A 24-month qualification that ends in about `days` days."""
    kind = kind or first_aid()
    user = user or UserFactory(preferred_language="da")
    today = timezone.localdate()
    # The course ended 24 months before the wanted end date.
    end = today + timedelta(days=days)
    last_day = add_months(end, -24)
    completed(kind, user, ended_days_ago=(today - last_day).days)
    return kind, user


def test_reminder_is_sent_once_per_period_and_names_the_next_course(
    django_capture_on_commit_callbacks,
):
    kind, user = expiring_in(30)
    next_course = CourseFactory(
        qualification=kind,
        title="Førstehjælp for trænere",
        meetings__first_day=timezone.localdate() + timedelta(days=20),
    )

    with django_capture_on_commit_callbacks(execute=True):
        first = run()
        again = run()

    assert (first, again) == ("1 reminder(s) sent.\n", "0 reminder(s) sent.\n")
    (email,) = mail.outbox
    assert email.to == [user.email]
    assert email.subject == "Din kvalifikation »Førstehjælp« udløber snart"
    assert "Førstehjælp for trænere" in email.body
    assert reverse("courses:detail", args=[next_course.slug]) in email.body
    assert "List-Unsubscribe" in email.extra_headers
    assert QualificationReminder.objects.filter(user=user, kind=kind).count() == 1


def test_reminder_without_a_planned_course_points_to_the_catalogue(
    django_capture_on_commit_callbacks,
):
    expiring_in(10)

    with django_capture_on_commit_callbacks(execute=True):
        send_qualification_reminders()

    (email,) = mail.outbox
    assert "Der er endnu ikke planlagt et kursus, der fornyer den" in email.body
    assert reverse("courses:catalogue") in email.body


def test_no_reminder_for_people_who_turned_them_off_and_none_later_for_that_period(
    django_capture_on_commit_callbacks,
):
    _kind, user = expiring_in(30)
    set_email_kind(user, QUALIFICATION_REMINDERS, wanted=False)

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_qualification_reminders()
        set_email_kind(user, QUALIFICATION_REMINDERS, wanted=True)
        later = send_qualification_reminders()

    assert (sent, later, mail.outbox) == (0, 0, [])


@pytest.mark.parametrize("days", [61, -1], ids=["too-far-ahead", "already-expired"])
def test_no_reminder_outside_the_window(days, django_capture_on_commit_callbacks):
    expiring_in(days)

    with django_capture_on_commit_callbacks(execute=True):
        assert send_qualification_reminders() == 0

    assert mail.outbox == []


def test_a_renewal_is_a_new_period_with_its_own_reminder(django_capture_on_commit_callbacks):
    kind, user = expiring_in(30)
    with django_capture_on_commit_callbacks(execute=True):
        send_qualification_reminders()
    # Renewed 23 months ago and a bit: the new period ends within the window again.
    expiring_in(50, user=user, kind=kind)

    with django_capture_on_commit_callbacks(execute=True):
        assert send_qualification_reminders() == 1

    assert len(mail.outbox) == 2
    assert QualificationReminder.objects.filter(user=user).count() == 2


def test_reminders_go_in_the_persons_language(django_capture_on_commit_callbacks):
    expiring_in(30, user=UserFactory(preferred_language="en"))

    with django_capture_on_commit_callbacks(execute=True):
        send_qualification_reminders()

    (email,) = mail.outbox
    assert email.subject == 'Your qualification "First aid" is running out'


def test_lasting_qualifications_get_no_reminder():
    kind = QualificationKind.objects.create(name="Bestyrelsesgrundkursus")
    completed(kind, UserFactory(), ended_days_ago=3000)

    assert send_qualification_reminders() == 0


def test_command_refuses_nonsense_days():
    with pytest.raises(CommandError):
        run(days=0)


# --- Pages --------------------------------------------------------------------------------


def test_course_page_states_the_qualification_and_its_validity(client):
    course = CourseFactory(qualification=first_aid())

    danish = client.get(course.get_absolute_url())
    english = client.get("/en" + course.get_absolute_url())

    assert "Giver kvalifikationen Førstehjælp, gyldig i 2 år." in danish.text
    assert "Grants the qualification First aid, valid for 2 years." in english.text


def test_mine_kurser_shows_valid_expired_and_the_course_to_renew(client):
    user = UserFactory()
    kind = first_aid()
    completed(kind, user, ended_days_ago=800)
    lasting = QualificationKind.objects.create(name="Bestyrelsesgrundkursus", validity_months=36)
    completed(lasting, user, ended_days_ago=10)
    renewal = CourseFactory(qualification=kind, title="Førstehjælp – næste hold")
    client.force_login(user)

    page = client.get(reverse("courses:mine")).text

    expired_on = queries.qualifications_of(user)[1].valid_until
    assert "udløbet " + expired_on.strftime("%-d. ") in page
    assert "gyldig til " in page
    assert "Forny den:" in page
    assert "Førstehjælp – næste hold" in page
    assert renewal.get_absolute_url() in page


def test_mine_sider_box_lists_qualifications_only_for_people_who_hold_one(client):
    holder, other = UserFactory(), UserFactory()
    completed(first_aid(), holder, ended_days_ago=10)

    client.force_login(holder)
    with_box = client.get(reverse("accounts:dashboard")).text
    client.force_login(other)
    without_box = client.get(reverse("accounts:dashboard")).text

    assert "Mine kvalifikationer" in with_box
    assert "Mine kvalifikationer" not in without_box


@pytest.mark.parametrize("count", [1, 3])
def test_mine_kurser_query_count_does_not_grow_with_qualifications(
    client, django_assert_num_queries, count
):
    user = UserFactory()
    for number in range(count):
        kind = QualificationKind.objects.create(name=f"Kvalifikation {number}", validity_months=12)
        completed(kind, user, ended_days_ago=350)
        CourseFactory(qualification=kind)
    client.force_login(user)

    with django_assert_num_queries(14):
        response = client.get(reverse("courses:mine"))

    assert response.text.count("Forny den:") == count


def test_data_export_lists_qualifications_and_reminders(client, django_capture_on_commit_callbacks):
    _kind, user = expiring_in(30)
    with django_capture_on_commit_callbacks(execute=True):
        send_qualification_reminders()
    client.force_login(user)

    response = client.get(reverse("accounts:export_data"))

    courses = json.loads(response.content)["courses"]
    assert [q["qualification"] for q in courses["qualifications"]] == ["Førstehjælp"]
    assert [r["qualification"] for r in courses["qualification_reminders_sent"]] == ["Førstehjælp"]


def test_deleting_a_kind_that_courses_grant_is_refused():
    from django.db.models import ProtectedError

    kind = first_aid()
    CourseFactory(qualification=kind)

    with pytest.raises(ProtectedError):
        kind.delete()


# --- Admin --------------------------------------------------------------------------------


@pytest.mark.indexes
def test_course_administrators_keep_qualifications_and_choose_one_on_a_course(client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from accounts.roles import Role
    from tests.courses.admin_helpers import course_form

    client.force_login(UserFactory(roles=[Role.COURSE_ADMINISTRATOR]))
    created = client.post(
        "/admin/snippets/courses/qualificationkind/add/",
        {"name": "Førstehjælp", "name_en": "First aid", "validity_months": "24"},
    )
    kind = QualificationKind.objects.get(name="Førstehjælp")
    course = CourseFactory()
    edit_url = f"/admin/snippets/courses/course/edit/{course.pk}/"

    form_page = client.get(edit_url)
    data = course_form(course, qualification=str(kind.pk))
    # The form's other inline (signup questions), empty.
    data.update(nested_form_data({"questions": inline_formset([])}))
    saved = client.post(edit_url, data)

    assert created.status_code == 302
    assert kind.validity_months == 24
    assert 'name="qualification"' in form_page.text
    assert saved.status_code == 302
    course.refresh_from_db()
    assert course.qualification == kind
    assert client.get("/admin/snippets/courses/qualificationkind/").status_code == 200


def test_a_validity_of_zero_months_is_refused_in_words(client):
    from accounts.roles import Role

    client.force_login(UserFactory(roles=[Role.COURSE_ADMINISTRATOR]))

    response = client.post(
        "/admin/snippets/courses/qualificationkind/add/",
        {"name": "Førstehjælp", "name_en": "", "validity_months": "0"},
    )

    assert response.status_code == 200
    assert not QualificationKind.objects.exists()


# --- Demo ---------------------------------------------------------------------------------


def test_the_demo_volunteer_holds_a_valid_and_a_soon_expiring_qualification(demo_site):
    from accounts.models import User
    from courses.models import Course

    volunteer = User.objects.get(email="frivillig@frivilligloeft.test")

    by_name = {
        q.kind.name: q for q in queries.with_next_courses(queries.qualifications_of(volunteer))
    }

    assert set(by_name) == {"Førstehjælp", "Børn og unge: trivsel og børneattest"}
    children, first_aid = by_name["Børn og unge: trivsel og børneattest"], by_name["Førstehjælp"]
    assert children.is_valid()
    assert not children.is_expiring()
    assert first_aid.is_expiring()
    assert first_aid.next_course == Course.objects.get(slug="foerstehjaelp-for-traenere-og-ledere")
    assert first_aid.next_course.qualification.validity_months == 24
