"""Network meeting emails carry the meeting as iTIP: REQUEST when planned or moved, CANCEL
when called off — same UID as the feeds, SEQUENCE rising with each change."""

from datetime import timedelta

import pytest
from django.core import mail

from networks import services
from tests.calendars.conftest import parse_both
from tests.factories import UserFactory
from tests.networks.factories import CoordinatorFactory, MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def calendar_of(message):
    ((_name, content, mimetype),) = message.attachments
    data = content if isinstance(content, bytes) else content.encode()
    calendar = parse_both(data)
    assert mimetype == f"text/calendar; charset=utf-8; method={calendar['METHOD']}"
    (event,) = calendar.events
    return str(calendar["METHOD"]), event


def test_planned_moved_and_cancelled_meeting_emails_carry_request_request_cancel(
    django_capture_on_commit_callbacks,
):
    network = NetworkFactory(name="Kassererne", contact_email="kasserer@example.org")
    coordinator = CoordinatorFactory(network=network).user
    member = MembershipFactory(network=network, user=UserFactory(email="mette@example.org")).user
    from django.utils import timezone

    start = timezone.now() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.plan_meeting(
            network,
            by=coordinator,
            title="Budget",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place_name="Frivilligcentret",
            online_link="https://meet.example.org/budget",
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.change_meeting(
            meeting,
            by=coordinator,
            starts_at=start + timedelta(hours=1),
            ends_at=start + timedelta(hours=3),
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_meeting(meeting, by=coordinator)

    mine = [m for m in mail.outbox if m.to == [member.email]]
    sent = [calendar_of(message) for message in mine]
    assert [(method, event["SEQUENCE"]) for method, event in sent] == [
        ("REQUEST", 0),
        ("REQUEST", 1),
        ("CANCEL", 2),
    ]
    uid = f"network-meeting-{meeting.pk}@testserver"
    assert {str(event["UID"]) for _method, event in sent} == {uid}
    _method, planned = sent[0]
    assert str(planned["ORGANIZER"]) == "mailto:kasserer@example.org"
    assert str(planned["ATTENDEE"]) == "mailto:mette@example.org"
    assert planned["ATTENDEE"].params["PARTSTAT"] == "NEEDS-ACTION"
    assert str(planned["LOCATION"]) == "Frivilligcentret"
    assert "meet.example.org/budget" in str(planned["DESCRIPTION"])
    assert str(sent[2][1]["STATUS"]) == "CANCELLED"
