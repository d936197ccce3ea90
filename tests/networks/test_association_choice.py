"""Joining a network and asking for sparring: the person picks one of their own associations
(read through accounts.registry, which the associations app fills) or writes another."""

import pytest
from django.utils import translation

from associations.models import RoleKind
from networks.models import Membership, SparringRequest
from tests.associations.factories import AssociationFactory, RoleFactory
from tests.factories import UserFactory
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    user = UserFactory()
    chair = RoleFactory(user=user, role=RoleKind.CHAIR, association__name="Høng Boldklub")
    RoleFactory(user=user, association=chair.association, role=RoleKind.TREASURER)
    RoleFactory(user=user, association=AssociationFactory(name="Ubby Spejderne"))
    client.force_login(user)
    user.association = chair.association
    return user


def test_join_form_offers_own_associations_once_each(client, person):
    network = NetworkFactory(slug="kasserere")

    response = client.get("/netvaerk/kasserere/bliv-medlem/")

    text = response.text
    assert text.count("Høng Boldklub") == 1
    assert "Ubby Spejderne" in text
    assert "En anden forening" in text
    assert "Navn på den anden forening" in text
    assert network.name in text


def test_joining_with_own_association_stores_link_and_name(client, person):
    network = NetworkFactory(slug="kasserere")

    response = client.post(
        "/netvaerk/kasserere/bliv-medlem/",
        {"association_choice": str(person.association.pk), "association": "ignored"},
    )

    assert response.status_code == 302
    membership = Membership.objects.get(network=network, user=person)
    assert (membership.association, membership.linked_association_id) == (
        "Høng Boldklub",
        person.association.pk,
    )


@pytest.mark.parametrize(
    ("choice", "typed", "stored"),
    [("other", "Kalundborg Roklub", "Kalundborg Roklub"), ("", "ignored", "")],
    ids=["another", "none"],
)
def test_joining_with_another_or_no_association_keeps_no_link(
    client, person, choice, typed, stored
):
    network = NetworkFactory(slug="kasserere")

    client.post(
        "/netvaerk/kasserere/bliv-medlem/", {"association_choice": choice, "association": typed}
    )

    membership = Membership.objects.get(network=network, user=person)
    assert (membership.association, membership.linked_association_id) == (stored, None)


def test_another_association_without_a_name_is_a_form_error(client, person):
    NetworkFactory(slug="kasserere")

    response = client.post(
        "/netvaerk/kasserere/bliv-medlem/", {"association_choice": "other", "association": ""}
    )

    assert response.status_code == 400
    assert "Skriv foreningens navn." in response.text
    assert not Membership.objects.exists()


def test_someone_elses_association_cannot_be_chosen(client, person):
    NetworkFactory(slug="kasserere")
    stranger = AssociationFactory()

    response = client.post(
        "/netvaerk/kasserere/bliv-medlem/", {"association_choice": str(stranger.pk)}
    )

    assert response.status_code == 400
    assert not Membership.objects.exists()


def test_membership_details_show_the_linked_association_chosen(client, person):
    membership = MembershipFactory(
        user=person,
        network__slug="kasserere",
        association="Høng Boldklub",
        linked_association_id=person.association.pk,
    )

    response = client.get("/netvaerk/kasserere/mine-oplysninger/")

    form = response.context["form"]
    assert form["association_choice"].value() == str(person.association.pk)
    assert form["association"].value() == ""
    client.post(
        "/netvaerk/kasserere/mine-oplysninger/",
        {"association_choice": "other", "association": "Roklubben"},
    )
    membership.refresh_from_db()
    assert (membership.association, membership.linked_association_id) == ("Roklubben", None)


def test_sparring_request_with_own_association_in_english(client, person):
    with translation.override("en"):
        response = client.get("/en/netvaerk/sparring/")
    assert "Another association" in response.text

    response = client.post(
        "/netvaerk/sparring/",
        {
            "subject": "Regnskab",
            "description": "Hvordan laver vi budget?",
            "association_choice": str(person.association.pk),
            "contact_method": "email",
        },
    )

    assert response.status_code == 302
    sparring = SparringRequest.objects.get()
    assert (sparring.association, sparring.linked_association_id) == (
        "Høng Boldklub",
        person.association.pk,
    )


def test_a_person_without_associations_types_the_name_as_before(client):
    client.force_login(UserFactory())
    NetworkFactory(slug="kasserere")

    response = client.get("/netvaerk/kasserere/bliv-medlem/")

    assert "association_choice" not in response.text
    client.post("/netvaerk/kasserere/bliv-medlem/", {"association": "Roklubben"})
    assert Membership.objects.get().association == "Roklubben"
