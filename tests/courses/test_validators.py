"""courses/validators.py: every rule of a course in words, before the database sees it."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import translation

from courses.validators import (
    course_errors,
    validate_deadlines,
    validate_meeting_times,
    validate_numbers,
    validate_publishing,
)

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)
DAY = timedelta(days=1)


def messages(error: ValidationError) -> dict[str, list[str]]:
    with translation.override("da"):
        return {field: [str(m) for m in error.error_dict[field][0]] for field in error.error_dict}


def test_meeting_ending_before_it_starts_is_an_error_on_the_end_time():
    with pytest.raises(ValidationError) as caught:
        validate_meeting_times(NOW, NOW - timedelta(hours=1))

    assert messages(caught.value) == {
        "ends_at": ["Kursusgangen skal slutte efter den begynder. Tjek dato og klokkeslæt."]
    }


@pytest.mark.parametrize("end", [NOW + timedelta(hours=2), None], ids=["after", "missing"])
def test_meeting_ending_after_it_starts_or_without_end_passes(end):
    validate_meeting_times(NOW, end)


def test_cancellation_deadline_before_signup_deadline_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_deadlines(
            signup_opens_at=None,
            signup_deadline=NOW + 5 * DAY,
            cancellation_deadline=NOW + 2 * DAY,
            first_start=NOW + 10 * DAY,
        )

    assert list(caught.value.error_dict) == ["cancellation_deadline"]


@pytest.mark.parametrize(
    ("opens", "signup", "cancel", "fields"),
    [
        (NOW + 6 * DAY, NOW + 5 * DAY, None, ["signup_deadline"]),
        (None, NOW + 11 * DAY, None, ["signup_deadline"]),
        (None, None, NOW + 11 * DAY, ["cancellation_deadline"]),
        (None, NOW + 5 * DAY, NOW + 5 * DAY, []),
        (None, NOW + 5 * DAY, NOW + 8 * DAY, []),
        (None, None, None, []),
    ],
    ids=[
        "opens-after-deadline",
        "signup-after-start",
        "cancel-after-start",
        "same-day",
        "cancel-later",
        "none",
    ],
)
def test_deadline_order(opens, signup, cancel, fields):
    try:
        validate_deadlines(
            signup_opens_at=opens,
            signup_deadline=signup,
            cancellation_deadline=cancel,
            first_start=NOW + 10 * DAY,
        )
        found = []
    except ValidationError as error:
        found = list(error.error_dict)
    assert found == fields


def test_publishing_a_course_whose_meetings_are_all_past_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_publishing(
            old_status="draft",
            new_status="published",
            schedule=[(NOW - 3 * DAY, NOW - 3 * DAY + timedelta(hours=2))],
            now=NOW,
        )

    assert list(caught.value.error_dict) == ["status"]


@pytest.mark.parametrize(
    ("old", "new", "schedule"),
    [
        ("published", "published", [(NOW - 3 * DAY, NOW - 2 * DAY)]),
        ("draft", "draft", [(NOW - 3 * DAY, NOW - 2 * DAY)]),
        ("draft", "published", [(NOW - 3 * DAY, NOW - 2 * DAY), (NOW + DAY, NOW + 2 * DAY)]),
    ],
    ids=["already-published", "draft", "one-future-meeting"],
)
def test_publishing_rules_leave_these_alone(old, new, schedule):
    validate_publishing(old_status=old, new_status=new, schedule=schedule, now=NOW)


def test_publishing_without_meetings_is_a_form_error():
    with pytest.raises(ValidationError) as caught:
        validate_publishing(old_status=None, new_status="published", schedule=[], now=NOW)

    assert list(caught.value.error_dict) == [NON_FIELD_ERRORS]


@pytest.mark.parametrize(
    ("values", "fields"),
    [
        ({"capacity": 0, "min_participants": None}, ["capacity"]),
        ({"capacity": 5, "min_participants": 6}, ["min_participants"]),
        ({"capacity": None, "min_participants": 6, "price": Decimal(-1)}, ["price"]),
        (
            {"capacity": None, "min_participants": None, "min_attendance_percent": 101},
            ["min_attendance_percent"],
        ),
        ({"capacity": 5, "min_participants": 5, "price": Decimal(150)}, []),
    ],
    ids=["zero-capacity", "minimum-over-capacity", "negative-price", "over-100", "fine"],
)
def test_numbers(values, fields):
    try:
        validate_numbers(**values)
        found = []
    except ValidationError as error:
        found = list(error.error_dict)
    assert found == fields


def test_course_errors_collects_every_rule_at_once():
    error = course_errors(
        data={
            "status": "published",
            "capacity": 0,
            "format": "online",
            "online_link": "",
            "signup_deadline": NOW + 5 * DAY,
            "cancellation_deadline": NOW + DAY,
        },
        schedule=[(NOW - 3 * DAY, NOW - 3 * DAY + timedelta(hours=2))],
        old_status="draft",
        has_active_signups=False,
        now=NOW,
    )

    assert sorted(error.error_dict) == [
        "cancellation_deadline",
        "capacity",
        "online_link",
        "signup_deadline",
        "status",
    ]
