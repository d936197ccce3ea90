"""The school's request page and its errors count free places in the right number: one
place is "1 ledig plads" / "1 free place", never "1 ledige pladser" / "1 free places"."""

import pytest
from django.urls import reverse
from django.utils import translation

from schools import services
from schools.services import SchoolError
from tests.schools.factories import (
    OfferFactory,
    PlacementFactory,
    SchoolFactory,
    association_admin,
    school_coordinator,
)
from tests.schools.test_views_placements import request_places

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "one", "two"),
    [
        ("", "har 1 ledig plads.", "har 2 ledige pladser."),
        ("/en", "has 1 free place.", "has 2 free places."),
    ],
)
def test_the_request_page_counts_free_places(client, prefix, one, two):
    offer = OfferFactory(places=1)
    school = SchoolFactory()
    client.force_login(school_coordinator(school))
    url = prefix + reverse("schools:request_places", args=[offer.pk])

    assert one in client.get(url).content.decode()

    offer.places = 2
    offer.save(update_fields=["places"])
    assert two in client.get(url).content.decode()


def test_asking_for_too_many_pupils_says_one_free_place(client):
    offer = OfferFactory(places=1)
    school = SchoolFactory()
    client.force_login(school_coordinator(school))

    response = request_places(client, offer, school, [("Freja", "8.C"), ("Malik", "8.C")])

    assert response.status_code == 400
    assert "Der er kun 1 ledig plads på dette opslag." in response.content.decode()


def test_accepting_more_pupils_than_places_says_one_free_place():
    offer = OfferFactory(places=1)
    placement = PlacementFactory(
        offer=offer, pupil_count=2, pupils=[("Freja", "8.C"), ("Malik", "8.C")]
    )
    admin = association_admin(offer.association)

    with translation.override("da"), pytest.raises(SchoolError) as refused:
        services.accept_placement(placement, by=admin)
    assert str(refused.value).startswith("Der er ikke pladser nok: 1 ledig, 2 ønsket.")

    with translation.override("en"), pytest.raises(SchoolError) as refused:
        services.accept_placement(placement, by=admin)
    assert str(refused.value).startswith("There are not enough free places: 1 free, 2 asked")
