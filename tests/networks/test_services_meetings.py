"""networks.services for meetings: planning and changing them, RSVP, reminders and messages."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from networks import services
from networks.models import (
    MeetingStatus,
    MembershipStatus,
    Rsvp,
)
from tests.factories import UserFactory
from tests.networks.factories import (
    CoordinatorFactory,
    MeetingFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.django_db


def _meeting_values(**overrides):
    start = timezone.now() + timedelta(days=10)
    values = {
        "title": "Budget 2027",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "place_name": "Biblioteket",
        "place_address": "",
        "online_link": "",
        "agenda": "",
        "capacity": None,
    }
    return {**values, **overrides}


def test_plan_meeting_emails_active_members_in_their_language(
    django_capture_on_commit_callbacks,
):
    coordinator = CoordinatorFactory()
    english = MembershipFactory(network=coordinator.network, user__preferred_language="en")
    MembershipFactory(network=coordinator.network, status=MembershipStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.plan_meeting(
            coordinator.network, by=coordinator.user, **_meeting_values()
        )

    assert meeting.sequence == 0
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert set(subjects) == {coordinator.user.email, english.user.email}
    assert subjects[english.user.email].startswith("New meeting in")
    assert subjects[coordinator.user.email].startswith("Nyt møde i")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"starts_at": timezone.now() - timedelta(days=1)}, "starte i fremtiden"),
        ({"place_name": ""}, "sted eller et onlinelink"),
        ({"title": " "}, "titel"),
    ],
    ids=["past", "nowhere", "untitled"],
)
def test_plan_meeting_refuses_bad_input(values, message):
    coordinator = CoordinatorFactory()
    data = _meeting_values(**values)
    if "starts_at" in values:
        data["ends_at"] = data["starts_at"] + timedelta(hours=1)

    with pytest.raises(services.NetworkError, match=message):
        services.plan_meeting(coordinator.network, by=coordinator.user, **data)


def test_change_time_bumps_sequence_rearms_reminder_and_emails(
    django_capture_on_commit_callbacks,
):
    coordinator = CoordinatorFactory()
    meeting = MeetingFactory(network=coordinator.network, reminder_sent_at=timezone.now())
    new_start = meeting.starts_at + timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        services.change_meeting(
            meeting,
            by=coordinator.user,
            starts_at=new_start,
            ends_at=new_start + timedelta(hours=2),
        )

    meeting.refresh_from_db()
    assert (meeting.sequence, meeting.reminder_sent_at) == (1, None)
    assert [m.to for m in mail.outbox] == [[coordinator.user.email]]
    assert "nyt tidspunkt" in mail.outbox[0].body


def test_change_agenda_only_sends_nothing_and_keeps_sequence(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory()
    meeting = MeetingFactory(network=coordinator.network)

    with django_capture_on_commit_callbacks(execute=True):
        services.change_meeting(meeting, by=coordinator.user, agenda="Ny dagsorden")

    meeting.refresh_from_db()
    assert (meeting.agenda, meeting.sequence, len(mail.outbox)) == ("Ny dagsorden", 0, 0)


def test_cancel_meeting_bumps_sequence_and_emails(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory()
    meeting = MeetingFactory(network=coordinator.network)

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_meeting(meeting, by=coordinator.user, reason="Sygdom")

    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == (MeetingStatus.CANCELLED, 1)
    assert "Sygdom" in mail.outbox[0].body
    with pytest.raises(services.NetworkError, match="aflyst"):
        services.change_meeting(meeting, by=coordinator.user, title="Nyt")


def test_notes_only_after_the_meeting_started():
    coordinator = CoordinatorFactory()
    coming = MeetingFactory(network=coordinator.network)
    held = MeetingFactory(
        network=coordinator.network, starts_at=timezone.now() - timedelta(hours=3)
    )

    with pytest.raises(services.NetworkError, match="begyndt"):
        services.save_meeting_notes(coming, by=coordinator.user, notes="x")
    services.save_meeting_notes(held, by=coordinator.user, notes="Vi aftalte ...")

    held.refresh_from_db()
    assert held.notes == "Vi aftalte ..."


def test_rsvp_changes_answer_without_a_second_row():
    membership = MembershipFactory()
    meeting = MeetingFactory(network=membership.network)

    services.rsvp(meeting, membership.user, "yes")
    services.rsvp(meeting, membership.user, "maybe")

    assert list(Rsvp.objects.values_list("answer", flat=True)) == ["maybe"]


def test_rsvp_respects_capacity_but_allows_maybe():
    meeting = MeetingFactory(capacity=1)
    first = MembershipFactory(network=meeting.network)
    second = MembershipFactory(network=meeting.network)
    services.rsvp(meeting, first.user, "yes")

    with pytest.raises(services.NetworkError, match="fuldt"):
        services.rsvp(meeting, second.user, "yes")
    services.rsvp(meeting, second.user, "maybe")
    services.rsvp(meeting, first.user, "yes")  # the one seat holder may answer again

    assert dict(Rsvp.objects.values_list("user_id", "answer")) == {
        first.user_id: "yes",
        second.user_id: "maybe",
    }


@pytest.mark.parametrize(
    "status",
    [MembershipStatus.PENDING, MembershipStatus.LEFT, None],
    ids=["pending", "left", "none"],
)
def test_rsvp_only_for_active_members(status):
    meeting = MeetingFactory()
    user = UserFactory()
    if status:
        MembershipFactory(network=meeting.network, user=user, status=status)

    with pytest.raises(services.NetworkError, match="Kun medlemmer"):
        services.rsvp(meeting, user, "yes")


def test_rsvp_refused_for_cancelled_or_started_meetings():
    membership = MembershipFactory()
    cancelled = MeetingFactory(network=membership.network, status=MeetingStatus.CANCELLED)
    started = MeetingFactory(
        network=membership.network, starts_at=timezone.now() - timedelta(minutes=5)
    )

    with pytest.raises(services.NetworkError, match="aflyst"):
        services.rsvp(cancelled, membership.user, "yes")
    with pytest.raises(services.NetworkError, match="begyndt"):
        services.rsvp(started, membership.user, "yes")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rsvp_last_seat_goes_to_exactly_one_of_many():
    meeting = MeetingFactory(capacity=1)
    users = [MembershipFactory(network=meeting.network).user for _ in range(6)]
    barrier = threading.Barrier(len(users))
    outcomes = []

    def answer(user):
        try:
            barrier.wait()
            services.rsvp(meeting, user, "yes")
            outcomes.append("ok")
        except services.NetworkError:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["full"] * 5 + ["ok"]
    assert Rsvp.objects.filter(meeting=meeting, answer="yes").count() == 1


def test_reminders_are_sent_once_and_not_to_those_not_coming(django_capture_on_commit_callbacks):
    meeting = MeetingFactory(starts_at=timezone.now() + timedelta(hours=20))
    MeetingFactory(network=meeting.network, starts_at=timezone.now() + timedelta(days=5))
    coming = MembershipFactory(network=meeting.network)
    unanswered = MembershipFactory(network=meeting.network)
    not_coming = MembershipFactory(network=meeting.network)
    Rsvp.objects.create(meeting=meeting, user=coming.user, answer="yes")
    Rsvp.objects.create(meeting=meeting, user=not_coming.user, answer="no")

    with django_capture_on_commit_callbacks(execute=True):
        first = services.send_meeting_reminders()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.send_meeting_reminders()

    assert (first, second) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coming.user.email, unanswered.user.email]
    )
    # Like course reminders, each carries the meeting for the calendar (iTIP REQUEST).
    for message in mail.outbox:
        [(_name, content, mimetype)] = message.attachments
        assert mimetype.startswith("text/calendar")
        assert "METHOD:REQUEST" in content
        assert f"UID:network-meeting-{meeting.pk}@" in content


def test_message_members_reaches_active_members_only(django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory()
    member = MembershipFactory(network=coordinator.network)
    MembershipFactory(network=coordinator.network, status=MembershipStatus.LEFT)

    with django_capture_on_commit_callbacks(execute=True):
        message = services.message_members(
            coordinator.network, by=coordinator.user, subject="Husk", body="Tag kage med."
        )

    assert message.recipient_count == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coordinator.user.email, member.user.email]
    )
    assert mail.outbox[0].reply_to == ["netvaerk@example.org"]
