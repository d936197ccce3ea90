from django.conf import settings
from django.utils import translation

from core.email import queue_email
from networks.ics import meeting_invitation
from networks.models import Membership, MembershipStatus, Network, NetworkMeeting


class NetworkError(Exception):
    """A change to a network that is not allowed; the message is shown to the person."""


def lock_network(network: Network) -> Network:
    """Lock the network row: membership decisions on one network happen one at a time."""
    return Network.objects.select_for_update().get(pk=network.pk)


def mail_user(
    user,
    template: str,
    context: dict,
    reply_to: list[str] | None = None,
    calendar: tuple[NetworkMeeting, str] | None = None,
) -> None:
    """`calendar`: (meeting, METHOD) to attach the meeting as an iTIP REQUEST or CANCEL."""
    language = user.preferred_language or settings.LANGUAGE_CODE
    attachments = ()
    if calendar is not None:
        meeting, method = calendar
        with translation.override(language):
            attachments = (meeting_invitation(meeting, attendee=user, method=method),)
    queue_email(
        user.email,
        f"emails/networks/{template}",
        {"recipient": user, **context},
        language,
        attachments=attachments,
        reply_to=reply_to,
    )


def mail_active_members(
    network: Network,
    template: str,
    context: dict,
    calendar: tuple[NetworkMeeting, str] | None = None,
) -> int:
    """Email every active member (coordinators included), each in their own language."""
    memberships = Membership.objects.filter(
        network=network, status=MembershipStatus.ACTIVE, user__is_active=True
    ).select_related("user")
    reply_to = [network.contact_email] if network.contact_email else None
    count = 0
    for membership in memberships:
        mail_user(membership.user, template, {"network": network, **context}, reply_to, calendar)
        count += 1
    return count


def current_language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE
