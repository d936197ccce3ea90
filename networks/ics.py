"""Network meetings as iCalendar data, built on core.ical.

One place decides how a network meeting looks in a calendar, so the public network feed, the
personal feed (calendars) and the meeting emails agree on UID, SEQUENCE and content. Texts
are rendered in the active language; callers wrap emails in the recipient's language.
"""

from dataclasses import replace
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from core.email import Attachment
from core.ical import CONTENT_TYPE, CalendarEvent, Person, build_calendar, event_uid
from core.site import absolute_url, site_host
from networks.models import NetworkMeeting


def network_meeting_event(meeting: NetworkMeeting, *, for_member: bool) -> CalendarEvent:
    """A network meeting. Place and online link are for members (see NetworkMeeting), so
    without `for_member` it says only what the public network page says: title, time, agenda.
    """
    url = absolute_url(meeting.get_absolute_url())
    location = ""
    parts = [meeting.agenda]
    if for_member:
        location = ", ".join(p for p in (meeting.place_name, meeting.place_address) if p)
        if meeting.online_link:
            location = location or _("Online")
            parts.append(_("Online link: %(link)s") % {"link": meeting.online_link})
    parts.append(url)
    return CalendarEvent(
        uid=event_uid("network-meeting", meeting.pk, site_host()),
        summary=f"{meeting.network.name}: {meeting.title}",
        start=meeting.starts_at,
        end=meeting.ends_at,
        sequence=meeting.sequence,
        cancelled=meeting.is_cancelled,
        location=location,
        description="\n\n".join(p for p in parts if p),
        url=url,
        last_modified=meeting.updated_at,
    )


def organizer(network) -> Person:
    if network.contact_email:
        return Person(network.contact_email, network.name)
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return Person(address, name)


def meeting_invitation(meeting: NetworkMeeting, *, attendee, method: str) -> Attachment:
    """An iTIP invitation (REQUEST) or cancellation (CANCEL) of one meeting for one member.

    The meeting's stored SEQUENCE rises with every change of time, place or status, so each
    message outranks the one before. Members answer on the site, hence NEEDS-ACTION and
    RSVP=FALSE.
    """
    method = method.upper()
    event = network_meeting_event(meeting, for_member=True)
    event = replace(
        event,
        cancelled=event.cancelled or method == "CANCEL",
        organizer=organizer(meeting.network),
        attendees=(Person(attendee.email, attendee.get_full_name(), partstat="NEEDS-ACTION"),),
    )
    content = build_calendar(
        [event], stamp=timezone.now(), name=meeting.network.name, method=method
    )
    return Attachment(
        filename=f"netvaerksmoede-{meeting.pk}.ics",
        content=content,
        mimetype=f"{CONTENT_TYPE}; method={method}",
    )
