"""The organiser's "message sent" notice counts people in the right number: one person is
"1 person" ("1 person" in Danish too), never "1 people" / "1 personer"."""

import pytest
from django.contrib.messages import get_messages

from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(organiser):
    return CourseFactory(title="Ny i bestyrelsen", organisers=[organiser])


def _send(client, course, prefix=""):
    return client.post(
        f"{prefix}/kurser/{course.slug}/arrangoer/skriv/",
        {"recipients": "confirmed", "subject": "Lokale", "body": "Sal 2.", "action": "send"},
    )


@pytest.mark.parametrize(
    ("prefix", "one", "two"),
    [
        ("", "på vej til 1 person.", "på vej til 2 personer."),
        ("/en", "on its way to 1 person.", "on its way to 2 people."),
    ],
)
def test_the_sent_notice_says_person_for_one_and_people_for_more(
    client, course, organiser, prefix, one, two
):
    SignupFactory(course=course, user=UserFactory(full_name="Lene Hansen"))
    client.force_login(organiser)

    response = _send(client, course, prefix)

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"{'Din besked er' if not prefix else 'Your message is'} {one}"
    ]

    SignupFactory(course=course, user=UserFactory(full_name="Bo Ravn"))
    response = _send(client, course, prefix)
    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == (
        f"{'Din besked er' if not prefix else 'Your message is'} {two}"
    )
