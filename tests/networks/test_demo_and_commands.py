import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from networks.models import (
    JoinPolicy,
    Membership,
    MembershipRole,
    Network,
    NetworkMeeting,
    SparringRequest,
)
from tests.networks.factories import MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _counts():
    return [
        model.objects.count() for model in (Network, Membership, NetworkMeeting, SparringRequest)
    ]


def test_seed_demo_adds_three_networks_once(demo_site):
    first = _counts()
    call_command("seed_demo", stdout=io.StringIO())

    assert _counts() == first
    policies = dict(Network.objects.values_list("name", "join_policy"))
    assert policies == {
        "Netværk for formænd": JoinPolicy.OPEN,
        "Kasserernetværket": JoinPolicy.APPROVAL,
        "Frivilligkoordinatorer på plejecentre": JoinPolicy.INVITATION,
    }
    volunteer = Membership.objects.get(user__email="frivillig@frivilligloeft.test")
    assert volunteer.network.name == "Netværk for formænd"
    assert (
        Membership.objects.filter(
            user__email="konsulent@frivilligloeft.test", role=MembershipRole.COORDINATOR
        ).count()
        == 3
    )
    assert NetworkMeeting.objects.exclude(notes="").filter(ends_at__lt=timezone.now()).exists()
    assert SparringRequest.objects.filter(requester=volunteer.user).count() == 2


def test_reminder_command_is_idempotent(django_capture_on_commit_callbacks):
    meeting = MeetingFactory(starts_at=timezone.now() + timedelta(hours=5))
    MembershipFactory(network=meeting.network)
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_network_meeting_reminders", stdout=out)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_network_meeting_reminders", stdout=out)

    assert out.getvalue().splitlines() == [
        "Network meeting reminders sent: 1",
        "Network meeting reminders sent: 0",
    ]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("Påmindelse: ")


def test_the_demo_networks_come_from_the_services(demo_site):
    """Coordinators appointed, the volunteer's joining, every meeting and the sparring replies
    are logged as the services log them, by the people who did them."""
    from wagtail.models import ModelLogEntry

    from networks.models import SparringStatus

    def actions(instance):
        return set(ModelLogEntry.objects.for_instance(instance).values_list("action", flat=True))

    for network in Network.objects.all():
        assert "frivilligloeft.networks.coordinators_set" in actions(network)
    chairs = Network.objects.get(slug="netvaerk-for-formaend")
    assert "frivilligloeft.networks.member_joined" in actions(chairs)
    for meeting in NetworkMeeting.objects.all():
        entry = ModelLogEntry.objects.for_instance(meeting).get(action="wagtail.create")
        assert entry.user_id == meeting.created_by_id
    past = NetworkMeeting.objects.exclude(notes="").get()
    assert "frivilligloeft.networks.meeting_notes" in actions(past)
    assert past.notes_updated_at == past.ends_at
    answered = SparringRequest.objects.filter(status=SparringStatus.ANSWERED)
    assert answered.exists()
    assert all(r.replies.filter(from_staff=True).exists() for r in answered)
