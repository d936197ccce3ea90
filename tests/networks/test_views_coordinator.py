"""The coordinator tools: planning meetings, inviting, messages to members."""

import pytest
from django.core import mail

from networks.models import (
    NetworkMeeting,
)
from tests.networks.helpers import client_for

pytestmark = pytest.mark.django_db


def test_plan_meeting_with_end_before_start_is_400(world):
    client = client_for(world, "coordinator")

    response = client.post(
        "/netvaerk/kasserer/koordinator/moeder/nyt/",
        {
            "title": "Budget",
            "starts_at": "2031-05-01T19:00",
            "ends_at": "2031-05-01T18:00",
            "place_name": "Biblioteket",
        },
    )

    assert response.status_code == 400
    assert "Mødet skal slutte, efter det begynder." in response.text
    assert NetworkMeeting.objects.filter(title="Budget").count() == 0


def test_plan_and_change_meeting_in_danish_time(world, django_capture_on_commit_callbacks):
    client = client_for(world, "coordinator")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/netvaerk/kasserer/koordinator/moeder/nyt/",
            {
                "title": "Budget",
                "starts_at": "2031-05-01T19:00",
                "ends_at": "2031-05-01T21:00",
                "place_name": "Biblioteket",
            },
        )
    meeting = NetworkMeeting.objects.get(title="Budget")
    assert meeting.starts_at.isoformat() == "2031-05-01T17:00:00+00:00"
    assert len(mail.outbox) == 2  # coordinator and member; not the pending request

    response = client.post(
        f"/netvaerk/kasserer/koordinator/moeder/{meeting.pk}/ret/",
        {
            "title": "Budget",
            "starts_at": "2031-05-02T19:00",
            "ends_at": "2031-05-02T21:00",
            "place_name": "Biblioteket",
        },
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.starts_at.day, meeting.sequence) == (2, 1)


def test_invite_page_sends_links_and_rejects_bad_addresses(
    world, django_capture_on_commit_callbacks
):
    client = client_for(world, "coordinator")

    bad = client.post("/netvaerk/kasserer/koordinator/inviter/", {"emails": "a@example.org, nej"})
    with django_capture_on_commit_callbacks(execute=True):
        good = client.post(
            "/netvaerk/kasserer/koordinator/inviter/", {"emails": "a@example.org\nb@example.org"}
        )

    assert bad.status_code == 400
    assert "“nej” er ikke en gyldig e-mailadresse." in bad.text
    assert good.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]


def test_message_to_members(world, django_capture_on_commit_callbacks):
    client = client_for(world, "coordinator")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/netvaerk/kasserer/koordinator/besked/", {"subject": "Kage", "body": "Husk kage."}
        )

    assert response.status_code == 302
    network = world["network"].name
    assert [m.subject for m in mail.outbox] == [f"[{network}] Kage"] * 2
