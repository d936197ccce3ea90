"""Dates are formatted once per value, format and language (issue 17): the remembered text
still follows the active language and the value's time zone, and the course tags print the
same as before."""

import datetime

import pytest
from django.utils import translation

from core.dates import local_date
from courses.templatetags.course_tags import local_datetime, meeting_time

UTC = datetime.UTC
EVENING = datetime.datetime(2026, 12, 5, 16, 5, tzinfo=UTC)  # 17:05 in Copenhagen


def test_the_same_value_follows_each_language_in_turn():
    texts = []
    for language in ["da", "en", "da", "en"]:
        with translation.override(language):
            texts.append(local_date(EVENING, "DATETIME_FORMAT", weekday=True))

    assert texts == [
        "lørdag 5. december 2026, 17:05",
        "Saturday 5 December 2026, 17:05",
        "lørdag 5. december 2026, 17:05",
        "Saturday 5 December 2026, 17:05",
    ]


def test_a_naive_value_and_an_aware_one_are_each_their_own_text():
    naive = datetime.datetime(2026, 12, 5, 16, 5)  # noqa: DTZ001 (printed as it is)
    with translation.override("da"):
        assert local_date(EVENING, "DATETIME_FORMAT") == "5. december 2026, 17:05"
        assert local_date(naive, "DATETIME_FORMAT") == "5. december 2026, 16:05"
        assert local_date(EVENING, "DATETIME_FORMAT") == "5. december 2026, 17:05"


class _Meeting:
    def __init__(self, starts_at, ends_at):
        self.starts_at, self.ends_at = starts_at, ends_at


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", "lørdag 5. december 2026, 17:05–20:00"),
        ("en", "Saturday 5 December 2026, 17:05–20:00"),
    ],
)
def test_course_tags_print_the_day_and_a_zero_padded_clock(language, expected):
    meeting = _Meeting(EVENING, EVENING + datetime.timedelta(hours=2, minutes=55))
    with translation.override(language):
        assert meeting_time(meeting) == expected
        assert local_datetime(EVENING).endswith(", 17:05")


def test_course_tags_print_a_morning_hour_with_two_digits():
    morning = datetime.datetime(2026, 6, 1, 6, 3, tzinfo=UTC)  # 08:03 in summer
    with translation.override("da"):
        assert local_datetime(morning) == "mandag 1. juni 2026, 08:03"
