"""Dates for people and for machines, in the active language.

People read dates through the named formats of core/formats/ ("5. december 2026" in Danish,
"5 December 2026" in English), in local time (Europe/Copenhagen), whether a page, an email or
a PDF prints them: never strftime or a hard-coded month. Machines read `html_datetime`, the
value of a `<time datetime>` attribute.
"""

import datetime
from functools import lru_cache

from django.utils import formats, timezone
from django.utils.translation import get_language


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def local_date(value, format_name: str = "DATE_FORMAT", *, weekday: bool = False) -> str:
    """`value` (a date or a datetime) in the active language's named format, e.g.
    "5. december 2026"; with `weekday`, "lørdag 5. december 2026" ("Saturday 5 December
    2026"). Empty for None."""
    if value in (None, ""):
        return ""
    value = _local(value)
    # The offset in the key: aware datetimes of one instant compare equal whatever their zone.
    offset = value.utcoffset() if isinstance(value, datetime.datetime) else None
    return _formatted(value, offset, format_name, weekday, get_language())


# The same value in the same format and language is the same text; formatting parses the
# format anew on every call (about a hundred function calls for "lørdag 5. december 2026").
@lru_cache(maxsize=4096)
def _formatted(value, offset, format_name: str, weekday: bool, language: str | None) -> str:
    text = formats.date_format(value, format_name)
    if weekday:
        return f"{formats.date_format(value, 'l')} {text}"
    return text


def html_datetime(value) -> str:
    """A valid HTML date or global date-and-time string for a `datetime` attribute:
    "2026-12-05" for a date, "2026-12-05T17:00:00+01:00" for a datetime (local time, whole
    seconds: HTML allows at most three decimals, Python's isoformat gives six). Empty for
    None."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value).replace(microsecond=0)
        return value.isoformat()
    return value.isoformat()
