"""/api/v1/courses/ is the catalogue (/kurser/) as data: the same courses for the same filters,
in the same order, with the same texts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import CourseFormat
from tests.courses.factories import CourseFactory, ProviderFactory, TopicFactory


def api_slugs(client, query: str) -> list[str]:
    """Every course the API lists for the query, across all its pages."""
    slugs, url = [], f"/api/v1/courses/?{query}&page_size=5"
    while url:
        data = client.get(url).json()
        slugs += [course["slug"] for course in data["results"]]
        url = data["next"]
    return slugs


def catalogue_slugs(client, query: str) -> list[str]:
    slugs, page = [], 1
    while True:
        response = client.get(f"/kurser/?{query}&page={page}")
        assert response.status_code == 200
        page_obj = response.context["page_obj"]
        slugs += [course.slug for course in page_obj]
        if not page_obj.has_next():
            return slugs
        page += 1


@pytest.fixture(scope="session")
def _catalogue_once(build_once):
    return build_once(build_catalogue)


@pytest.fixture
def catalogue(_catalogue_once, db):
    """Thirty courses over two topics, formats, audiences and providers, some full (built
    once per session, put back for each test: build_once in tests/conftest.py)."""
    built, put_back = _catalogue_once
    put_back()
    for provider in built["providers"]:
        provider.refresh_from_db()
    return built


def build_catalogue():
    topics = [TopicFactory(slug="ledelse"), TopicFactory(slug="fundraising")]
    providers = [ProviderFactory(), ProviderFactory()]
    today = timezone.localdate()
    for n in range(30):
        CourseFactory(
            title=f"Kursus {n % 7} om frivillighed",
            topics=[topics[n % 2]],
            provider=providers[n % 3 % 2],
            format=[CourseFormat.IN_PERSON, CourseFormat.ONLINE, CourseFormat.HYBRID][n % 3],
            audience=["board", "leaders", "all", "young"][n % 4],
            capacity=None if n % 5 == 0 else 10,
            meetings=1,
            meetings__first_day=today + timedelta(days=3 + n % 11),
        )
    return {"providers": providers}


@pytest.mark.indexes
@pytest.mark.parametrize(
    "query",
    [
        "",
        "topic=ledelse",
        "format=online",
        "audience=board&format=hybrid",
        "language=da",
        "free_seats=on",
        "q=frivillighed",
        "topic=fundraising&date_from={from}&date_to={to}",
        "provider={provider}",
    ],
    ids=[
        "all",
        "topic",
        "format",
        "audience-format",
        "language",
        "free-seats",
        "search",
        "topic-dates",
        "provider",
    ],
)
def test_courses_api_lists_exactly_what_the_catalogue_shows(client, catalogue, query):
    today = timezone.localdate()
    query = query.format(
        provider=catalogue["providers"][1].pk,
        **{"from": today + timedelta(days=5), "to": today + timedelta(days=9)},
    )

    expected = catalogue_slugs(client, query)

    assert expected  # the filter keeps some courses
    assert api_slugs(client, query) == expected


def test_courses_api_invalid_filter_is_a_400_with_the_catalogues_message(client, catalogue):
    catalogue_page = client.get("/kurser/?topic=findes-ikke&date_from=i-morgen")
    api = client.get("/api/v1/courses/?topic=findes-ikke&date_from=i-morgen")

    assert catalogue_page.status_code == api.status_code == 400
    assert api.json() == {
        "detail": "Nogle af parametrene er ikke gyldige.",
        "errors": {
            "topic": [
                "Marker en gyldig valgmulighed. Det valg, du har foretaget, er ikke blandt "
                "de tilgængelige valgmuligheder."
            ],
            "date_from": ["Indtast en gyldig dato."],
        },
    }


def test_course_shows_seats_waiting_list_meetings_and_signup_url(client, world):
    data = client.get(f"/api/v1/courses/{world.course.slug}/").json()

    assert data["seats"] == {
        "capacity": 2,
        "left": 0,
        "waiting_list": 1,
        "waiting_list_open": True,
        "text": "Fuldt – 1 på venteliste",
    }
    assert data["signup"]["url"] == "http://testserver/kurser/ny-i-bestyrelsen/#tilmelding"
    assert data["signup"]["state"] == "open"
    assert data["place"] == {
        "name": "Kalundborg Rådhus",
        "address": "Holbækvej 141, 4400 Kalundborg",
    }
    assert data["online"] is False
    assert [m["place"] for m in data["meetings"]] == [data["place"], data["place"]]
    assert data["topics"] == [{"slug": "bestyrelsesarbejde", "name": "Bestyrelsesarbejde"}]
    assert data["provider"] == {
        "id": world.provider.pk,
        "name": "Frivilligcentret",
        "website": "https://frivilligcenter.example/",
    }
    assert data["description_html"] == (
        '<p>Se <a href="http://testserver/vejledninger/">vejledningerne</a>.</p>'
    )


def test_online_course_has_no_place_and_unlimited_seats(client, world):
    data = client.get(f"/api/v1/courses/{world.online_course.slug}/").json()

    assert data["place"] is None
    assert data["online"] is True
    assert data["meetings"][0]["place"] is None
    assert data["seats"]["left"] is None
    assert data["seats"]["text"] == "Ubegrænset antal pladser"


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("/api/v1/courses/{slug}/?lang=en", {}),
        ("/api/v1/courses/{slug}/", {"Accept-Language": "en-GB,en;q=0.9,da;q=0.5"}),
    ],
    ids=["lang-parameter", "accept-language"],
)
def test_course_in_english_has_the_english_sites_texts_and_links(client, world, url, headers):
    response = client.get(url.format(slug=world.course.slug), headers=headers)
    data = response.json()

    assert response["Content-Language"] == "en"
    assert data["url"] == "http://testserver/en/kurser/ny-i-bestyrelsen/"
    assert data["topics"] == [{"slug": "bestyrelsesarbejde", "name": "Board work"}]
    assert data["format"] == {"value": "in_person", "label": "In person"}
    assert data["seats"]["text"] == "Full – 1 on the waiting list"
    assert data["price_text"] == "Free"


def test_lang_parameter_wins_over_accept_language(client, world):
    response = client.get("/api/v1/topics/?lang=da", headers={"Accept-Language": "en"})

    assert response["Content-Language"] == "da"
    assert response.json()["results"][0]["name"] == "Bestyrelsesarbejde"


def test_unknown_language_is_a_400(client, world):
    response = client.get("/api/v1/topics/?lang=sv")

    assert response.status_code == 400
    assert response.json()["errors"] == {"lang": ["Vælg et af disse sprog: da, en."]}


def test_pages_are_stable_and_link_to_each_other(client, catalogue):
    first = client.get("/api/v1/courses/?page_size=12").json()
    second = client.get(first["next"]).json()

    assert (first["count"], first["pages"], first["previous"]) == (30, 3, None)
    assert second["previous"] == "http://testserver/api/v1/courses/?page_size=12&page=1"
    assert len({c["slug"] for c in first["results"] + second["results"]}) == 24


def test_page_past_the_last_is_a_404(client, catalogue):
    response = client.get("/api/v1/courses/?page=4&page_size=12")

    assert response.status_code == 404
    assert response.json() == {"detail": "Der er ingen side 4."}
