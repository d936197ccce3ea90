import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Locale

from accounts.roles import Role
from cms.models import GuidePage
from courses.models import CourseStatus
from tests.cms.factories import CourseFactory
from tests.factories import UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(roles=[Role.EDITOR])


@pytest.fixture
def consultant(db):
    return UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])


REPORT_URL = "/admin/reports/vejledninger-til-gennemsyn/"


@pytest.mark.django_db
def test_review_report_lists_guides_last_reviewed_over_a_year_ago(client, make_guide, editor):
    today = timezone.localdate()
    make_guide(title="Gammel", slug="gammel", last_reviewed=today - datetime.timedelta(days=400))
    make_guide(title="Grænsen", slug="graensen", last_reviewed=today - datetime.timedelta(days=365))
    make_guide(title="Ny", slug="ny", last_reviewed=today - datetime.timedelta(days=10))
    old = GuidePage.objects.get(slug="gammel")
    old.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    client.force_login(editor)

    response = client.get(REPORT_URL)

    assert response.status_code == 200
    assert [page.title for page in response.context["pages"]] == ["Gammel"]
    assert "Vejledninger til gennemsyn" in response.text


@pytest.mark.django_db
def test_review_report_exports_a_spreadsheet(client, make_guide, editor):
    make_guide(last_reviewed=timezone.localdate() - datetime.timedelta(days=400))
    client.force_login(editor)

    response = client.get(REPORT_URL, {"export": "csv"})

    assert response.status_code == 200
    assert "Sådan holder I generalforsamling" in b"".join(response.streaming_content).decode()


@pytest.mark.parametrize(
    ("who", "expected"),
    [("anonymous", 302), ("volunteer", 302), ("course-admin", 302), ("editor", 200)],
    ids=["anonymous", "volunteer", "course-admin", "editor"],
)
@pytest.mark.django_db
def test_review_report_is_for_page_editors(client, guide_index, who, expected):
    users = {
        "volunteer": lambda: UserFactory(),
        "course-admin": lambda: UserFactory(roles=[Role.COURSE_ADMINISTRATOR]),
        "editor": lambda: UserFactory(roles=[Role.EDITOR]),
    }
    if who in users:
        client.force_login(users[who]())

    response = client.get(REPORT_URL)

    assert response.status_code == expected


@pytest.mark.django_db
def test_admin_menu_groups_content_in_danish(client, editor, home_page):
    client.force_login(editor)

    response = client.get("/admin/")

    assert '"Indhold"' in response.text
    assert '"Vejledninger til gennemsyn"' in response.text


@pytest.mark.django_db
def test_accessibility_checker_runs_every_wcag_21_aa_rule_for_editors(client, editor, make_guide):
    client.force_login(editor)

    response = client.get("/vejledninger/generalforsamling/")

    assert "wagtail-userbar" in response.text
    assert '"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]' in response.text


@pytest.mark.django_db
def test_a_guide_goes_through_faglig_godkendelse(make_guide, editor, consultant):
    guide = make_guide()
    workflow = guide.get_workflow()
    assert workflow.name == "Faglig godkendelse"
    assert not guide.permissions_for_user(editor).can_publish()

    state = workflow.start(guide, editor)
    task_state = state.current_task_state
    task = task_state.task.specific

    assert [action[0] for action in task.get_actions(guide, editor)] == []
    assert "approve" in [action[0] for action in task.get_actions(guide, consultant)]
    task.on_action(task_state, consultant, "approve")
    state.refresh_from_db()
    assert state.status == "approved"


@pytest.mark.django_db
def test_documents_above_the_size_limit_are_refused(client, editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client.force_login(editor)

    response = client.post(
        "/admin/documents/add/",
        {
            "title": "For stor",
            "file": SimpleUploadedFile("stor.pdf", b"%PDF" + b"x" * 2000),
            "collection": 1,
        },
    )

    assert response.status_code == 200
    assert not Document.objects.filter(title="For stor").exists()
    assert "file" in response.context["form"].errors


@pytest.mark.django_db
def test_documents_of_other_types_are_refused(client, editor):
    client.force_login(editor)

    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Program",
            "file": SimpleUploadedFile("program.exe", b"MZ"),
            "collection": 1,
        },
    )

    assert not Document.objects.filter(title="Program").exists()
    assert "file" in response.context["form"].errors


@pytest.mark.django_db
def test_course_chooser_offers_only_published_courses(client, editor):
    CourseFactory(title="Udgivet kursus")
    CourseFactory(title="Kladdekursus", status=CourseStatus.DRAFT)
    client.force_login(editor)

    response = client.get("/admin/cms/kursusvalg/results/")

    assert response.status_code == 200
    assert "Udgivet kursus" in response.text
    assert "Kladdekursus" not in response.text


@pytest.mark.indexes
@pytest.mark.parametrize(
    ("query", "found"),
    [('"Udgivet', True), ("(Udgivet*", True), ("Udgivet AND `", False), ("ord " * 20_000, False)],
    ids=["quote", "bracket-star", "and-backtick", "many-words"],
)
@pytest.mark.django_db
def test_course_chooser_search_takes_search_syntax_as_words(client, editor, query, found):
    # The raw text reached SQLite's full-text parser ("unterminated string", "syntax error
    # near AND"): a 500, found by the fuzz test.
    CourseFactory(title="Udgivet kursus")
    CourseFactory(title="Andet kursus")
    client.force_login(editor)

    response = client.get("/admin/cms/kursusvalg/results/", {"q": query})

    assert response.status_code == 200
    assert ("Udgivet kursus" in response.text) is found
    assert "Andet kursus" not in response.text


@pytest.mark.django_db
def test_english_locale_exists_for_translations(db):
    assert Locale.objects.filter(language_code="en").exists()


@pytest.mark.django_db
def test_scheduled_guide_revisions_go_live_when_due(make_guide):
    from django.core.management import call_command

    guide = make_guide()
    guide.lead = "Opdateret indledning."
    guide.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))

    call_command("publish_scheduled")

    guide.refresh_from_db()
    assert guide.lead == "Opdateret indledning."
    assert guide.has_unpublished_changes is False
