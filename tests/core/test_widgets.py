"""core.widgets: the rich text editor refuses a value it cannot parse instead of a 500."""

import pytest

from accounts.roles import Role
from core.widgets import SafeDraftailRichTextArea
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["1.5", "ikke json", "[1, 2]", "{}"], ids=repr)
def test_a_rich_text_value_that_is_no_editor_document_counts_as_empty(value):
    widget = SafeDraftailRichTextArea()

    assert widget.value_from_datadict({"body": value}, {}, "body") in (None, "")


@pytest.mark.parametrize("value", ["1.5", "ikke json"], ids=repr)
def test_the_course_form_answers_a_broken_description_with_the_form(client, value):
    client.force_login(UserFactory(roles=[Role.COURSE_ADMINISTRATOR]))

    response = client.post(
        "/admin/snippets/courses/course/add/",
        {"title": "Kassererkursus", "description": value, "meetings-TOTAL_FORMS": "0"},
    )

    assert response.status_code == 200  # the form again, with its errors
