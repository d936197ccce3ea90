"""Demo networks (networks/demo_data/networks.yaml): three networks (open, by approval, by
invitation) with meetings, notes from a past meeting, members and a couple of sparring requests.
Every state comes from networks.services (coordinators, joining, meetings planned two weeks
before, notes, answers, sparring); their emails are dropped. Idempotent: networks by slug,
meetings by network and title, sparring requests by requester and subject; nothing that exists
is changed. Dates are relative to today.
"""

from datetime import timedelta

from django.utils import timezone

from core import demo_support as demo
from networks import services
from networks.models import Membership, Network, SparringRequest
from taxonomy.models import Topic


def seed(command):
    data = demo.load_demo_data("networks", "networks")
    # Found by name first, so the courses demo may own a topic under another slug.
    topics = {}
    for topic in data["topics"]:
        name, slug = {"name": topic["name"]}, {"slug": topic["slug"]}
        topics[topic["slug"]] = demo.ensure_row(
            Topic, slug, demo.without(topic, "slug"), prefer=name
        )[0]
    volunteer = demo.demo_user("frivillig@frivilligloeft.test")
    consultant = demo.demo_user("konsulent@frivilligloeft.test")
    if consultant is None:
        return []
    with demo.emails_dropped("networks"):
        for fields in data["networks"]:
            _network(fields, topics, consultant)
        if volunteer is not None:
            _volunteer(volunteer, consultant, data["sparring"], topics)
    return []


def _network(fields, topics, consultant):
    network, _ = demo.ensure_row(
        Network,
        {"slug": fields["slug"]},
        demo.without(fields, "slug", "topics", "meetings"),
        many={"topics": demo.resolve(topics, fields["topics"])},
    )
    if not Membership.objects.filter(network=network, user=consultant).exists():
        services.set_coordinators(network, [consultant], by=consultant)
        membership = Membership.objects.get(network=network, user=consultant)
        details = {"association": "Kalundborg Kommune, frivilligkonsulent"}
        services.update_membership_details(membership, show_name_to_members=True, **details)
    for meeting in fields["meetings"]:
        if network.meetings.filter(title=meeting["title"]).exists():
            continue
        values = demo.without(meeting, "days_from_today", "at", "hours", "notes")
        values["starts_at"] = demo.demo_datetime(meeting["days_from_today"], meeting["at"])
        values["ends_at"] = values["starts_at"] + timedelta(hours=meeting["hours"])
        planned = min(timezone.now(), values["starts_at"] - timedelta(days=14))
        planned = services.plan_meeting(network, by=consultant, now=planned, **values)
        if meeting.get("notes"):
            notes = {"notes": meeting["notes"], "now": values["ends_at"]}
            services.save_meeting_notes(planned, by=consultant, **notes)


def _volunteer(volunteer, consultant, sparring_requests, topics):
    # The demo volunteer is a member of the open network and has answered its next meeting.
    chairs = Network.objects.get(slug="netvaerk-for-formaend")
    if not Membership.objects.filter(network=chairs, user=volunteer).exists():
        services.join_network(
            chairs, volunteer, association="Kalundborg Roklub", show_name_to_members=True
        )
        next_meeting = chairs.meetings.filter(starts_at__gt=timezone.now()).first()
        if next_meeting is not None:
            services.rsvp(next_meeting, volunteer, "yes")
    for sparring in sparring_requests:
        lookup = {"requester": volunteer, "subject": sparring["subject"]}
        if SparringRequest.objects.filter(**lookup).exists():
            continue
        fields = demo.without(sparring, "topic", "reply") | {"topic": topics[sparring["topic"]]}
        request = services.create_sparring_request(volunteer, **fields)
        if sparring["reply"]:
            services.reply_to_sparring_request(request, by=consultant, body=sparring["reply"])
