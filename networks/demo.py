"""Demo networks (networks/demo_data/networks.yaml): three networks (open, by approval, by
invitation) with meetings, notes from a past meeting, members and a couple of sparring requests.
Idempotent: networks by slug, meetings by network and title, sparring requests by requester and
subject; nothing that exists is changed. Dates are relative to today.
"""

from datetime import timedelta

from django.utils import timezone

from core.demo_support import demo_datetime, demo_user, ensure_row, load_demo_data, resolve, without
from networks.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Network,
    NetworkMeeting,
    Rsvp,
    SparringReply,
    SparringRequest,
    SparringStatus,
)
from taxonomy.models import Topic


def _member(network, user, now, **fields) -> bool:
    fields = {"status": MembershipStatus.ACTIVE, "show_name_to_members": True, **fields}
    fields |= {"joined_at": now, "requested_at": now}
    return ensure_row(Membership, {"network": network, "user": user}, fields)[1]


def seed(command):
    data = load_demo_data("networks", "networks")
    # Found by name first, so the courses demo may own a topic under another slug.
    topics = {}
    for topic in data["topics"]:
        name, slug = {"name": topic["name"]}, {"slug": topic["slug"]}
        topics[topic["slug"]] = ensure_row(Topic, slug, without(topic, "slug"), prefer=name)[0]
    volunteer = demo_user("frivillig@frivilligloeft.test")
    consultant = demo_user("konsulent@frivilligloeft.test")
    now = timezone.now()

    for fields in data["networks"]:
        fields = dict(fields, contact_email="frivillig@kalundborg.example.dk")
        network, _ = ensure_row(
            Network,
            {"slug": fields["slug"]},
            without(fields, "slug", "topics", "meetings"),
            many={"topics": resolve(topics, fields["topics"])},
        )
        if consultant is not None:
            role = {"role": MembershipRole.COORDINATOR}
            _member(
                network,
                consultant,
                now,
                association="Kalundborg Kommune, frivilligkonsulent",
                **role,
            )
        for meeting in fields["meetings"]:
            starts_at = demo_datetime(meeting["days_from_today"], meeting["at"])
            values = without(meeting, "title", "days_from_today", "at", "hours")
            values |= {"starts_at": starts_at, "created_by": consultant}
            values["ends_at"] = starts_at + timedelta(hours=meeting["hours"])
            values["notes_updated_at"] = now if meeting.get("notes") else None
            ensure_row(NetworkMeeting, {"network": network, "title": meeting["title"]}, values)
    if volunteer is None:
        return []
    # The demo volunteer is a member of the open network and has answered its next meeting.
    chairs = Network.objects.get(slug="netvaerk-for-formaend")
    if _member(chairs, volunteer, now, association="Kalundborg Roklub"):
        next_meeting = chairs.meetings.filter(starts_at__gt=now).order_by("starts_at").first()
        if next_meeting is not None:
            ensure_row(Rsvp, {"meeting": next_meeting, "user": volunteer}, {"answer": "yes"})
    for sparring in data["sparring"]:
        fields = without(sparring, "subject", "topic", "reply")
        fields["topic"] = topics[sparring["topic"]]
        lookup = {"requester": volunteer, "subject": sparring["subject"]}
        request, created = ensure_row(SparringRequest, lookup, fields)
        if created and sparring["reply"] and consultant is not None:
            body = sparring["reply"]
            SparringReply.objects.create(
                request=request, author=consultant, from_staff=True, body=body
            )
            request.status = SparringStatus.ANSWERED
            request.assigned_to = consultant
            request.assigned_at = request.answered_at = now
            request.save()
    return []
