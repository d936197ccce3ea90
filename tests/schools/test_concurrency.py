"""Accepting placements under real concurrency, on PostgreSQL: places are never overbooked.

Every placement asks for one pupil; the association admin accepts all of them at the same
moment from 30 threads, on an offer with 5 places. The offer row lock in
`schools.services.offers.lock_offer` makes exactly 5 succeed; without `select_for_update()`
more than 5 are accepted.
"""

import pytest

from schools import services
from schools.models import OfferStatus, Placement, PlacementState
from tests.courses.test_concurrency import REAL_RACES, race
from tests.schools.factories import OfferFactory, PlacementFactory, association_admin

pytestmark = REAL_RACES


@pytest.mark.parametrize("round_number", range(5), ids=lambda n: f"round-{n + 1}")
def test_30_accepts_racing_for_5_places_accept_exactly_5(round_number):
    offer = OfferFactory(places=5)
    admin = association_admin(offer.association)
    placements = [PlacementFactory(offer=offer) for _ in range(30)]

    results, errors = race(
        lambda placement=placement: services.accept_placement(placement, by=admin)
        for placement in placements
    )

    assert all(isinstance(error, services.SchoolError) for error in errors), errors
    assert len(results) == 5
    assert Placement.objects.filter(offer=offer, state=PlacementState.ACCEPTED).count() == 5
    assert services.places_held(offer) == 5
    offer.refresh_from_db()
    assert offer.status == OfferStatus.FILLED
