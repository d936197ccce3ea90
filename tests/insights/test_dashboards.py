"""The role dashboards in the Wagtail admin: which panels each role sees, what they count, where
they link, and that each costs the same number of queries for one item as for many."""

import datetime
from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from accounts.roles import Role
from associations.wagtail_hooks import AssociationsPanel
from certificates.services import issue_course_certificate
from certificates.wagtail_hooks import UnissuedCertificatesPanel
from cms.wagtail_hooks import EditorPanel
from core.models import EmailStatus, OutgoingEmail
from courses.models import Attendance, SignupStatus
from courses.wagtail_hooks import CourseAdministratorPanel
from networks.models import SparringStatus
from networks.wagtail_hooks import SparringQueuePanel
from tests.associations.factories import AdminRoleFactory, AssociationFactory, DeclarationFactory
from tests.cms.fixtures import *  # noqa: F403
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory
from tests.networks.factories import SparringRequestFactory

pytestmark = pytest.mark.django_db

PANEL_HEADINGS = {
    "Kurser": Role.COURSE_ADMINISTRATOR,
    "Beviser": Role.COURSE_ADMINISTRATOR,
    "Sparringshenvendelser": Role.VOLUNTEER_CONSULTANT,
    "Foreninger": Role.VOLUNTEER_CONSULTANT,
    "Indhold": Role.EDITOR,
}


def render(panel, user) -> str:
    request = RequestFactory().get("/admin/")
    request.user = user
    return panel.render_html({"request": request, "csrf_token": "x"})


def items(panel, user) -> dict[str, int]:
    request = RequestFactory().get("/admin/")
    request.user = user
    return {str(item.label): item.count for item in panel.get_items(request)}


@pytest.mark.parametrize(
    ("role", "panels"),
    [
        (Role.COURSE_ADMINISTRATOR, {"course_administrator", "unissued_certificates"}),
        (Role.VOLUNTEER_CONSULTANT, {"sparring_queue", "associations_work"}),
        (Role.EDITOR, {"editor_work"}),
    ],
    ids=["course administrator", "volunteer consultant", "editor"],
)
def test_each_role_sees_its_own_panels_on_the_admin_home(client, role, panels):
    client.force_login(UserFactory(roles=[role]))

    response = client.get("/admin/")

    assert response.status_code == 200
    shown = {
        name
        for name in (
            "course_administrator",
            "unissued_certificates",
            "sparring_queue",
            "associations_work",
            "editor_work",
        )
        if f'id="{name.replace("_", "-")}-section"' in response.text
    }
    assert shown == panels


# --- Course administrator ----------------------------------------------------------------------


def arrange_course_work(count: int):
    """`count` of everything the course administrator's panel counts."""
    now = timezone.now()
    for number in range(count):
        course = CourseFactory(title=f"Kursus {number}", requires_approval=True)
        SignupFactory(course=course, status=SignupStatus.PENDING, confirmed_at=None)
        SignupFactory(
            course=course,
            status=SignupStatus.OFFERED,
            confirmed_at=None,
            queue_number=1,
            offered_at=now,
            offer_expires_at=now + timedelta(hours=5),
        )
        OutgoingEmail.objects.create(
            queued_at=now,
            about=f"courses.signup:{number + 1}",
            to=["a@example.org"],
            subject=f"Tilmelding bekræftet: Kursus {number}",
            body="…",
            message_id=f"<{number}@test>",
            status=EmailStatus.FAILED,
        )


def test_course_administrator_panel_counts_and_links_to_the_work():
    staff = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    arrange_course_work(2)
    OutgoingEmail.objects.create(
        queued_at=timezone.now(),
        about="networks.membership:1",
        to=["b@example.org"],
        subject="Om et netværk",
        body="…",
        message_id="<net@test>",
        status=EmailStatus.FAILED,
    )

    html = render(CourseAdministratorPanel(), staff)

    assert items(CourseAdministratorPanel(), staff) == {
        "Tilmeldinger, der venter på godkendelse": 2,
        "Pladstilbud, der udløber inden for 24 timer": 2,
        "E-mails om kurser, der ikke kunne sendes": 2,
        "Kursusønsker og efterspørgsel": 0,
    }
    assert 'href="/kurser/kursus-' in html  # each course's organiser page
    assert "/admin/emails/?status=failed&amp;q=courses." in html
    assert "Tilmelding bekræftet: Kursus 1" in html
    assert "Om et netværk" not in html
    assert "De næste kurser" in html


@pytest.mark.parametrize("count", [1, 6], ids=["1", "6"])
def test_course_administrator_panel_queries_do_not_grow(django_assert_num_queries, count):
    staff = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    arrange_course_work(count)

    # Groups, the signup totals, two lists of courses, the failed-email count and list, the
    # open wishes, the next courses: 8.
    with django_assert_num_queries(8):
        render(CourseAdministratorPanel(), staff)


def test_unissued_certificates_panel_lists_finished_courses_waiting(django_assert_num_queries):
    staff = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    first_day = timezone.localdate() - timedelta(days=10)
    finished = CourseFactory(title="Kassererkursus", meetings=1, meetings__first_day=first_day)
    done = CourseFactory(title="Alle har beviser", meetings=1, meetings__first_day=first_day)
    for course in (finished, done):
        for _ in range(2):
            signup = SignupFactory(course=course)
            Attendance.objects.create(signup=signup, meeting=course.meetings.get(), present=True)
            if course is done:
                issue_course_certificate(signup, notify=False, with_pdf=False)

    with django_assert_num_queries(3):
        html = render(UnissuedCertificatesPanel(), staff)

    assert "Kassererkursus" in html
    assert "2 deltagere" in html
    assert "Alle har beviser" not in html
    assert f'href="/kurser/{finished.slug}/arrangoer/beviser/"' in html


