"""The catalogue's cards read their topics only when a card is rendered (issue 17): a card is
kept whole in the shared fragment cache, so a warm page reads no topics, a cold one reads them
for the whole page in one query, and the page is the same either way."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import fragments, page_cache
from tests.courses.factories import CourseFactory, SignupFactory, TopicFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOPICS = 'AS "_prefetch_related_val_course_id"'


def _get(client, path="/kurser/"):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response, [q["sql"] for q in captured if TOPICS in q["sql"]]


def _logged_in_with_cards(count):
    topics = [TopicFactory(name="Bestyrelsesarbejde"), TopicFactory(name="Økonomi")]
    courses = [CourseFactory(topics=topics) for _ in range(count)]
    person = UserFactory()
    SignupFactory(course=courses[0], user=person)
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.parametrize("count", [1, 5])
def test_topics_for_the_whole_page_in_one_query_without_the_fragment_cache(settings, count):
    settings.FRAGMENT_CACHE_SECONDS = 0
    client = _logged_in_with_cards(count)

    response, topic_queries = _get(client)

    assert len(topic_queries) == 1
    assert response.text.count("<li>Bestyrelsesarbejde</li>") == count
    assert "Du er tilmeldt" in response.text


def test_a_warm_catalogue_reads_no_topics_and_shows_them(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    fragments.clear_local()
    try:
        client = _logged_in_with_cards(3)
        client.get("/kurser/")
        page_cache.bump_generation()  # as after an edit: every card is stale
        cold, cold_topics = _get(client)
        warm, warm_topics = _get(client)
    finally:
        fragments.clear_local()

    assert len(cold_topics) == 1
    assert warm_topics == []
    assert warm.text == cold.text.replace(
        str(cold.context["csp_nonce"]), str(warm.context["csp_nonce"])
    ).replace(str(cold.context["csrf_token"]), str(warm.context["csrf_token"]))
    assert warm.text.count("<li>Økonomi</li>") == 3
