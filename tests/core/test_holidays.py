from datetime import date

import pytest

from core.holidays import easter_sunday, is_day_off, next_working_day


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 24),
        date(2026, 12, 25),
        date(2026, 12, 26),
        date(2026, 12, 31),
        date(2027, 1, 1),
        date(2027, 3, 25),
        date(2027, 3, 26),
        date(2027, 3, 29),
        date(2027, 5, 6),
        date(2027, 5, 17),
        date(2027, 6, 5),
    ],
    ids=lambda d: d.isoformat(),
)
def test_days_off(day):
    assert is_day_off(day)


def test_store_bededag_is_no_longer_a_holiday():
    assert not is_day_off(date(2027, 4, 23))


def test_next_working_day_skips_christmas_and_keeps_the_weekday():
    # Thursday 24 December 2026 → the next Monday–Thursday that is no day off: 28 December.
    assert next_working_day(date(2026, 12, 24), (0, 1, 2, 3)) == date(2026, 12, 28)
    assert next_working_day(date(2026, 12, 28), (0, 1, 2, 3)) == date(2026, 12, 28)
