from datetime import timedelta

import factory
from django.utils import timezone

from networks.models import (
    JoinPolicy,
    Membership,
    MembershipRole,
    MembershipStatus,
    Network,
    NetworkMeeting,
    SparringRequest,
)
from tests.factories import UserFactory


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Netværk {n}")
    slug = factory.Sequence(lambda n: f"netvaerk-{n}")
    summary = "Et netværk for frivilligledere."
    description = "Vi mødes og deler erfaringer."
    join_policy = JoinPolicy.OPEN
    contact_email = "netvaerk@example.org"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)
    status = MembershipStatus.ACTIVE
    role = MembershipRole.MEMBER
    joined_at = factory.LazyFunction(timezone.now)
    requested_at = factory.LazyFunction(timezone.now)


class CoordinatorFactory(MembershipFactory):
    role = MembershipRole.COORDINATOR


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMeeting

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Netværksmøde {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place_name = "Frivilligcentret"
    place_address = "Hemmelig Allé 1, 4400 Kalundborg"
    agenda = "Velkomst og erfaringsudveksling."


class SparringRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SparringRequest

    requester = factory.SubFactory(UserFactory)
    subject = "Konflikt i bestyrelsen"
    description = "Vi er uenige om budgettet."
