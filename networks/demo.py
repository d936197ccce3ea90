"""Demo networks: three networks (open, by approval, by invitation) with meetings, notes from a
past meeting, members and a couple of sparring requests, read from networks/demo_data/.

Idempotent: networks are found by slug, meetings by network and title, sparring requests by
requester and subject; nothing that exists is changed. Dates are relative to today.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from core.demo_support import demo_datetime, load_demo_data
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

VOLUNTEER = "frivillig@frivilligloeft.test"
CONSULTANT = "konsulent@frivilligloeft.test"


def _topic(slug: str, name: str, name_en: str) -> Topic:
    """Found by name or slug, so the courses demo may own it."""
    topic = Topic.objects.filter(name=name).first() or Topic.objects.filter(slug=slug).first()
    if topic is None:
        topic = Topic.objects.create(slug=slug, name=name, name_en=name_en)
    return topic


def seed(command):
    data = load_demo_data("networks", "networks")
    topics = {topic["slug"]: _topic(**topic) for topic in data["topics"]}
    volunteer = User.objects.filter(email=VOLUNTEER).first()
    consultant = User.objects.filter(email=CONSULTANT).first()
    now = timezone.now()

    for network_data in data["networks"]:
        network = Network.objects.filter(slug=network_data["slug"]).first()
        if network is None:
            network = Network.objects.create(
                slug=network_data["slug"],
                name=network_data["name"],
                summary=network_data["summary"],
                description=network_data["description"],
                audience=network_data["audience"],
                join_policy=network_data["join_policy"],
                is_listed=network_data.get("is_listed", True),
                contact_email="frivillig@kalundborg.example.dk",
            )
            network.topics.set([topics[slug] for slug in network_data["topics"]])
        if consultant is not None:
            Membership.objects.get_or_create(
                network=network,
                user=consultant,
                defaults={
                    "status": MembershipStatus.ACTIVE,
                    "role": MembershipRole.COORDINATOR,
                    "association": "Kalundborg Kommune, frivilligkonsulent",
                    "show_name_to_members": True,
                    "joined_at": now,
                    "requested_at": now,
                },
            )
        for meeting_data in network_data["meetings"]:
            if NetworkMeeting.objects.filter(network=network, title=meeting_data["title"]).exists():
                continue
            starts_at = demo_datetime(meeting_data["days_from_today"], meeting_data["at"])
            NetworkMeeting.objects.create(
                network=network,
                title=meeting_data["title"],
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=meeting_data["hours"]),
                place_name=meeting_data.get("place_name", ""),
                place_address=meeting_data.get("place_address", ""),
                online_link=meeting_data.get("online_link", ""),
                agenda=meeting_data["agenda"],
                capacity=meeting_data.get("capacity"),
                notes=meeting_data.get("notes", ""),
                notes_updated_at=now if meeting_data.get("notes") else None,
                created_by=consultant,
            )

    # The demo volunteer is a member of the open network and has answered its next meeting.
    if volunteer is not None:
        chairs = Network.objects.get(slug="netvaerk-for-formaend")
        _membership, created = Membership.objects.get_or_create(
            network=chairs,
            user=volunteer,
            defaults={
                "status": MembershipStatus.ACTIVE,
                "association": "Kalundborg Roklub",
                "show_name_to_members": True,
                "joined_at": now,
                "requested_at": now,
            },
        )
        if created:
            next_meeting = chairs.meetings.filter(starts_at__gt=now).order_by("starts_at").first()
            if next_meeting is not None:
                Rsvp.objects.get_or_create(
                    meeting=next_meeting, user=volunteer, defaults={"answer": "yes"}
                )
        for sparring in data["sparring"]:
            if SparringRequest.objects.filter(
                requester=volunteer, subject=sparring["subject"]
            ).exists():
                continue
            request = SparringRequest.objects.create(
                requester=volunteer,
                subject=sparring["subject"],
                topic=topics[sparring["topic"]],
                association=sparring["association"],
                description=sparring["description"],
                contact_method=sparring["contact_method"],
                phone=sparring["phone"],
            )
            if sparring["reply"] and consultant is not None:
                SparringReply.objects.create(
                    request=request, author=consultant, from_staff=True, body=sparring["reply"]
                )
                request.status = SparringStatus.ANSWERED
                request.assigned_to = consultant
                request.assigned_at = request.answered_at = now
                request.save()
    return []
