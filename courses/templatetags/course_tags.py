"""Formatting of course dates, prices and seats, shared by pages and emails."""

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses import ics

register = template.Library()


def _day(value) -> str:
    local = timezone.localtime(value)
    return f"{formats.date_format(local, 'l')} {formats.date_format(local, 'DATE_FORMAT')}"


def _time(value) -> str:
    # 24-hour clock in both languages: "17:30", never "5:30 p.m." (reads oddly mid-sentence).
    return formats.time_format(timezone.localtime(value), "H:i")


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
