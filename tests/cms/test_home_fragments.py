"""The home page's sections and a guide's article are shared fragments: a warm page asks
none of their queries, each language gets its own, a logged-in person still gets their own
header, and an edit shows at once."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import page_cache
from tests.cms.factories import CourseFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


def _course(topic):
    return CourseFactory(
        title="Årshjulet", topics=[topic], starts_at=timezone.now() + datetime.timedelta(days=3)
    )


def _get(client, path="/"):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response, [query["sql"] for query in captured]


def test_a_warm_home_page_skips_the_sections_queries(make_guide, make_story, topic):
    CourseFactory(
        title="Årshjulet", topics=[topic], starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    make_guide()
    make_story()
    client = Client()
    client.get("/")  # the site lookup's and footer's caches

    page_cache.bump_generation()  # as after an edit: every fragment is stale
    cold, cold_queries = _get(client)
    warm, warm_queries = _get(client)

    assert any('FROM "courses_course"' in sql for sql in cold_queries)
    assert not any('FROM "courses_course"' in sql for sql in warm_queries)
    assert len(warm_queries) <= len(cold_queries) - 4  # courses, topics, guide index, guides…
    assert "Årshjulet" in warm.text
    assert warm.text == cold.text.replace(
        str(cold.context["csp_nonce"]), str(warm.context["csp_nonce"])
    )


def test_each_language_and_each_person_get_their_own_page_around_the_shared_sections(
    make_guide, topic
):
    CourseFactory(
        title="Årshjulet", topics=[topic], starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    make_guide()
    anna = UserFactory(full_name="Anna Andersen")
    client = Client()
    client.force_login(anna)

    danish = client.get("/").text
    english = client.get("/en/").text
    anonymous = Client().get("/").text

    assert "Kommende kurser" in danish
    assert "Upcoming courses" not in danish
    assert "Upcoming courses" in english
    assert "Kommende kurser" not in english
    assert "Log ud" in danish
    assert "Log ud" not in anonymous
    assert "Årshjulet" in anonymous


def test_a_new_course_shows_on_the_home_page_at_once(
    make_guide, topic, django_capture_on_commit_callbacks
):
    make_guide()
    CourseFactory(
        title="Årshjulet", topics=[topic], starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    client = Client()
    assert "Nyt kursus om foreningsjura" not in client.get("/").text

    with django_capture_on_commit_callbacks(execute=True):  # the generation bump
        CourseFactory(
            title="Nyt kursus om foreningsjura",
            starts_at=timezone.now() + datetime.timedelta(days=1),
        )

    assert "Nyt kursus om foreningsjura" in client.get("/").text


def test_a_warm_guide_page_skips_the_articles_queries(make_guide):
    guide = make_guide()
    client = Client()
    client.get(guide.url)
    page_cache.bump_generation()  # as after an edit: every fragment is stale

    cold, cold_queries = _get(client, guide.url)
    warm, warm_queries = _get(client, guide.url)

    assert any('FROM "courses_topic"' in sql for sql in cold_queries)
    assert not any('FROM "courses_topic"' in sql for sql in warm_queries)
    assert warm.text == cold.text.replace(
        str(cold.context["csp_nonce"]), str(warm.context["csp_nonce"])
    )
    assert guide.title in warm.text


def test_a_preview_shows_its_draft_and_leaves_the_shared_article_alone(make_guide):
    guide = make_guide()
    client = Client()
    client.get(guide.url)
    live = client.get(guide.url).text  # the shared article is warm

    guide.title = "Kladde: generalforsamling på én aften"  # an unsaved draft, as in the editor
    preview = guide.make_preview_request()

    # In the article itself (the shared fragment), not only in the <title> around it.
    assert "<h1>Kladde: generalforsamling på én aften</h1>" in preview.content.decode()
    after = client.get(guide.url).text
    assert "Kladde" not in after
    assert guide.lead in after
    assert "Kladde" not in live
