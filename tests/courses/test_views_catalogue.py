"""The course catalogue /kurser/: filters, search, htmx and query counts."""

import pytest

from courses.models import CourseFormat, CourseStatus
from taxonomy.models import Audience
from tests.courses.factories import (
    CourseFactory,
    ProviderFactory,
    SignupFactory,
    TopicFactory,
    waitlist,
)
from tests.courses.helpers import days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [course.title for course in response.context["page_obj"]]


def test_catalogue_lists_published_upcoming_courses_by_date(client):
    later = CourseFactory(title="Senere", meetings=1, meetings__first_day=days(30))
    sooner = CourseFactory(title="Snart", meetings=1, meetings__first_day=days(5))
    CourseFactory(title="Kladde", status=CourseStatus.DRAFT)
    CourseFactory(title="Aflyst", status=CourseStatus.CANCELLED)
    CourseFactory(title="Overstået", meetings=1, meetings__first_day=days(-10))

    response = client.get("/kurser/")

    assert response.status_code == 200
    assert titles(response) == [sooner.title, later.title]
    assert "2 kurser" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=konflikt", ["Konflikter"]),
        ("format=online", ["Online aften"]),
        ("audience=board", ["Bestyrelse"]),
        ("language=en", ["In English"]),
        ("free_seats=on", ["Konflikter", "Online aften", "In English"]),
    ],
    ids=["topic", "format", "audience", "language", "free-seats"],
)
def test_catalogue_filters(client, query, expected):
    conflict = TopicFactory(slug="konflikt", name="Konflikthåndtering")
    CourseFactory(title="Konflikter", topics=[conflict, TopicFactory()])
    CourseFactory(title="Online aften", format=CourseFormat.ONLINE)
    full = CourseFactory(title="Bestyrelse", audience=Audience.BOARD_MEMBERS, capacity=1)
    SignupFactory(course=full)
    CourseFactory(title="In English", language="en")

    response = client.get(f"/kurser/?{query}")

    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(expected)


def test_catalogue_filters_by_provider_and_date_range(client):
    provider = ProviderFactory(name="Frivilligcenter")
    CourseFactory(title="Center", provider=provider, meetings=1, meetings__first_day=days(10))
    CourseFactory(title="Andet", meetings=1, meetings__first_day=days(10))
    CourseFactory(title="Senere", provider=provider, meetings=1, meetings__first_day=days(60))

    response = client.get(
        f"/kurser/?provider={provider.pk}&date_from={days(1):%Y-%m-%d}&date_to={days(20):%Y-%m-%d}"
    )

    assert titles(response) == ["Center"]


@pytest.mark.indexes
def test_catalogue_free_text_search_finds_words_and_word_beginnings(client):
    CourseFactory(title="Konflikthåndtering i foreningen")
    CourseFactory(title="Økonomi og regnskab", summary="Budget og bilag for kassereren.")
    CourseFactory(title="Førstehjælp")

    by_word = client.get("/kurser/?q=regnskab")
    by_beginning = client.get("/kurser/?q=konflikt")

    assert titles(by_word) == ["Økonomi og regnskab"]
    assert titles(by_beginning) == ["Konflikthåndtering i foreningen"]


def test_catalogue_keeps_filters_in_the_pagination_links(client):
    online = [
        CourseFactory(format=CourseFormat.ONLINE, meetings=1, meetings__first_day=days(i + 1))
        for i in range(13)
    ]

    response = client.get("/kurser/?format=online")

    assert len(response.context["page_obj"]) == 12
    assert 'href="?format=online&amp;page=2"' in response.text
    second = client.get("/kurser/?format=online&page=2")
    assert titles(second) == [online[-1].title]