# --- Volunteer consultant ----------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 6], ids=["1", "6"])
def test_sparring_panel_counts_the_queue_in_constant_queries(django_assert_num_queries, count):
    consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    old = timezone.now() - timedelta(days=5)
    for _ in range(count):
        SparringRequestFactory()
        waiting = SparringRequestFactory(status=SparringStatus.ASSIGNED, assigned_to=consultant)
        type(waiting).objects.filter(pk=waiting.pk).update(created_at=old)

    with django_assert_num_queries(3):
        html = render(SparringQueuePanel(), consultant)

    assert items(SparringQueuePanel(), consultant) == {
        "Nye henvendelser": count,
        "Ikke tildelt en konsulent": count,
        "Har ventet på svar i mere end 3 dage": count,
    }
    assert "/admin/netvaerk/sparring/edit/" in html


@pytest.mark.parametrize("count", [1, 6], ids=["1", "6"])
def test_associations_panel_in_constant_queries(django_assert_num_queries, count):
    consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    today = timezone.localdate()
    for number in range(count):
        AssociationFactory(name=f"Uden administrator {number}", verified_by_staff=True)
        lapsing = AdminRoleFactory(association=AssociationFactory(verified_by_staff=False))
        DeclarationFactory(association=lapsing.association, year=today.year)

    with django_assert_num_queries(5):
        render(AssociationsPanel(), consultant)

    counts = items(AssociationsPanel(), consultant)
    assert counts["Foreninger uden en administrator"] == count
    assert counts["Nye foreninger, der skal godkendes"] == count


def test_declarations_are_flagged_within_sixty_days_of_new_year(monkeypatch):
    consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    role = AdminRoleFactory(association=AssociationFactory(verified_by_staff=True))
    renewed = AdminRoleFactory(association=AssociationFactory(verified_by_staff=True))
    this_year = timezone.localdate().year
    DeclarationFactory(association=role.association, year=this_year)
    DeclarationFactory(association=renewed.association, year=this_year)
    DeclarationFactory(association=renewed.association, year=this_year + 1)
    label = "Erklæringer om børneattester, der udløber ved nytår"

    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(this_year, 11, 15))
    in_november = items(AssociationsPanel(), consultant)[label]
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(this_year, 6, 1))
    in_june = items(AssociationsPanel(), consultant)[label]

    assert (in_november, in_june) == (1, 0)


# --- Editor ------------------------------------------------------------------------------------


def test_editor_panel_counts_guides_moderation_and_stories(make_guide, make_story):
    editor = UserFactory(roles=[Role.EDITOR])
    make_guide(last_reviewed=timezone.localdate() - timedelta(days=400))
    make_guide(title="Ny vejledning", slug="ny", last_reviewed=timezone.localdate())
    make_story(consent_reference="")
    make_story(title="Arkiveret", slug="arkiveret", consent_reference="Sag 2026-17")

    html = render(EditorPanel(), editor)

    assert items(EditorPanel(), editor) == {
        "Vejledninger til gennemsyn": 1,
        "Sider til godkendelse": 0,
        "Historier, hvor samtykket ikke er arkiveret": 1,
    }
    assert "Sådan holder I generalforsamling" in html
    assert "Lises lørdage i klubhuset" in html
    assert "Arkiveret" not in html


@pytest.mark.parametrize("count", [1, 5], ids=["1", "5"])
def test_editor_panel_queries_do_not_grow(django_assert_num_queries, make_guide, make_story, count):
    editor = UserFactory(roles=[Role.EDITOR])
    for number in range(count):
        make_guide(
            title=f"Vejledning {number}",
            slug=f"vejledning-{number}",
            last_reviewed=timezone.localdate() - timedelta(days=400),
        )
        make_story(title=f"Historie {number}", slug=f"historie-{number}", consent_reference="")

    with django_assert_num_queries(7):
        render(EditorPanel(), editor)


def test_the_associations_panels_open_links_list_what_they_count(client, monkeypatch):
    consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    this_year = timezone.localdate().year
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(this_year, 12, 7))
    AssociationFactory(name="Uden administrator", verified_by_staff=True)
    gone = AdminRoleFactory(association=AssociationFactory(name="Administrator slettet"))
    gone.user.is_active = False
    gone.user.save(update_fields=["is_active"])
    lapsing = AdminRoleFactory(association=AssociationFactory(name="Erklæring udløber"))
    DeclarationFactory(association=lapsing.association, year=this_year)
    renewed = AdminRoleFactory(association=AssociationFactory(name="Fornyet"))
    DeclarationFactory(association=renewed.association, year=this_year)
    DeclarationFactory(association=renewed.association, year=this_year + 1)
    request = RequestFactory().get("/admin/")
    request.user = consultant
    panel_items = {str(item.label): item for item in AssociationsPanel().get_items(request)}
    client.force_login(consultant)

    for label, expected in [
        ("Foreninger uden en administrator", {"Uden administrator", "Administrator slettet"}),
        ("Erklæringer om børneattester, der udløber ved nytår", {"Erklæring udløber"}),
    ]:
        item = panel_items[label]
        response = client.get(item.url)
        listed = {association.name for association in response.context["object_list"]}
        assert (item.count, listed) == (len(expected), expected), label
