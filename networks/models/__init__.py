"""The networks app's models, split along the domain:

- `networks`: leader networks, memberships, invitations by link and messages to members;
- `meetings`: meetings with RSVP;
- `sparring`: sparring requests to the volunteer consultants and their replies.

Only `networks.services` changes these rows (see docs/architecture.md); the models hold the
data and the invariants the database can enforce by itself. Import them from here:
`from networks.models import Network, NetworkMeeting`.
"""

from networks.models.meetings import MeetingStatus, NetworkMeeting, Rsvp, RsvpAnswer
from networks.models.networks import (
    Invitation,
    JoinPolicy,
    Membership,
    MembershipRole,
    MembershipStatus,
    Network,
    NetworkMessage,
)
from networks.models.sparring import (
    OPEN_SPARRING_STATUSES,
    ContactMethod,
    SparringReply,
    SparringRequest,
    SparringStatus,
)

__all__ = [
    "OPEN_SPARRING_STATUSES",
    "ContactMethod",
    "Invitation",
    "JoinPolicy",
    "MeetingStatus",
    "Membership",
    "MembershipRole",
    "MembershipStatus",
    "Network",
    "NetworkMeeting",
    "NetworkMessage",
    "Rsvp",
    "RsvpAnswer",
    "SparringReply",
    "SparringRequest",
    "SparringStatus",
]
