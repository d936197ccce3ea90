"""Courses in the Wagtail admin: who may edit, the course form's rules, the list and the signup
questions.
"""

import pytest
from django.utils import timezone

from accounts.roles import Role
from courses.models import Course, CourseStatus
from tests.courses.admin_helpers import ADD_URL, course_form, edit_url, meeting_row, when
from tests.courses.factories import CourseFactory, TopicFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_kursusadministrator_has_the_courses_menu(course_admin_client):
    response = course_admin_client.get("/admin/")

    assert response.status_code == 200
    assert "/admin/snippets/courses/course/" in response.text
    assert course_admin_client.get("/admin/snippets/courses/course/").status_code == 200
    assert course_admin_client.get("/admin/snippets/taxonomy/topic/").status_code == 200
    assert course_admin_client.get("/admin/snippets/courses/provider/").status_code == 200


@pytest.mark.parametrize(
    "role", [Role.EDITOR, Role.VOLUNTEER_CONSULTANT], ids=["editor", "consultant"]
)
def test_other_staff_cannot_edit_courses(client, role):
    client.force_login(UserFactory(roles=[role]))
    course = CourseFactory()

    assert client.get(ADD_URL).status_code == 302
    assert client.get(edit_url(course)).status_code == 302


def test_create_a_course_with_meetings_sets_its_dates_and_slug(course_admin_client):
    topic = TopicFactory()
    data = course_form(
        meetings=[
            meeting_row(20, 18, 21),
            meeting_row(27, 18, 21, title="Del 2"),
        ],
    )
    data["topics"] = [str(topic.pk)]

    response = course_admin_client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    course = Course.objects.get()
    assert course.slug == "ny-i-bestyrelsen"
    assert course.meetings.count() == 2
    assert timezone.localtime(course.starts_at).strftime("%H:%M") == "18:00"
    assert course.ends_at == course.meetings.order_by("starts_at").last().ends_at
    assert list(course.topics.all()) == [topic]


def test_a_course_without_a_slug_gets_one_with_danish_letters_spelled_out(course_admin_client):
    meeting = meeting_row(20, 18, 21)
    title = "Førstehjælp for trænere i Gørlev"
    for _ in range(2):
        response = course_admin_client.post(ADD_URL, course_form(title=title, meetings=[meeting]))
        assert response.status_code == 302

    slugs = sorted(Course.objects.values_list("slug", flat=True))
    assert slugs == [
        "foerstehjaelp-for-traenere-i-goerlev",
        "foerstehjaelp-for-traenere-i-goerlev-2",
    ]
    assert Course.objects.get(slug=slugs[0]).meetings.count() == 1


def test_a_typed_slug_is_kept_and_a_reserved_one_refused(course_admin_client):
    meeting = meeting_row(20, 18, 21)
    refused = course_admin_client.post(ADD_URL, course_form(slug="oensker", meetings=[meeting]))
    kept = course_admin_client.post(ADD_URL, course_form(slug="mit-kursus", meetings=[meeting]))

    assert refused.status_code == 200
    assert kept.status_code == 302
    assert list(Course.objects.values_list("slug", flat=True)) == ["mit-kursus"]


@pytest.mark.indexes
def test_an_emptied_slug_keeps_the_courses_address_also_when_the_form_is_refused(
    course_admin_client,
):
    course = CourseFactory(slug="ny-i-bestyrelsen-2026", title="Ny i bestyrelsen")

    refused = course_admin_client.post(edit_url(course), course_form(course, slug="", title=""))
    saved = course_admin_client.post(edit_url(course), course_form(course, slug=""))

    assert refused.status_code == 200
    assert saved.status_code == 302
    course.refresh_from_db()
    assert course.slug == "ny-i-bestyrelsen-2026"


def test_publishing_without_meetings_is_refused(course_admin_client):
    response = course_admin_client.post(ADD_URL, course_form(meetings=[]))

    assert response.status_code == 200
    assert "Tilføj mindst én kursusgang" in response.text
    assert Course.objects.count() == 0


