"""A course page names the language the course is taught in, in the reader's language:
"Danish" on the English page, "Engelsk" on the Danish one, never the other language's own
name ("Dansk" on an English page)."""

import pytest

from tests.courses.factories import CourseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("taught_in", "prefix", "shown"),
    [
        ("da", "/en", "<dt>Language</dt><dd>Danish</dd>"),
        ("en", "/en", "<dt>Language</dt><dd>English</dd>"),
        ("da", "", "<dt>Sprog</dt><dd>Dansk</dd>"),
        ("en", "", "<dt>Sprog</dt><dd>Engelsk</dd>"),
    ],
)
def test_the_course_language_is_named_in_the_pages_language(client, taught_in, prefix, shown):
    course = CourseFactory(language=taught_in)

    response = client.get(f"{prefix}{course.get_absolute_url()}")

    assert response.status_code == 200
    assert shown in response.content.decode()
