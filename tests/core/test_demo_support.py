"""core.demo_support: the one loader of the apps' demo data and its relative dates."""

from datetime import date, time
from unittest import mock

import pytest
from django.utils import timezone

from core.demo_support import demo_datetime, load_demo_data


def test_load_demo_data_reads_the_apps_yaml_with_danish_text():
    data = load_demo_data("networks", "networks")
    assert {network["slug"] for network in data["networks"]} >= {"netvaerk-for-formaend"}
    assert data["topics"][1]["name"] == "Økonomi og regnskab"
    meeting = data["networks"][0]["meetings"][0]
    assert isinstance(meeting["days_from_today"], int)
    assert isinstance(meeting["at"], str)  # quoted, or YAML 1.1 would read 19:00 as 1140


def test_load_demo_data_of_an_unknown_file_fails_loudly():
    with pytest.raises(FileNotFoundError):
        load_demo_data("networks", "nothing-here")


@pytest.mark.parametrize(
    ("today", "days", "expected"),
    [
        (date(2026, 12, 1), 2, date(2026, 12, 3)),  # an ordinary Thursday
        (date(2026, 12, 20), 4, date(2026, 12, 27)),  # Christmas Eve → after Boxing Day
        (date(2027, 1, 5), -4, date(2026, 12, 30)),  # New Year's Day → back, past 31 December
    ],
)
def test_demo_datetime_is_relative_to_today_and_avoids_days_off(today, days, expected):
    with mock.patch("core.demo_support.timezone.localdate", return_value=today):
        moment = demo_datetime(days, "19:00")
    assert timezone.localtime(moment).date() == expected
    assert timezone.localtime(moment).time() == time(19, 0)
    assert demo_datetime(0, time(9, 30)).tzinfo is not None