def test_catalogue_htmx_request_gets_only_the_results_and_the_count(client):
    CourseFactory(title="Ét kursus")

    response = client.get("/kurser/?format=in_person", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Ét kursus" in response.text
    assert 'data-hx-swap-oob="innerHTML"' in response.text
    assert "1 kursus" in response.text


def test_catalogue_without_javascript_is_a_plain_get_form(client):
    response = client.get("/kurser/")

    assert 'method="get"' in response.text
    assert 'action="/kurser/"' in response.text
    assert 'role="status"' in response.text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/kurser/?date_from=i-morgen", "Indtast en gyldig dato"),
        ("/en/kurser/?date_from=tomorrow", "Enter a valid date"),
        ("/kurser/?topic=findes-ikke", "Marker en gyldig valgmulighed"),
    ],
    ids=["bad-date-da", "bad-date-en", "unknown-topic"],
)
def test_catalogue_bad_filter_is_a_400_with_a_message_in_the_users_language(client, path, message):
    CourseFactory()

    response = client.get(path)

    assert response.status_code == 400
    assert message in response.text


@pytest.mark.parametrize(
    "query",
    ["date_from=0001-01-01", "date_to=0001-01-01", "date_from=9999-12-31", "date_to=9999-12-31"],
)
def test_catalogue_dates_at_the_ends_of_the_calendar_filter_without_error(client, query):
    course = CourseFactory()
    # Midnight on 1 January of year 1 in Copenhagen is before UTC's year 1.
    expected = {"date_from=0001-01-01": 1, "date_to=9999-12-31": 1}.get(query, 0)

    response = client.get(f"/kurser/?{query}")

    assert response.status_code == 200
    assert response.context["count"] == expected
    assert (course.title in response.text) == bool(expected)


def test_catalogue_marks_my_signups(client, volunteer):
    mine = CourseFactory(capacity=1)
    SignupFactory(course=mine, user=volunteer)
    waiting_course = CourseFactory(capacity=1)
    SignupFactory(course=waiting_course)
    waitlist(waiting_course, [UserFactory(), volunteer])

    response = client.get("/kurser/")

    assert "Du er tilmeldt" in response.text
    assert "Du er nr. 2 på ventelisten" in response.text


@pytest.mark.parametrize("count", [1, 30], ids=["1-course", "30-courses"])
@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "volunteer"])
def test_catalogue_query_count_does_not_grow_with_courses(
    client, django_assert_num_queries, count, logged_in
):
    topics = [TopicFactory(), TopicFactory()]
    provider = ProviderFactory()
    user = UserFactory()
    for _ in range(count):
        course = CourseFactory(topics=topics, provider=provider, meetings=2)
        SignupFactory(course=course, user=user)
        SignupFactory(course=course)
    if logged_in:
        client.force_login(user)

    with django_assert_num_queries(16 if logged_in else 12):
        response = client.get("/kurser/")

    assert response.status_code == 200


@pytest.mark.indexes
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', ["Førstehjælp", "Ny i bestyrelsen"]),
        ('bestyrelsen"', ["Ny i bestyrelsen"]),
        ("bestyrelse*", ["Ny i bestyrelsen"]),
        ("(ny", ["Ny i bestyrelsen"]),
    ],
    ids=["quote", "trailing-quote", "star", "bracket"],
)
def test_catalogue_search_treats_search_syntax_as_ordinary_input(client, query, expected):
    # A lone quote reached SQLite's full-text parser: "unterminated string", a 500.
    CourseFactory(title="Ny i bestyrelsen")
    CourseFactory(title="Førstehjælp")

    response = client.get("/kurser/", {"q": query})

    assert response.status_code == 200
    assert sorted(course.title for course in response.context["page_obj"]) == expected


def test_catalogue_search_refuses_an_over_long_query_with_400(client):
    CourseFactory(title="Ny i bestyrelsen")

    response = client.get("/kurser/", {"q": "bestyrelse " * 10_000})

    assert response.status_code == 400
    assert [course.title for course in response.context["page_obj"]] == ["Ny i bestyrelsen"]
