"""/indlejring/kurser/: a light course list other sites frame — no cookies, no scripts, frameable
only there, with the catalogue's filters."""

import pytest

from tests.courses.factories import CourseFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_embed_may_be_framed_by_any_site_and_sets_no_cookies(client, world):
    response = client.get("/indlejring/kurser/")

    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response.cookies == {}
    assert "<script" not in response.text
    assert "csrfmiddlewaretoken" not in response.text


def test_other_pages_still_refuse_frames(client, world):
    response = client.get("/kurser/")

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_embed_shows_the_next_courses_of_a_topic_with_signup_links(client, world):
    other = TopicFactory(slug="andet")
    CourseFactory(title="Et andet emne", topics=[other])

    response = client.get("/indlejring/kurser/?topic=bestyrelsesarbejde")

    assert "Kurser: Bestyrelsesarbejde" in response.text
    assert "Ny i bestyrelsen" in response.text
    assert "Et andet emne" not in response.text
    assert 'href="http://testserver/kurser/ny-i-bestyrelsen/" target="_top"' in response.text
    more = 'href="http://testserver/kurser/?topic=bestyrelsesarbejde" target="_top"'
    assert more in response.text


def test_embed_shows_at_most_limit_courses(client, world):
    for n in range(4):
        CourseFactory(title=f"Ekstra {n}")

    response = client.get("/indlejring/kurser/?limit=2")

    assert response.text.count('class="embed__course"') == 2


def test_embed_in_english(client, world):
    response = client.get("/en/indlejring/kurser/?topic=bestyrelsesarbejde")

    assert '<html lang="en">' in response.text
    assert "Courses: Board work" in response.text
    assert "http://testserver/en/kurser/ny-i-bestyrelsen/" in response.text


@pytest.mark.parametrize("query", ["topic=findes-ikke", "limit=0", "limit=21", "date_from=x"])
def test_embed_with_an_invalid_filter_says_so(client, world, query):
    response = client.get(f"/indlejring/kurser/?{query}")

    assert response.status_code == 400
    assert "et filter, der ikke er gyldigt" in response.text
    assert "X-Frame-Options" not in response
