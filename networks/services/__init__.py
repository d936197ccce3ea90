"""Every state change in networks happens here (see docs/architecture.md).

Each function runs in one transaction, locks the row it decides on, and raises `NetworkError`
with a translated message the views show as is. Emails go out after commit, each rendered in
the recipient's language.
"""

from networks.services.common import NetworkError
from networks.services.invitations import accept_invitation, invite_by_email, revoke_invitation
from networks.services.meetings import (
    cancel_meeting,
    change_meeting,
    plan_meeting,
    rsvp,
    save_meeting_notes,
    send_meeting_reminders,
)
from networks.services.memberships import (
    approve_membership,
    decline_membership,
    join_network,
    leave_network,
    message_members,
    remove_member,
    set_coordinators,
    update_membership_details,
)
from networks.services.sparring import (
    add_requester_message,
    assign_sparring_request,
    close_sparring_request,
    create_sparring_request,
    reply_to_sparring_request,
)

__all__ = [
    "NetworkError",
    "accept_invitation",
    "add_requester_message",
    "approve_membership",
    "assign_sparring_request",
    "cancel_meeting",
    "change_meeting",
    "close_sparring_request",
    "create_sparring_request",
    "decline_membership",
    "invite_by_email",
    "join_network",
    "leave_network",
    "message_members",
    "plan_meeting",
    "remove_member",
    "reply_to_sparring_request",
    "revoke_invitation",
    "rsvp",
    "save_meeting_notes",
    "send_meeting_reminders",
    "set_coordinators",
    "update_membership_details",
]
