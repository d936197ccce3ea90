"""Counts of one are singular: the course history's "Message sent to 1 participant"
("Besked sendt til 1 deltager") and Mine kurser's "1 af 1 kursusgang", never "1 deltagere"
or "1 kursusgange"."""

import re

import pytest
from django.utils import translation
from wagtail.log_actions import registry

from core.audit import record
from tests.courses.factories import CourseFactory, SignupFactory
from tests.courses.helpers import days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _history_message(entry, language):
    with translation.override(language):
        return str(registry.get_formatter(entry).format_message(entry))


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("da", "Besked sendt til 1 deltager", "Besked sendt til 2 deltagere"),
        ("en", "Message sent to 1 participant", "Message sent to 2 participants"),
    ],
)
def test_the_history_counts_the_participants_a_message_went_to(language, one, two):
    course = CourseFactory()
    to_one = record(
        course,
        "frivilligloeft.courses.participants_messaged",
        by=None,
        data={"message": 1, "recipients": 1},
    )
    to_two = record(
        course,
        "frivilligloeft.courses.participants_messaged",
        by=None,
        data={"message": 2, "recipients": 2},
    )

    assert _history_message(to_one, language) == one
    assert _history_message(to_two, language) == two


def test_a_counted_history_entry_without_its_count_shows_the_actions_label():
    entry = record(CourseFactory(), "frivilligloeft.courses.participants_messaged", by=None)

    assert _history_message(entry, "da") == "Skriv til deltagerne"


@pytest.mark.parametrize(
    ("prefix", "meetings", "shown"),
    [
        ("", 1, "1 af 1 kursusgang"),
        ("", 2, "1 af 2 kursusgange"),
        ("/en", 1, "1 of 1 meeting"),
        ("/en", 2, "1 of 2 meetings"),
    ],
)
def test_mine_kurser_counts_the_meetings_held(client, prefix, meetings, shown):
    volunteer = UserFactory()
    client.force_login(volunteer)
    course = CourseFactory(meetings=meetings, meetings__first_day=days(-20))
    signup = SignupFactory(course=course, user=volunteer)
    signup.attendance.create(meeting=course.meetings.order_by("starts_at").first(), present=True)

    response = client.get(f"{prefix}/mine-sider/kurser/")

    assert re.search(rf"\b{shown}\b", response.text)
