"""Topics in the admin after the move to taxonomy: the old addresses still lead there."""

import pytest

from tests.courses.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.mark.indexes
def test_bookmarks_from_before_the_move_redirect_to_the_topics_new_address(course_admin_client):
    topic = TopicFactory(name="Bestyrelsesarbejde")

    listing = course_admin_client.get("/admin/snippets/courses/topic/?q=best")
    edit = course_admin_client.get(f"/admin/snippets/courses/topic/edit/{topic.pk}/")

    assert listing.status_code == 301
    assert listing["Location"] == "/admin/snippets/taxonomy/topic/?q=best"
    assert edit.status_code == 301
    assert edit["Location"] == f"/admin/snippets/taxonomy/topic/edit/{topic.pk}/"
    followed = course_admin_client.get(edit["Location"])
    assert followed.status_code == 200
    assert "Bestyrelsesarbejde" in followed.text


def test_the_old_address_asks_for_a_login_first(client):
    response = client.get("/admin/snippets/courses/topic/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
