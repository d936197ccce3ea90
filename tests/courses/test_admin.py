"""Courses in the Wagtail admin: who may edit, and edits that go through the services."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.roles import Role
from courses.models import Course, CourseStatus, Signup, SignupStatus
from tests.calendars.conftest import invitations
from tests.courses.factories import CourseFactory, SignupFactory, TopicFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/courses/course/add/"


def edit_url(course) -> str:
    return f"/admin/snippets/courses/course/edit/{course.pk}/"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(roles=[Role.COURSE_ADMINISTRATOR]))
    return client


def when(days: int, hour: int) -> str:
    day = timezone.localdate() + timedelta(days=days)
    return f"{day:%Y-%m-%d} {hour:02d}:00"


def course_form(course: Course | None = None, meetings=None, questions=None, **overrides) -> dict:
    """What the admin form posts: every field of the course, its meetings and its signup
    questions."""
    values = {
        "title": "Ny i bestyrelsen",
        "slug": "",
        "summary": "To aftener for nye bestyrelsesmedlemmer.",
        "description": rich_text("<p>Vi gennemgår vedtægter og årshjul.</p>"),
        "audience": "board",
        "language": "da",
        "provider": "",
        "instructors": "Birgitte Lind",
        "image": "",
        "format": "in_person",
        "venue_name": "Kalundborg Rådhus",
        "venue_address": "Holbækvej 141",
        "online_link": "",
        "status": "published",
        "cancellation_reason": "",
        "capacity": "12",
        "min_participants": "",
        "price": "0",
        "signup_opens_at": "",
        "signup_deadline": "",
        "cancellation_deadline": "",
        "waiting_list_enabled": "on",
        "waiting_list_mode": "automatic",
        "offer_hours": "48",
        "contact_name": "",
        "contact_email": "",
        "issues_certificate": "on",
        "min_attendance_percent": "100",
    }
    if course is not None:
        values.update(
            title=course.title,
            slug=course.slug,
            summary=course.summary,
            capacity=str(course.capacity or ""),
            status=course.status,
            # Where the course takes place: changing it moves every meeting in calendars.
            format=course.format,
            venue_name=course.venue_name,
            venue_address=course.venue_address,
            online_link=course.online_link,
        )
        meetings = meetings or [
            {
                "id": str(m.pk),
                "title": m.title,
                "starts_at": timezone.localtime(m.starts_at).strftime("%Y-%m-%d %H:%M"),
                "ends_at": timezone.localtime(m.ends_at).strftime("%Y-%m-%d %H:%M"),
                "venue_name": "",
                "venue_address": "",
            }
            for m in course.meetings.order_by("starts_at")
        ]
    values.update(overrides)
    values["meetings"] = inline_formset(
        meetings if meetings is not None else [],
        initial=len(course.meetings.all()) if course else 0,
    )
    values["questions"] = inline_formset(
        questions or [], initial=len(course.questions.all()) if course else 0
    )
    return nested_form_data(values)


def test_kursusadministrator_has_the_courses_menu(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert "/admin/snippets/courses/course/" in response.text
    assert admin_client.get("/admin/snippets/courses/course/").status_code == 200
    assert admin_client.get("/admin/snippets/courses/topic/").status_code == 200
    assert admin_client.get("/admin/snippets/courses/provider/").status_code == 200


@pytest.mark.parametrize(
    "role", [Role.EDITOR, Role.VOLUNTEER_CONSULTANT], ids=["editor", "consultant"]
)
def test_other_staff_cannot_edit_courses(client, role):
    client.force_login(UserFactory(roles=[role]))
    course = CourseFactory()

    assert client.get(ADD_URL).status_code == 302
    assert client.get(edit_url(course)).status_code == 302


def test_create_a_course_with_meetings_sets_its_dates_and_slug(admin_client):
    topic = TopicFactory()
    data = course_form(
        meetings=[
            {
                "title": "",
                "starts_at": when(20, 18),
                "ends_at": when(20, 21),
                "venue_name": "",
                "venue_address": "",
            },
            {
                "title": "Del 2",
                "starts_at": when(27, 18),
                "ends_at": when(27, 21),
                "venue_name": "",
                "venue_address": "",
            },
        ],
    )
    data["topics"] = [str(topic.pk)]

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    course = Course.objects.get()
    assert course.slug == "ny-i-bestyrelsen"
    assert course.meetings.count() == 2
    assert timezone.localtime(course.starts_at).strftime("%H:%M") == "18:00"
    assert course.ends_at == course.meetings.order_by("starts_at").last().ends_at
    assert list(course.topics.all()) == [topic]


def test_a_course_without_a_slug_gets_one_with_danish_letters_spelled_out(admin_client):
    meeting = {
        "title": "",
        "starts_at": when(20, 18),
        "ends_at": when(20, 21),
        "venue_name": "",
        "venue_address": "",
    }
    title = "Førstehjælp for trænere i Gørlev"
    for _ in range(2):
        response = admin_client.post(ADD_URL, course_form(title=title, meetings=[meeting]))
        assert response.status_code == 302

    slugs = sorted(Course.objects.values_list("slug", flat=True))
    assert slugs == [
        "foerstehjaelp-for-traenere-i-goerlev",
        "foerstehjaelp-for-traenere-i-goerlev-2",
    ]
    assert Course.objects.get(slug=slugs[0]).meetings.count() == 1


def test_a_typed_slug_is_kept_and_a_reserved_one_refused(admin_client):
    meeting = {
        "title": "",
        "starts_at": when(20, 18),
        "ends_at": when(20, 21),
        "venue_name": "",
        "venue_address": "",
    }
    refused = admin_client.post(ADD_URL, course_form(slug="oensker", meetings=[meeting]))
    kept = admin_client.post(ADD_URL, course_form(slug="mit-kursus", meetings=[meeting]))

    assert refused.status_code == 200
    assert kept.status_code == 302
    assert list(Course.objects.values_list("slug", flat=True)) == ["mit-kursus"]


def test_an_emptied_slug_keeps_the_courses_address_also_when_the_form_is_refused(admin_client):
    course = CourseFactory(slug="ny-i-bestyrelsen-2026", title="Ny i bestyrelsen")

    refused = admin_client.post(edit_url(course), course_form(course, slug="", title=""))
    saved = admin_client.post(edit_url(course), course_form(course, slug=""))

    assert refused.status_code == 200
    assert saved.status_code == 302
    course.refresh_from_db()
    assert course.slug == "ny-i-bestyrelsen-2026"


def test_publishing_without_meetings_is_refused(admin_client):
    response = admin_client.post(ADD_URL, course_form(meetings=[]))

    assert response.status_code == 200
    assert "Tilføj mindst én kursusgang" in response.text
    assert Course.objects.count() == 0


def test_meeting_that_ends_before_it_starts_is_refused(admin_client):
    response = admin_client.post(
        ADD_URL,
        course_form(
            meetings=[
                {
                    "title": "",
                    "starts_at": when(20, 18),
                    "ends_at": when(20, 17),
                    "venue_name": "",
                    "venue_address": "",
                }
            ]
        ),
    )

    assert response.status_code == 200
    assert "Kursusgangen skal slutte efter den begynder" in response.text
    assert "courses_meeting_ends_after_start" not in response.text
    assert Course.objects.count() == 0


def test_cancellation_deadline_before_the_signup_deadline_is_refused_in_words(admin_client):
    response = admin_client.post(
        ADD_URL,
        course_form(
            meetings=[_meeting(20)],
            signup_deadline=when(10, 12),
            cancellation_deadline=when(5, 12),
        ),
    )

    assert response.status_code == 200
    assert "Afmeldingsfristen kan ikke ligge før tilmeldingsfristen" in response.text
    assert Course.objects.count() == 0


def test_publishing_a_course_whose_meetings_are_all_past_is_refused(admin_client):
    response = admin_client.post(ADD_URL, course_form(meetings=[_meeting(-3)]))

    assert response.status_code == 200
    assert "Alle kursusgange ligger i fortiden" in response.text
    assert Course.objects.count() == 0


def test_a_past_course_can_be_saved_as_a_draft(admin_client):
    response = admin_client.post(ADD_URL, course_form(meetings=[_meeting(-3)], status="draft"))

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
    admin_client, overrides, message
):
    response = admin_client.post(ADD_URL, course_form(meetings=[_meeting(20)], **overrides))

    assert response.status_code == 200
    assert message in response.text
    assert "Begrænsning" not in response.text
    assert Course.objects.count() == 0


def _meeting(days: int) -> dict:
    return {
        "title": "",
        "starts_at": when(days, 17),
        "ends_at": when(days, 20),
        "venue_name": "",
        "venue_address": "",
    }


def test_raising_capacity_in_the_admin_promotes_the_waiting_list(
    admin_client, django_capture_on_commit_callbacks
):
    course = CourseFactory(capacity=1)
    SignupFactory(course=course)
    first, second = waitlist(course, [UserFactory(), UserFactory()])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url(course), course_form(course, capacity="2"))

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (SignupStatus.CONFIRMED, SignupStatus.WAITLISTED)
    assert [m.to[0] for m in mail.outbox] == [first.user.email]


def test_lowering_capacity_in_the_admin_keeps_everyone(admin_client):
    course = CourseFactory(capacity=5)
    SignupFactory.create_batch(4, course=course)

    admin_client.post(edit_url(course), course_form(course, capacity="2"))

    course.refresh_from_db()
    assert course.capacity == 2
    assert Signup.objects.filter(course=course, status=SignupStatus.CONFIRMED).count() == 4


def test_cancelling_in_the_admin_emails_everyone(admin_client, django_capture_on_commit_callbacks):
    course = CourseFactory()
    signup = SignupFactory(course=course)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            edit_url(course),
            course_form(course, status="cancelled", cancellation_reason="For få tilmeldte."),
        )

    assert response.status_code == 302
    course.refresh_from_db()
    assert course.status == CourseStatus.CANCELLED
    assert course.meetings.filter(cancelled_at__isnull=True).count() == 0
    (message,) = mail.outbox
    assert message.to == [signup.user.email]
    assert "For få tilmeldte." in message.body


def test_moving_a_meeting_in_the_admin_bumps_its_sequence_and_tells_participants(
    admin_client, django_capture_on_commit_callbacks
):
    course = CourseFactory()
    SignupFactory(course=course)
    meeting = course.meetings.get()
    moved = [
        {
            "id": str(meeting.pk),
            "title": "",
            "starts_at": when(30, 19),
            "ends_at": when(30, 21),
            "venue_name": "",
            "venue_address": "",
        }
    ]

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit_url(course), course_form(course, meetings=moved))

    meeting.refresh_from_db()
    course.refresh_from_db()
    assert meeting.sequence == 1
    assert course.starts_at == meeting.starts_at
    assert mail.outbox[0].subject == f"Ny tid eller nyt sted: {course.title}"


def request_events(message) -> list:
    """The events of the METHOD:REQUEST calendar attached to an email, its only attachment."""
    ((method, calendar),) = invitations(message)
    assert method == "REQUEST"
    return calendar.events


def test_changing_the_course_venue_in_the_admin_moves_its_meetings_in_calendars(
    admin_client, django_capture_on_commit_callbacks
):
    course = CourseFactory(meetings=2)
    signup = SignupFactory(course=course)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            edit_url(course),
            course_form(course, venue_name="Kulturhuset", venue_address="Skolegade 2"),
        )

    assert response.status_code == 302
    assert list(course.meetings.values_list("sequence", flat=True)) == [1, 1]
    (message,) = mail.outbox
    assert message.to == [signup.user.email]
    assert message.subject == f"Ny tid eller nyt sted: {course.title}"
    events = request_events(message)
    assert [str(e["LOCATION"]) for e in events] == ["Kulturhuset, Skolegade 2"] * 2
    assert [e["SEQUENCE"] for e in events] == [1, 1]


def test_switching_a_course_online_in_the_admin_moves_its_meetings_in_calendars(
    admin_client, django_capture_on_commit_callbacks
):
    course = CourseFactory()
    signup = SignupFactory(course=course)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            edit_url(course),
            course_form(course, format="online", online_link="https://meet.example.org/kursus"),
        )

    assert response.status_code == 302
    assert course.meetings.get().sequence == 1
    (message,) = mail.outbox
    assert message.to == [signup.user.email]
    (event,) = request_events(message)
    assert str(event["LOCATION"]) == "Online"
    assert "https://meet.example.org/kursus" in str(event["DESCRIPTION"])
    assert event["SEQUENCE"] == 1


def test_editing_only_the_description_in_the_admin_tells_nobody(
    admin_client, django_capture_on_commit_callbacks
):
    course = CourseFactory()
    SignupFactory(course=course)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            edit_url(course),
            course_form(course, description=rich_text("<p>Nu også om regnskab.</p>")),
        )

    assert response.status_code == 302
    course.refresh_from_db()
    assert "regnskab" in course.description
    assert course.meetings.get().sequence == 0
    assert mail.outbox == []


def test_a_cancelled_course_cannot_be_reopened(admin_client):
    course = CourseFactory(status=CourseStatus.CANCELLED)

    response = admin_client.post(edit_url(course), course_form(course, status="published"))

    assert response.status_code == 200
    assert "kan ikke genåbnes" in response.text


def test_a_course_with_signups_cannot_become_a_draft(admin_client):
    course = CourseFactory()
    SignupFactory(course=course)

    response = admin_client.post(edit_url(course), course_form(course, status="draft"))

    assert response.status_code == 200
    assert "aflys det i stedet" in response.text


def test_a_course_with_signups_cannot_be_deleted(admin_client):
    course = CourseFactory()
    SignupFactory(course=course)

    response = admin_client.post(f"/admin/snippets/courses/course/delete/{course.pk}/", follow=True)

    assert Course.objects.filter(pk=course.pk).exists()
    assert "kan ikke slettes" in response.text


def test_a_course_without_signups_can_be_deleted(admin_client):
    course = CourseFactory()

    admin_client.post(f"/admin/snippets/courses/course/delete/{course.pk}/")

    assert not Course.objects.filter(pk=course.pk).exists()


def test_adding_a_meeting_tells_participants(admin_client, django_capture_on_commit_callbacks):
    course = CourseFactory()
    SignupFactory(course=course)
    existing = course.meetings.get()
    meetings = [
        {
            "id": str(existing.pk),
            "title": "",
            "starts_at": timezone.localtime(existing.starts_at).strftime("%Y-%m-%d %H:%M"),
            "ends_at": timezone.localtime(existing.ends_at).strftime("%Y-%m-%d %H:%M"),
            "venue_name": "",
            "venue_address": "",
        },
        {
            "title": "Opfølgning",
            "starts_at": when(40, 18),
            "ends_at": when(40, 20),
            "venue_name": "",
            "venue_address": "",
        },
    ]

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit_url(course), course_form(course, meetings=meetings))

    assert course.meetings.count() == 2
    existing.refresh_from_db()
    assert existing.sequence == 0
    (message,) = mail.outbox
    assert "Opfølgning" in message.body


def test_a_meeting_of_a_course_with_participants_cannot_be_deleted(admin_client):
    course = CourseFactory(meetings=2)
    SignupFactory(course=course)
    first, second = course.meetings.order_by("starts_at")
    meetings = [
        {
            "id": str(m.pk),
            "title": "",
            "starts_at": timezone.localtime(m.starts_at).strftime("%Y-%m-%d %H:%M"),
            "ends_at": timezone.localtime(m.ends_at).strftime("%Y-%m-%d %H:%M"),
            "venue_name": "",
            "venue_address": "",
            "DELETE": "on" if m == second else "",
        }
        for m in (first, second)
    ]

    response = admin_client.post(edit_url(course), course_form(course, meetings=meetings))

    assert response.status_code == 200
    assert "Aflys den i stedet fra arrangørsiden" in response.text
    assert course.meetings.count() == 2


def test_admin_list_searches_and_filters_courses(admin_client):
    CourseFactory(title="Konflikthåndtering i foreningen")
    CourseFactory(title="Ny i bestyrelsen", status=CourseStatus.DRAFT)

    searched = admin_client.get("/admin/snippets/courses/course/?q=konflikt")
    drafts = admin_client.get("/admin/snippets/courses/course/?status=draft")

    assert "Konflikthåndtering i foreningen" in searched.text
    assert "Ny i bestyrelsen" not in searched.text
    assert "Ny i bestyrelsen" in drafts.text
    assert "Konflikthåndtering i foreningen" not in drafts.text


def test_signup_questions_are_added_in_the_course_admin(admin_client):
    meeting = {
        "title": "",
        "starts_at": when(20, 18),
        "ends_at": when(20, 21),
        "venue_name": "",
        "venue_address": "",
    }
    questions = [
        {"text": "Vegetarisk frokost?", "kind": "yes_no", "options": "", "required": "on"},
        {"text": "Erfaring", "kind": "choice", "options": "Ingen\nLidt\nMeget", "required": ""},
    ]

    response = admin_client.post(ADD_URL, course_form(meetings=[meeting], questions=questions))

    assert response.status_code == 302
    course = Course.objects.get()
    assert [
        (q.text, q.kind, q.required, q.option_list) for q in course.questions.order_by("sort_order")
    ] == [
        ("Vegetarisk frokost?", "yes_no", True, []),
        ("Erfaring", "choice", False, ["Ingen", "Lidt", "Meget"]),
    ]


def test_a_choice_question_without_options_is_refused_in_words(admin_client):
    meeting = {
        "title": "",
        "starts_at": when(20, 18),
        "ends_at": when(20, 21),
        "venue_name": "",
        "venue_address": "",
    }
    questions = [{"text": "Farve", "kind": "choice", "options": "Rød", "required": ""}]

    response = admin_client.post(ADD_URL, course_form(meetings=[meeting], questions=questions))

    assert response.status_code == 200
    assert "Angiv mindst to valgmuligheder" in response.content.decode()
    assert not Course.objects.exists()
