from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.services import unsubscribe_for, wants_email
from core.email import queue_email
from core.services import ServiceError
from networks.ics import meeting_invitation
from networks.models import Membership, MembershipStatus, Network, NetworkMeeting
from networks.rules import is_network_staff, manages_network

# The kinds of network email a member may turn off (registered in networks.apps).
REMINDERS = "network_reminders"
MESSAGES = "network_messages"


class NetworkError(ServiceError):
    """A change to a network that is not allowed; the message is shown to the person."""


def require_manager(by, network: Network) -> None:
    """`by` must manage `network` (`networks.manage_network` in networks/rules.py): one of its
    coordinators or a volunteer consultant. The views ask the same rule before they get here."""
    if by is None or not manages_network(by, network):
        raise NetworkError(_("Only the network's coordinators can do this."))


def require_staff(by) -> None:
    """`by` must be a volunteer consultant: they appoint coordinators and answer sparring."""
    if by is None or not is_network_staff(by):
        raise NetworkError(_("Only the volunteer consultants can do this."))


def lock_network(network: Network) -> Network:
    """Lock the network row: membership decisions on one network happen one at a time."""
    return Network.objects.select_for_update().get(pk=network.pk)


def mail_user(
    user,
    template: str,
    context: dict,
    reply_to: list[str] | None = None,
    calendar: tuple[NetworkMeeting, str] | None = None,
    email_kind: str | None = None,
    automatic: bool = True,
) -> bool:
    """`calendar`: (meeting, METHOD) to attach the meeting as an iTIP REQUEST or CANCEL.
    `email_kind`: a kind of email the person may turn off (REMINDERS, MESSAGES); not sent
    if they have. `automatic`: False for what a person wrote. Returns whether it was queued."""
    if email_kind is not None and not wants_email(user, email_kind):
        return False
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
        unsubscribe=unsubscribe_for(user, email_kind) if email_kind else None,
        automatic=automatic,
    )
    return True


def mail_active_members(
    network: Network,
    template: str,
    context: dict,
    calendar: tuple[NetworkMeeting, str] | None = None,
    email_kind: str | None = None,
    automatic: bool = True,
) -> int:
    """Email every active member (coordinators included), each in their own language; returns
    how many were emailed (those who turned `email_kind` off are not)."""
    memberships = Membership.objects.filter(
        network=network, status=MembershipStatus.ACTIVE, user__is_active=True
    ).select_related("user")
    reply_to = [network.contact_email] if network.contact_email else None
    count = 0
    for membership in memberships:
        count += mail_user(
            membership.user,
            template,
            {"network": network, **context},
            reply_to,
            calendar,
            email_kind=email_kind,
            automatic=automatic,
        )
    return count


def current_language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE
