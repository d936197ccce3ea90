import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.search import make_snippet, search_site
from courses.models import CourseStatus
from tests.cms.factories import CourseFactory, TopicFactory
from tests.cms.fixtures import heading, paragraph, publish

pytestmark = pytest.mark.indexes


@pytest.fixture
def english_guide(make_guide):
    guide = make_guide(title="Generalforsamling")
    english = guide.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "The general meeting"
    english.lead = "Everything about the annual general meeting."
    publish(english)
    return guide


@pytest.mark.django_db
def test_search_groups_guides_stories_pages_and_courses(client, make_guide, make_story, topic):
    make_guide(title="Generalforsamling i foreningen")
    make_story(lead="Lise forberedte sin første generalforsamling.")
    CourseFactory(title="Den gode generalforsamling", slug="god-gf", topics=[topic])

    response = client.get("/soeg/", {"q": "generalforsamling"})

    assert response.status_code == 200
    groups = {
        group.key: [hit.title for hit in group.results] for group in response.context["groups"]
    }
    assert groups == {
        "guides": ["Generalforsamling i foreningen"],
        "courses": ["Den gode generalforsamling"],
        "networks": [],
        "associations": [],
        "internship_offers": [],
        "theme_weeks": [],
        "stories": ["Lises lørdage i klubhuset"],
        "pages": [],
    }
    assert 'href="/kurser/god-gf/"' in response.text
    assert "<mark>generalforsamling</mark>" in response.text


@pytest.mark.parametrize(
    ("status", "days"),
    [(CourseStatus.DRAFT, 10), (CourseStatus.CANCELLED, 10), (CourseStatus.PUBLISHED, -3)],
    ids=["draft", "cancelled", "already-started"],
)
@pytest.mark.django_db
def test_search_leaves_out_courses_nobody_can_join(client, home_page, status, days):
    CourseFactory(
        title="Kassererkursus",
        status=status,
        starts_at=timezone.now() + datetime.timedelta(days=days),
    )

    response = client.get("/soeg/", {"q": "kassererkursus"})

    assert response.context["total"] == 0


@pytest.mark.django_db
def test_courses_are_found_by_topics_added_after_the_course_was_saved(client, home_page):
    course = CourseFactory(title="Aftenkursus")
    topic = TopicFactory(name="Regnskabsføring", slug="regnskab")

    course.topics.set([topic])
    course.save()  # commits the ParentalManyToManyField, as the admin form does

    response = client.get("/soeg/", {"q": "regnskabsføring"})
    assert [hit.title for hit in response.context["groups"][1].results] == ["Aftenkursus"]


@pytest.mark.django_db
def test_renaming_a_topic_updates_what_its_courses_are_found_by(client, home_page, topic):
    CourseFactory(title="Aftenkursus", topics=[topic])

    topic.name = "Foreningsledelse"
    topic.save()

    response = client.get("/soeg/", {"q": "foreningsledelse"})
    assert response.context["groups"][1].total == 1


@pytest.mark.django_db
def test_search_in_english_finds_the_english_pages(client, english_guide):
    response = client.get("/en/soeg/", {"q": "meeting"})

    assert [hit.title for hit in response.context["groups"][0].results] == ["The general meeting"]
    assert 'href="/en/vejledninger/generalforsamling/"' in response.text


@pytest.mark.django_db
def test_search_without_results_suggests_topics(client, make_guide):
    make_guide()

    response = client.get("/soeg/", {"q": "zebrafinke"})

    assert response.status_code == 200
    assert response.context["total"] == 0
    assert "Ingen resultater" in response.text
    assert 'href="/vejledninger/emne/bestyrelsesarbejde/"' in response.text


@pytest.mark.parametrize(
    "params",
    [{"q": "x" * 201}, {"q": "bestyrelse", "type": "alt"}, {"q": ""}],
    ids=["too-long", "unknown-type", "empty"],
)
@pytest.mark.django_db
def test_bad_search_input_is_a_400_with_the_form(client, home_page, params):
    response = client.get("/soeg/", params)

    assert response.status_code == 400
    assert 'role="search"' in response.text


@pytest.mark.django_db
def test_search_page_without_a_query_shows_the_form(client, home_page):
    response = client.get("/soeg/")

    assert response.status_code == 200
    assert 'id="search-q"' in response.text


@pytest.mark.django_db
def test_one_type_of_results_pages_through_all_of_them(client, make_guide, topic, monkeypatch):
    # Pages of 5 instead of 20: the same paging with a fifth of the guides to publish.
    monkeypatch.setattr("cms.views.RESULTS_PER_PAGE", 5)
    for number in range(7):
        make_guide(title=f"Generalforsamling {number}", slug=f"gf-{number}")

    first = client.get("/soeg/", {"q": "generalforsamling", "type": "guides"})
    second = client.get("/soeg/", {"q": "generalforsamling", "type": "guides", "side": 2})

    assert first.context["total"] == 7
    assert len(first.context["results"]) == 5
    assert len(second.context["results"]) == 2


@pytest.mark.django_db
def test_search_query_count_does_not_grow_with_results(
    client, make_guide, topic, django_assert_num_queries
):
    for number in range(4):
        make_guide(title=f"Generalforsamling {number}", slug=f"gf-{number}")
        CourseFactory(title=f"Generalforsamling kursus {number}", topics=[topic])
    client.get("/soeg/", {"q": "generalforsamling"})

    with django_assert_num_queries(13):
        client.get("/soeg/", {"q": "generalforsamling"})


def test_snippet_marks_words_and_escapes_html():
    text = "<p>Før <b>generalforsamlingen</b> skal bestyrelsen sende <script>x</script></p>"

    snippet = make_snippet(text, ["generalforsamling"])

    assert snippet == "Før <mark>generalforsamlingen</mark> skal bestyrelsen sende x"


def test_snippet_starts_near_the_first_match_in_long_text():
    text = " ".join(["fyld"] * 200) + " kassereren fører regnskab " + " ".join(["fyld"] * 50)

    snippet = make_snippet(text, ["kasserer"])

    assert snippet.startswith("… ")
    assert "<mark>kassereren</mark>" in snippet
    assert snippet.endswith(" …")


@pytest.mark.django_db
def test_search_site_counts_every_match(rf, make_guide):
    for number in range(7):
        make_guide(
            title=f"Vejledning {number}",
            slug=f"v-{number}",
            body=[heading("Frister"), paragraph("<p>Husk fristen for fondsansøgning.</p>")],
        )
    request = rf.get("/soeg/")

    groups = search_site("fondsansøgning", request)

    assert (groups[0].total, len(groups[0].results)) == (7, 5)


@pytest.mark.django_db
def test_danish_stemming_finds_other_forms_of_the_word(client, home_page):
    # PostgreSQL's "danish" configuration and, on SQLite, the same Snowball stemmer in Python.
    CourseFactory(title="Ny i bestyrelsen")
    CourseFactory(title="Regnskaber for kasserere")

    response = client.get("/soeg/", {"q": "bestyrelse"})
    plural = client.get("/soeg/", {"q": "regnskab"})

    assert [hit.title for hit in response.context["groups"][1].results] == ["Ny i bestyrelsen"]
    assert [hit.title for hit in plural.context["groups"][1].results] == [
        "Regnskaber for kasserere"
    ]


@pytest.mark.parametrize(
    "query",
    ['"', '"generalforsamling', "generalforsamling*", "(general OR forsamling", "a:b & c | !d^"],
    ids=["quote", "open-phrase", "star", "bracket-or", "tsquery-syntax"],
)
@pytest.mark.django_db
def test_search_syntax_characters_are_ordinary_input(client, make_guide, query):
    # A lone quote reached SQLite's full-text parser: "unterminated string", a 500.
    make_guide(title="Generalforsamling i foreningen")

    response = client.get("/soeg/", {"q": query})

    assert response.status_code == 200
    found = {g.key: [hit.title for hit in g.results] for g in response.context["groups"]}
    expected = ["Generalforsamling i foreningen"] if "generalforsamling" in query else []
    assert found["guides"] == expected


@pytest.mark.django_db
def test_search_for_punctuation_only_finds_nothing_and_says_so(client, home_page):
    response = client.get("/soeg/", {"q": '"*()'})

    assert response.status_code == 200
    assert response.context["total"] == 0
