"""Who sees which placements, offers and tools on the school pages."""

import pytest
from django.urls import reverse

from schools.models import (
    OfferStatus,
    Placement,
    PlacementState,
)
from tests.associations.factories import AssociationFactory
from tests.schools.factories import (
    OfferFactory,
    association_admin,
)
from tests.schools.helpers import PUPIL_A, PUPIL_B

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "placement", "status"),
    [
        ("coordinator_a", "placement_a", 200),
        ("coordinator_a", "placement_b", 404),
        ("coordinator_b", "placement_a", 404),
        ("admin_a", "placement_a", 200),
        ("admin_a", "placement_b", 404),
        ("admin_b", "placement_a", 404),
        ("staff", "placement_a", 200),
        ("stranger", "placement_a", 404),
    ],
)
def test_placement_page_access(client, matrix, who, placement, status):
    client.force_login(matrix[who])

    response = client.get(matrix[placement].get_absolute_url())

    assert response.status_code == status


def test_anonymous_is_sent_to_login_for_a_placement(client, matrix):
    response = client.get(matrix["placement_a"].get_absolute_url())

    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_school_a_never_sees_school_b_pupils(client, matrix):
    client.force_login(matrix["coordinator_a"])

    pages = [
        client.get(reverse("my_schools:index")),
        client.get(matrix["offer_b"].get_absolute_url()),
        client.get(matrix["offer_a"].get_absolute_url()),
    ]

    for response in pages:
        assert response.status_code == 200
        assert PUPIL_B not in response.content.decode()
    assert PUPIL_A in pages[0].content.decode()


def test_association_sees_only_placements_on_its_own_offers(client, matrix):
    client.force_login(matrix["admin_a"])

    mine = client.get(reverse("my_schools:index")).content.decode()
    other_offer = client.get(matrix["offer_b"].get_absolute_url()).content.decode()
    overview = client.get(reverse("schools:association", args=[matrix["offer_a"].association.slug]))

    assert PUPIL_A in mine
    assert PUPIL_B not in mine
    assert PUPIL_B not in other_offer
    assert overview.status_code == 200
    assert PUPIL_B not in overview.content.decode()
    assert (
        client.get(
            reverse("schools:association", args=[matrix["offer_b"].association.slug])
        ).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("status", "anonymous", "admin"),
    [
        (OfferStatus.PUBLISHED, 200, 200),
        (OfferStatus.FILLED, 200, 200),
        (OfferStatus.DRAFT, 404, 200),
        (OfferStatus.CLOSED, 404, 200),
    ],
)
def test_anonymous_sees_only_published_offers(client, status, anonymous, admin):
    offer = OfferFactory(status=status, title="Hjælper til fodbold")

    assert client.get(offer.get_absolute_url()).status_code == anonymous
    listed = "Hjælper til fodbold" in client.get(reverse("schools:offers")).content.decode()
    assert listed == (anonymous == 200)
    client.force_login(association_admin(offer.association))
    assert client.get(offer.get_absolute_url()).status_code == admin


def test_offers_of_hidden_associations_are_not_public(client):
    offer = OfferFactory(association=AssociationFactory(is_public=False))

    assert client.get(offer.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url_name", ["schools:edit_offer", "schools:offer_status", "schools:request_places"]
)
def test_tools_are_404_for_people_without_a_role(client, matrix, url_name):
    client.force_login(matrix["stranger"])

    response = client.post(reverse(url_name, args=[matrix["offer_a"].pk]), {"status": "closed"})

    assert response.status_code == 404


def test_placement_action_by_the_other_school_is_404_and_changes_nothing(client, matrix):
    client.force_login(matrix["coordinator_b"])

    response = client.post(
        reverse("schools:placement_action", args=[matrix["placement_a"].pk, "cancel"]), {}
    )

    assert response.status_code == 404
    assert Placement.objects.get(pk=matrix["placement_a"].pk).state == PlacementState.REQUESTED
