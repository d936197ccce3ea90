"""Internship offers in schools.services: publishing, changing, places and the børneattest rule."""

import pytest
from django.utils import timezone

from schools import services
from schools.models import (
    OfferStatus,
    PlacementState,
)
from schools.rules import Actor
from tests.associations.factories import DeclarationFactory
from tests.schools.factories import (
    OfferFactory,
    PlacementFactory,
    association_admin,
)

S = PlacementState


def test_publishing_an_offer_for_under_15s_needs_a_current_declaration(world):
    offer = OfferFactory(status=OfferStatus.DRAFT, involves_children_under_15=True)
    admin = association_admin(offer.association)

    with pytest.raises(services.SchoolError, match="børneattest"):
        services.change_offer_status(offer, OfferStatus.PUBLISHED, by=admin)
    DeclarationFactory(association=offer.association, year=timezone.localdate().year - 1)
    with pytest.raises(services.SchoolError):
        services.change_offer_status(offer, OfferStatus.PUBLISHED, by=admin)
    DeclarationFactory(association=offer.association)
    offer = services.change_offer_status(offer, OfferStatus.PUBLISHED, by=admin)

    assert offer.status == OfferStatus.PUBLISHED
    assert offer.published_at is not None


def test_publishing_an_offer_for_over_15s_needs_no_declaration(world):
    offer = OfferFactory(status=OfferStatus.DRAFT, involves_children_under_15=False)

    offer = services.change_offer_status(
        offer, OfferStatus.PUBLISHED, by=association_admin(offer.association)
    )

    assert offer.status == OfferStatus.PUBLISHED


def test_a_published_offer_cannot_be_changed_to_involve_under_15s_without_declaration(world):
    with pytest.raises(services.SchoolError):
        services.update_offer(
            world["offer"], by=world[Actor.ASSOCIATION], involves_children_under_15=True
        )


def test_pupils_under_15_are_accepted_only_under_this_years_declaration(world):
    # Published last year under last year's declaration; the new year has none yet.
    offer = OfferFactory(status=OfferStatus.PUBLISHED, involves_children_under_15=True)
    DeclarationFactory(association=offer.association, year=timezone.localdate().year - 1)
    admin = association_admin(offer.association)
    placement = PlacementFactory(offer=offer, pupils=[("Idalina", "6.A")])

    with pytest.raises(services.SchoolError, match="børneattest"):
        services.accept_placement(placement, by=admin)
    placement.refresh_from_db()
    assert placement.state == S.REQUESTED
    DeclarationFactory(association=offer.association)
    assert services.accept_placement(placement, by=admin).state == S.ACCEPTED


def test_places_cannot_go_below_those_held(world):
    PlacementFactory(offer=world["offer"], state=S.AGREED, pupil_count=3, pupils=[("A", "1")] * 3)

    with pytest.raises(services.SchoolError):
        services.update_offer(world["offer"], by=world[Actor.ASSOCIATION], places=2)
    offer = services.update_offer(world["offer"], by=world[Actor.ASSOCIATION], places=3)

    assert offer.status == OfferStatus.FILLED


@pytest.mark.parametrize(
    ("current", "target"),
    list(services.OFFER_TRANSITIONS),
    ids=[f"{c}-{t}" for c, t in services.OFFER_TRANSITIONS],
)
def test_offer_allowed_transitions(world, current, target):
    offer = OfferFactory(status=current)

    offer = services.change_offer_status(offer, target, by=association_admin(offer.association))

    assert offer.status == target


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (OfferStatus.DRAFT, OfferStatus.FILLED),
        (OfferStatus.DRAFT, OfferStatus.CLOSED),
        (OfferStatus.PUBLISHED, OfferStatus.FILLED),
        (OfferStatus.FILLED, OfferStatus.PUBLISHED),
        (OfferStatus.CLOSED, OfferStatus.DRAFT),
    ],
)
def test_offer_forbidden_transitions(world, current, target):
    offer = OfferFactory(status=current)

    with pytest.raises(services.SchoolError):
        services.change_offer_status(offer, target, by=association_admin(offer.association))


def test_another_associations_admin_cannot_publish(world):
    offer = OfferFactory(status=OfferStatus.DRAFT)

    with pytest.raises(services.SchoolError):
        services.change_offer_status(offer, OfferStatus.PUBLISHED, by=association_admin())


def test_unpublishing_an_offer_schools_asked_for_is_refused(world):
    PlacementFactory(offer=world["offer"])

    with pytest.raises(services.SchoolError):
        services.change_offer_status(world["offer"], OfferStatus.DRAFT, by=world[Actor.ASSOCIATION])


def test_create_offer_is_a_draft_and_only_for_admins(world):
    fields = {
        "title": "Hjælper i klubhuset",
        "tasks": "Kaffe og kage.",
        "hours_total": 8,
        "weeks": "Uge 12",
        "places": 2,
        "contact_name": "Bo",
        "contact_email": "bo@example.org",
    }
    association = world["offer"].association

    offer = services.create_offer(association, by=world[Actor.ASSOCIATION], **fields)

    assert offer.status == OfferStatus.DRAFT
    with pytest.raises(services.SchoolError):
        services.create_offer(association, by=world["stranger"], **fields)
