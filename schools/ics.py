"""A theme week's programme as iCalendar data, built on core.ical."""

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from core.ical import CalendarEvent, build_calendar, event_uid
from schools.models import ThemeWeek, ThemeWeekContribution, ThemeWeekStatus


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def theme_week_calendar(
    theme_week: ThemeWeek, contributions: Iterable[ThemeWeekContribution]
) -> bytes:
    """One event per accepted contribution. DTSTAMP is when the programme last changed, so
    the same programme always gives the same bytes."""
    contributions = list(contributions)
    url = settings.SITE_URL.rstrip("/") + theme_week.get_absolute_url()
    cancelled = theme_week.status == ThemeWeekStatus.CANCELLED
    events = [
        CalendarEvent(
            uid=event_uid("theme-week-contribution", c.pk, _host()),
            summary=f"{c.title} ({c.association.name})",
            start=c.starts_at,
            end=c.ends_at,
            sequence=c.sequence,
            cancelled=cancelled,
            location=c.place or theme_week.school.full_address or theme_week.school.name,
            description=f"{c.get_kind_display()}: {c.description}\n\n{url}",
            url=url,
            categories=(theme_week.theme,),
        )
        for c in contributions
    ]
    stamp = max([theme_week.updated_at, *(c.updated_at for c in contributions)])
    return build_calendar(
        events,
        stamp=stamp,
        name=_("Theme week: %(theme)s (%(school)s)")
        % {"theme": theme_week.theme, "school": theme_week.school.name},
    )
