"""Danish public holidays and the days around Christmas and New Year, so generated dates (the
demo content, suggested dates) do not land where nobody would hold a course or a meeting.

Public holidays (helligdage) since 2024, when Store Bededag was abolished: New Year's Day,
Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday and Monday,
Christmas Day and Boxing Day. Also Constitution Day (5 June), Christmas Eve and New Year's
Eve, which most workplaces and associations treat as days off.
"""

from datetime import date, timedelta
from functools import cache

# Days relative to Easter Sunday.
_EASTER_OFFSETS = (-3, -2, 0, 1, 39, 49, 50)
# (month, day) every year.
_FIXED = ((1, 1), (6, 5), (12, 24), (12, 25), (12, 26), (12, 31))


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def days_off(year: int) -> frozenset[date]:
    easter = easter_sunday(year)
    return frozenset(
        [easter + timedelta(days=offset) for offset in _EASTER_OFFSETS]
        + [date(year, month, day) for month, day in _FIXED]
    )


def is_day_off(day: date) -> bool:
    """A Danish public holiday, Constitution Day, Christmas Eve or New Year's Eve."""
    return day in days_off(day.year)


def next_working_day(day: date, weekdays: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)) -> date:
    """`day` or the first day after it that falls on one of `weekdays` and is no day off."""
    while day.weekday() not in weekdays or is_day_off(day):
        day += timedelta(days=1)
    return day
