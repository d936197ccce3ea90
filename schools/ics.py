"""A theme week's programme as iCalendar data, built on core.ical."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from core.ical import CalendarEvent, build_calendar, event_uid
from core.site import absolute_url, site_host
from schools.models import ThemeWeek, ThemeWeekContribution, ThemeWeekStatus


def contribution_event(c: ThemeWeekContribution, theme_week: ThemeWeek) -> CalendarEvent:
    """An accepted contribution as an event (the theme week's programme feed and the personal
    feeds of the school's coordinators and the association's admins)."""
    url = absolute_url(theme_week.get_absolute_url())
    return CalendarEvent(
        uid=event_uid("theme-week-contribution", c.pk, site_host()),
        summary=f"{c.title} ({c.association.name})",
        start=c.starts_at,
        end=c.ends_at,
        sequence=c.sequence,
        cancelled=theme_week.status == ThemeWeekStatus.CANCELLED,
        location=c.place or theme_week.school.full_address or theme_week.school.name,
        description=f"{c.get_kind_display()}: {c.description}\n\n{url}",
        url=url,
        categories=(theme_week.theme,),
    )


def theme_week_calendar(
    theme_week: ThemeWeek, contributions: Iterable[ThemeWeekContribution]
) -> bytes:
    """One event per accepted contribution. DTSTAMP is when the programme last changed, so
    the same programme always gives the same bytes."""
    contributions = list(contributions)
    events = [contribution_event(c, theme_week) for c in contributions]
    stamp = max([theme_week.updated_at, *(c.updated_at for c in contributions)])
    return build_calendar(
        events,
        stamp=stamp,
        name=_("Theme week: %(theme)s (%(school)s)")
        % {"theme": theme_week.theme, "school": theme_week.school.name},
    )
