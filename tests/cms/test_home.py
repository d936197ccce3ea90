import datetime

import pytest
from django.utils import timezone

from courses.models import CourseStatus
from tests.cms.factories import CourseFactory


@pytest.mark.django_db
def test_home_lists_the_next_published_courses_and_links_to_the_guides(
    client, make_guide, make_story, topic
):
    now = timezone.now()
    for days in (9, 2, 5, 7, 11):
        CourseFactory(
            title=f"Om {days} dage",
            slug=f"om-{days}",
            topics=[topic],
            starts_at=now + datetime.timedelta(days=days),
        )
    CourseFactory(
        title="Kladde", status=CourseStatus.DRAFT, starts_at=now + datetime.timedelta(days=1)
    )
    CourseFactory(title="Forbi", starts_at=now - datetime.timedelta(days=1))
    make_guide()
    make_story()

    response = client.get("/")

    assert [c.title for c in response.context["upcoming_courses"]] == [
        "Om 2 dage",
        "Om 5 dage",
        "Om 7 dage",
        "Om 9 dage",
    ]
    assert '<h2 id="home-courses-heading">Kommende kurser</h2>' in response.text
    assert 'href="/kurser/om-2/"' in response.text
    assert (
        '<a class="button button--secondary" href="/vejledninger/">Se alle vejledninger</a>'
        in response.text
    )


@pytest.mark.django_db
def test_home_without_courses_or_guides_leaves_the_sections_out(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    assert "home-courses-heading" not in response.text
    assert "home-guides-heading" not in response.text
    assert "home-stories-heading" not in response.text


def test_home_title_names_the_site_once_and_other_pages_add_it(client, home_page, standard_page):
    home = client.get("/").content.decode()
    other = client.get("/om/").content.decode()

    assert "<title>Frivilligløft</title>" in home
    assert "<title>Om Frivilligløft · Frivilligløft</title>" in other
