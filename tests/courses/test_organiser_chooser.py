"""The course admin's organiser field: it finds staff and course providers' contact people
(never volunteers), tells two people of the same name apart, renders only the chosen ones,
and refuses a volunteer posted by hand. The course list links to the organiser pages and
puts the course that meets next first."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from courses.models import Course
from courses.queries.organisers import organiser_candidates, search_organiser_candidates
from tests.courses.admin_helpers import ADD_URL, course_form, edit_url
from tests.courses.factories import CourseFactory, ProviderFactory, local
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = "/admin/kurser/arrangoerer/soeg/"


def with_organisers(data: dict, *users) -> dict:
    """The form data with these organisers ticked (one value per box, as a browser posts)."""
    return {**data, "organisers": [str(user.pk) for user in users]}


@pytest.fixture
def people():
    staff = UserFactory(
        full_name="Birthe Olsen",
        email="birthe.olsen@kalundborg.dk",
        roles=[Role.VOLUNTEER_CONSULTANT],
    )
    ProviderFactory(name="Dansk Førstehjælpsråd", contact_email="Birthe@Foerstehjaelp.dk")
    contact = UserFactory(full_name="Birthe Olsen", email="birthe@foerstehjaelp.dk")
    volunteer = UserFactory(full_name="Birthe Olsen", email="birthe@roklubben.dk")
    return {"staff": staff, "contact": contact, "volunteer": volunteer}


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(roles=[Role.COURSE_ADMINISTRATOR], full_name="Kim Kursus"))
    return client


def test_candidates_are_staff_and_provider_contacts_never_volunteers(people):
    candidates = set(organiser_candidates())

    assert people["staff"] in candidates
    assert people["contact"] in candidates
    assert people["volunteer"] not in candidates


def test_candidates_leave_out_closed_accounts(people):
    people["staff"].is_active = False
    people["staff"].save(update_fields=["is_active"])

    assert people["staff"] not in set(organiser_candidates())


def test_search_tells_two_birthe_olsen_apart(people, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = search_organiser_candidates("birthe olsen")

    assert {(p.name, p.email, p.organisation) for p in found} == {
        ("Birthe Olsen", "birthe.olsen@kalundborg.dk", ""),
        ("Birthe Olsen", "birthe@foerstehjaelp.dk", "Dansk Førstehjælpsråd"),
    }


@pytest.mark.parametrize("text", ["", " ", "b"], ids=["empty", "space", "one-letter"])
def test_search_needs_two_letters(people, text):
    assert search_organiser_candidates(text) == []


def test_search_finds_by_email_and_caps_the_results(people):
    for number in range(25):
        UserFactory(full_name=f"Medarbejder {number}", roles=[Role.EDITOR])

    assert [p.email for p in search_organiser_candidates("foerstehjaelp")] == [
        "birthe@foerstehjaelp.dk"
    ]
    assert len(search_organiser_candidates("medarbejder")) == 20


def test_the_search_answers_course_administrators_in_json(admin_client, people):
    response = admin_client.get(SEARCH_URL, {"q": "Birthe"})

    assert response.status_code == 200
    results = response.json()["results"]
    assert {r["email"] for r in results} == {
        "birthe.olsen@kalundborg.dk",
        "birthe@foerstehjaelp.dk",
    }
    assert {r["organisation"] for r in results} == {
        "Kommunens medarbejdere",
        "Dansk Førstehjælpsråd",
    }


@pytest.mark.parametrize("role", [None, Role.EDITOR], ids=["volunteer", "editor"])
def test_the_search_is_refused_to_everybody_else(client, people, role):
    client.force_login(UserFactory(roles=[role] if role else None))

    response = client.get(SEARCH_URL, {"q": "Birthe"})

    assert response.status_code in (302, 403)
    assert b"birthe" not in response.content


@pytest.mark.indexes
def test_the_form_renders_only_the_chosen_organisers(admin_client, people):
    course = CourseFactory(organisers=[people["contact"]])
    for _ in range(30):
        UserFactory(roles=[Role.EDITOR])

    page = admin_client.get(edit_url(course)).content.decode()

    assert f'name="organisers" value="{people["contact"].pk}" checked' in page
    assert "birthe@foerstehjaelp.dk · Dansk Førstehjælpsråd" in page
    assert page.count('type="checkbox" name="organisers"') == 1
    assert "birthe.olsen@kalundborg.dk" not in page


def test_a_course_administrator_names_organisers_by_their_ids(admin_client, people):
    response = admin_client.post(
        ADD_URL,
        with_organisers(course_form(status="draft"), people["staff"], people["contact"]),
    )

    assert response.status_code == 302
    course = Course.objects.get(title="Ny i bestyrelsen")
    assert set(course.organisers.all()) == {people["staff"], people["contact"]}


def test_a_volunteer_posted_by_hand_is_refused_in_words(admin_client, people):
    response = admin_client.post(
        ADD_URL,
        with_organisers(course_form(status="draft"), people["volunteer"]),
    )

    assert response.status_code == 200
    assert (
        "Kun kommunens medarbejdere og kursusudbyderes kontaktpersoner" in response.content.decode()
    )
    assert not Course.objects.filter(title="Ny i bestyrelsen").exists()


def test_an_organiser_who_is_no_longer_a_candidate_can_stay(admin_client, people):
    course = CourseFactory(organisers=[people["volunteer"]])

    response = admin_client.post(
        edit_url(course), with_organisers(course_form(course), people["volunteer"])
    )

    assert response.status_code == 302
    assert list(course.organisers.all()) == [people["volunteer"]]


def test_the_course_list_links_to_the_organiser_pages_and_puts_the_next_meeting_first(
    admin_client,
):
    today = timezone.localdate()
    later = CourseFactory(
        title="Senere kursus",
        meetings=[(local(today + timedelta(days=30), 17), local(today + timedelta(days=30), 20))],
    )
    soon = CourseFactory(
        title="Snart kursus",
        meetings=[(local(today + timedelta(days=3), 17), local(today + timedelta(days=3), 20))],
    )
    past = CourseFactory(
        title="Holdt kursus",
        meetings=[(local(today - timedelta(days=30), 17), local(today - timedelta(days=30), 20))],
    )

    page = admin_client.get("/admin/snippets/courses/course/").content.decode()

    assert page.index("Snart kursus") < page.index("Senere kursus") < page.index("Holdt kursus")
    assert f'href="/kurser/{soon.slug}/arrangoer/"' in page
    assert f'href="/kurser/{later.slug}/arrangoer/"' in page
    assert f'href="/kurser/{past.slug}/arrangoer/"' in page
