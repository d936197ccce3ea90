"""What networks stores about a person: for "download my data" and account deletion."""

from networks.models import Invitation, Membership, Rsvp, SparringReply, SparringRequest


def _iso(value):
    return value.isoformat() if value else None


def export_data(user) -> dict:
    memberships = Membership.objects.filter(user=user).select_related("network")
    rsvps = Rsvp.objects.filter(user=user).select_related("meeting__network")
    requests = SparringRequest.objects.filter(requester=user).select_related("topic")
    replies = SparringReply.objects.filter(request__requester=user).order_by("created_at", "pk")
    by_request: dict[int, list] = {}
    for reply in replies:
        by_request.setdefault(reply.request_id, []).append(
            {
                "written_at": _iso(reply.created_at),
                "from_consultant": reply.from_staff,
                "message": reply.body,
            }
        )
    return {
        "memberships": [
            {
                "network": m.network.name,
                "status": m.status,
                "role": m.role,
                "association": m.association,
                "message_to_coordinators": m.request_message,
                "show_name_to_members": m.show_name_to_members,
                "requested_at": _iso(m.requested_at),
                "joined_at": _iso(m.joined_at),
                "left_at": _iso(m.left_at),
            }
            for m in memberships
        ],
        "meeting_answers": [
            {
                "network": r.meeting.network.name,
                "meeting": r.meeting.title,
                "starts_at": _iso(r.meeting.starts_at),
                "answer": r.answer,
                "answered_at": _iso(r.updated_at),
            }
            for r in rsvps
        ],
        "invitations_received": [
            {
                "network": i.network.name,
                "email": i.email,
                "sent_at": _iso(i.created_at),
                "accepted_at": _iso(i.accepted_at),
            }
            for i in Invitation.objects.filter(email__iexact=user.email).select_related("network")
        ],
        "sparring_requests": [
            {
                "subject": s.subject,
                "description": s.description,
                "topic": s.topic.name if s.topic else None,
                "association": s.association,
                "contact_method": s.contact_method,
                "phone": s.phone,
                "status": s.status,
                "received_at": _iso(s.created_at),
                "closed_at": _iso(s.closed_at),
                "messages": by_request.get(s.pk, []),
            }
            for s in requests
        ],
    }


def erase_data(user) -> None:
    """Delete the person's memberships, answers, invitations and sparring requests. Meetings
    they planned and messages they sent stay with the network, without their name."""
    from networks.services.memberships import remove_memberships_of_deleted_account

    Rsvp.objects.filter(user=user).delete()
    # A network left without a coordinator goes to the volunteer consultants.
    remove_memberships_of_deleted_account(user)
    Invitation.objects.filter(email__iexact=user.email).delete()
    SparringRequest.objects.filter(requester=user).delete()
