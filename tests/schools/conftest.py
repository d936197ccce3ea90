"""Fixtures shared by the school tests."""

import pytest

from accounts.roles import Role
from schools.rules import Actor
from tests.factories import UserFactory
from tests.schools.factories import (
    OfferFactory,
    PlacementFactory,
    SchoolFactory,
    association_admin,
    school_coordinator,
)
from tests.schools.helpers import PUPIL_A, PUPIL_B


@pytest.fixture
def matrix(db):
    """Two schools, two associations, a placement each: who sees what."""
    offer_a = OfferFactory(title="Praktik hos A")
    offer_b = OfferFactory(title="Praktik hos B")
    school_a = SchoolFactory(name="Skole A")
    school_b = SchoolFactory(name="Skole B")
    placement_a = PlacementFactory(offer=offer_a, school=school_a, pupils=[(PUPIL_A, "8.A")])
    placement_b = PlacementFactory(offer=offer_b, school=school_b, pupils=[(PUPIL_B, "9.B")])
    return {
        "offer_a": offer_a,
        "offer_b": offer_b,
        "placement_a": placement_a,
        "placement_b": placement_b,
        "coordinator_a": school_coordinator(school_a),
        "coordinator_b": school_coordinator(school_b),
        "admin_a": association_admin(offer_a.association),
        "admin_b": association_admin(offer_b.association),
        "staff": UserFactory(roles=[Role.VOLUNTEER_CONSULTANT]),
        "stranger": UserFactory(),
    }


@pytest.fixture
def world(db):
    """An offer with four places, a school, and a person of every role around them."""
    offer = OfferFactory(places=4)
    school = SchoolFactory()
    return {
        "offer": offer,
        "the_school": school,
        Actor.SCHOOL: school_coordinator(school),
        Actor.ASSOCIATION: association_admin(offer.association),
        Actor.STAFF: UserFactory(roles=[Role.VOLUNTEER_CONSULTANT]),
        "stranger": UserFactory(),
        "other_school": school_coordinator(),
    }