def test_meeting_that_ends_before_it_starts_is_refused(course_admin_client):
    response = course_admin_client.post(
        ADD_URL,
        course_form(meetings=[meeting_row(20, 18, 17)]),
    )

    assert response.status_code == 200
    assert "Kursusgangen skal slutte efter den begynder" in response.text
    assert "courses_meeting_ends_after_start" not in response.text
    assert Course.objects.count() == 0


def test_cancellation_deadline_before_the_signup_deadline_is_refused_in_words(course_admin_client):
    response = course_admin_client.post(
        ADD_URL,
        course_form(
            meetings=[meeting_row(20)],
            signup_deadline=when(10, 12),
            cancellation_deadline=when(5, 12),
        ),
    )

    assert response.status_code == 200
    assert "Afmeldingsfristen kan ikke ligge før tilmeldingsfristen" in response.text
    assert Course.objects.count() == 0


def test_publishing_a_course_whose_meetings_are_all_past_is_refused(course_admin_client):
    response = course_admin_client.post(ADD_URL, course_form(meetings=[meeting_row(-3)]))

    assert response.status_code == 200
    assert "Alle kursusgange ligger i fortiden" in response.text
    assert Course.objects.count() == 0


def test_a_past_course_can_be_saved_as_a_draft(course_admin_client):
    response = course_admin_client.post(
        ADD_URL, course_form(meetings=[meeting_row(-3)], status="draft")
    )

    assert response.status_code == 302
    assert Course.objects.get().status == CourseStatus.DRAFT


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"capacity": "0"}, "Mindst 1 plads"),
        ({"price": "-10"}, "Prisen kan ikke være negativ"),
        ({"min_attendance_percent": "150"}, "Højst 100 %"),
    ],
    ids=["capacity", "price", "attendance"],
)
def test_database_constraints_of_a_course_are_form_errors_in_words(
    course_admin_client, overrides, message
):
    response = course_admin_client.post(
        ADD_URL, course_form(meetings=[meeting_row(20)], **overrides)
    )

    assert response.status_code == 200
    assert message in response.text
    assert "Begrænsning" not in response.text
    assert Course.objects.count() == 0


def test_admin_list_searches_and_filters_courses(course_admin_client):
    CourseFactory(title="Konflikthåndtering i foreningen")
    CourseFactory(title="Ny i bestyrelsen", status=CourseStatus.DRAFT)

    searched = course_admin_client.get("/admin/snippets/courses/course/?q=konflikt")
    drafts = course_admin_client.get("/admin/snippets/courses/course/?status=draft")

    assert "Konflikthåndtering i foreningen" in searched.text
    assert "Ny i bestyrelsen" not in searched.text
    assert "Ny i bestyrelsen" in drafts.text
    assert "Konflikthåndtering i foreningen" not in drafts.text


def test_signup_questions_are_added_in_the_course_admin(course_admin_client):
    meeting = meeting_row(20, 18, 21)
    questions = [
        {"text": "Vegetarisk frokost?", "kind": "yes_no", "options": "", "required": "on"},
        {"text": "Erfaring", "kind": "choice", "options": "Ingen\nLidt\nMeget", "required": ""},
    ]

    response = course_admin_client.post(
        ADD_URL, course_form(meetings=[meeting], questions=questions)
    )

    assert response.status_code == 302
    course = Course.objects.get()
    assert [
        (q.text, q.kind, q.required, q.option_list) for q in course.questions.order_by("sort_order")
    ] == [
        ("Vegetarisk frokost?", "yes_no", True, []),
        ("Erfaring", "choice", False, ["Ingen", "Lidt", "Meget"]),
    ]


def test_a_choice_question_without_options_is_refused_in_words(course_admin_client):
    meeting = meeting_row(20, 18, 21)
    questions = [{"text": "Farve", "kind": "choice", "options": "Rød", "required": ""}]

    response = course_admin_client.post(
        ADD_URL, course_form(meetings=[meeting], questions=questions)
    )

    assert response.status_code == 200
    assert "Angiv mindst to valgmuligheder" in response.content.decode()
    assert not Course.objects.exists()
