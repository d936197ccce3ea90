"""A course's meetings as iCalendar data, built on core.ical.

Used by the course page's "Add to calendar" download and by the emails that carry an .ics
attachment. Texts are rendered in the active language, so callers wrap emails in the
recipient's language (core.email does).
"""

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from core.email import Attachment
from core.ical import CONTENT_TYPE, CalendarEvent, Person, build_calendar, event_uid
from core.site import absolute_url, site_host
from courses.models import Course, CourseFormat, Meeting


def meeting_place(course: Course, meeting: Meeting) -> tuple[str, str]:
    """The place (name, address) a meeting's event shows: the meeting's own, else the
    course's (as Meeting.place_name/place_address); none for an online course."""
    if course.is_online:
        return "", ""
    return (
        meeting.venue_name or course.venue_name,
        meeting.venue_address or course.venue_address,
    )


def event_online_link(course: Course) -> str:
    """The online link that confirmed participants' events carry ("" for in-person courses)."""
    if course.format == CourseFormat.IN_PERSON:
        return ""
    return course.online_link


def schedule_fingerprint(course: Course, meeting: Meeting) -> tuple:
    """The time, place and status of a meeting as its calendar event shows them, with the
    place taken from the course where the meeting has none, the course's format and the
    online link a confirmed participant's event carries. Free of translated text, so it can be
    compared before and after an edit: a difference raises Meeting.sequence (see
    courses.services.refresh_schedule). A called-off meeting only keeps its time: moving the
    course elsewhere does not concern it.
    """
    if meeting.cancelled_at is not None:
        return (meeting.starts_at, meeting.ends_at, True)
    return (
        meeting.starts_at,
        meeting.ends_at,
        False,
        course.format,
        *meeting_place(course, meeting),
        event_online_link(course),
    )


def meeting_location(course: Course, meeting: Meeting) -> str:
    if course.is_online:
        return _("Online")
    place = ", ".join(part for part in meeting_place(course, meeting) if part)
    if course.format == CourseFormat.HYBRID:
        return _("%(place)s or online") % {"place": place} if place else _("Online")
    return place


def meeting_events(
    course: Course, meetings: Iterable[Meeting], *, with_online_link: bool = False
) -> list[CalendarEvent]:
    """One event per meeting; cancelled meetings (or a cancelled course) say CANCELLED."""
    meetings = list(meetings)
    url = absolute_url(course.get_absolute_url())
    description_parts = [course.summary]
    if with_online_link and event_online_link(course):
        description_parts.append(_("Online link: %(link)s") % {"link": event_online_link(course)})
    description_parts.append(url)
    description = "\n\n".join(part for part in description_parts if part)
    topics = tuple(topic.display_name for topic in course.topics.all())
    events = []
    for number, meeting in enumerate(meetings, start=1):
        summary = course.title
        if len(meetings) > 1:
            summary = _("%(title)s (meeting %(number)s of %(count)s)") % {
                "title": course.title,
                "number": number,
                "count": len(meetings),
            }
        if meeting.title:
            summary = f"{summary}: {meeting.title}"
        events.append(
            CalendarEvent(
                uid=event_uid("meeting", meeting.pk, site_host()),
                summary=summary,
                start=meeting.starts_at,
                end=meeting.ends_at,
                sequence=meeting.sequence,
                cancelled=course.is_cancelled or meeting.cancelled_at is not None,
                location=meeting_location(course, meeting),
                description=description,
                url=url,
                categories=topics,
            )
        )
    return events


def course_calendar(
    course: Course,
    meetings: Iterable[Meeting] | None = None,
    *,
    with_online_link: bool = False,
    method: str | None = None,
) -> bytes:
    """The course's meetings as one VCALENDAR. DTSTAMP is when the course last changed."""
    if meetings is None:
        meetings = course.meetings.all()
    return build_calendar(
        meeting_events(course, meetings, with_online_link=with_online_link),
        stamp=course.updated_at,
        name=course.title,
        method=method,
    )


def organizer(course: Course) -> Person:
    """Who the invitation comes from: the course's contact, or the site's sender address."""
    if course.contact_email:
        return Person(course.contact_email, course.contact_name or course.title)
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return Person(address, name)


def invitation_attachment(
    course: Course,
    meetings: Iterable[Meeting],
    *,
    attendee,
    method: str,
    round: int = 0,
    withdrawn: bool = False,
    now: datetime | None = None,
) -> Attachment:
    """An iTIP invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for one person.

    It uses the feeds' UIDs, so the calendar program updates the event it already has.
    SEQUENCE must only grow for that person: the meeting's own sequence, plus two for each
    earlier signup of theirs to this course (`round`), plus one when the person has
    `withdrawn` — so a cancellation outranks the invitation before it, and signing up again
    outranks the cancellation.
    """
    method = method.upper()
    bump = 2 * round + (1 if withdrawn else 0)
    events = [
        replace(
            event,
            sequence=event.sequence + bump,
            cancelled=event.cancelled or method == "CANCEL",
            organizer=organizer(course),
            attendees=(
                Person(
                    attendee.email,
                    attendee.get_full_name(),
                    partstat="DECLINED" if withdrawn else "ACCEPTED",
                ),
            ),
        )
        for event in meeting_events(course, meetings, with_online_link=method == "REQUEST")
    ]
    content = build_calendar(events, stamp=now or timezone.now(), name=course.title, method=method)
    return Attachment(
        filename=f"{course.slug}.ics",
        content=content,
        mimetype=f"{CONTENT_TYPE}; method={method}",
    )
