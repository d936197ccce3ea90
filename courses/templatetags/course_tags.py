"""Formatting of course dates, prices and seats, shared by pages and emails."""

from datetime import date
from functools import lru_cache

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from courses import ics

register = template.Library()


# A day's name in a language never changes, and pages print the same few days over and over
# (every meeting, signup and card): formatting one took about 190 function calls.
@lru_cache(maxsize=4096)
def _day_in(day: date, language: str | None) -> str:
    return f"{formats.date_format(day, 'l')} {formats.date_format(day, 'DATE_FORMAT')}"


def _day(value) -> str:
    return _day_in(timezone.localtime(value).date(), get_language())


def _time(value) -> str:
    # 24-hour clock in both languages: "17:30", never "5:30 p.m." (reads oddly mid-sentence);
    # what time_format(…, "H:i") gives, without parsing the format on every call.
    local = timezone.localtime(value)
    return f"{local.hour:02d}:{local.minute:02d}"


@register.filter
def meeting_location(meeting) -> str:
    """Where a meeting takes place as its calendar event says it: its own place or the
    course's, "Online", or "… or online" for a hybrid course."""
    return ics.meeting_location(meeting.course, meeting)


@register.filter
def meeting_time(meeting) -> str:
    """'tirsdag 15. september 2026, 17:00–20:00' in the active language."""
    start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    if start.date() == end.date():
        return f"{_day(start)}, {_time(start)}–{_time(end)}"
    return f"{_day(start)}, {_time(start)} – {_day(end)}, {_time(end)}"


@register.filter
def course_dates(course) -> str:
    """The first day, or first and last day, of a course."""
    if course.starts_at is None:
        return ""
    start, end = timezone.localtime(course.starts_at), timezone.localtime(course.ends_at)
    if start.date() == end.date():
        return f"{_day(start)}, {_time(start)}–{_time(end)}"
    first = "MONTH_DAY_FORMAT" if start.year == end.year else "DATE_FORMAT"
    return f"{formats.date_format(start, first)} – {formats.date_format(end, 'DATE_FORMAT')}"


@register.filter
def local_datetime(value) -> str:
    if not value:
        return ""
    return f"{_day(value)}, {_time(value)}"


@register.filter
def price(course) -> str:
    if course.is_free:
        return _("Free")
    amount = formats.number_format(course.price, decimal_pos=0 if course.price % 1 == 0 else 2)
    return _("DKK %(amount)s") % {"amount": amount}


@register.filter
def seats_text(course) -> str:
    """'4 ledige pladser', 'Fuldt – 3 på venteliste', 'Ubegrænset antal pladser'.

    Needs a course annotated by courses.queries.with_seat_counts.
    """
    if course.capacity is None:
        return _("Unlimited seats")
    left = max(course.capacity - course.seats_taken, 0)
    if left:
        return ngettext("%(count)s seat left", "%(count)s seats left", left) % {"count": left}
    if not course.waiting_list_enabled:
        return _("Full")
    waiting = course.waiting_count
    if not waiting:
        return _("Full – waiting list open")
    return ngettext(
        "Full – %(count)s on the waiting list", "Full – %(count)s on the waiting list", waiting
    ) % {"count": waiting}
