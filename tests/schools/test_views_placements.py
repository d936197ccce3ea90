"""Internship offers and placements through the pages: request, accept, agree, confirm and
evaluate; the dashboard panel and personal data.
"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from schools.models import (
    OfferStatus,
    Placement,
    PlacementState,
)
from tests.associations.factories import AssociationFactory, DeclarationFactory
from tests.factories import UserFactory
from tests.schools.factories import (
    OfferFactory,
    PlacementFactory,
    SchoolFactory,
    association_admin,
    school_coordinator,
)

pytestmark = pytest.mark.django_db


def request_places(client, offer, school, pupils, message=""):
    """Post the request form for an offer: one row per (first name, class), blank rows
    included, as the page's formset sends them."""
    data = {
        "school": school.pk,
        "pupils-TOTAL_FORMS": str(len(pupils)),
        "pupils-INITIAL_FORMS": "0",
    }
    if message:
        data["message"] = message
    for number, (first_name, class_name) in enumerate(pupils):
        if first_name:
            data[f"pupils-{number}-first_name"] = first_name
        if class_name:
            data[f"pupils-{number}-class_name"] = class_name
    return client.post(reverse("schools:request_places", args=[offer.pk]), data)


def test_request_accept_agree_and_confirm_through_the_pages(
    client, django_capture_on_commit_callbacks
):
    offer = OfferFactory(places=3, hours_total=10)
    school = SchoolFactory()
    coordinator = school_coordinator(school)
    admin = association_admin(offer.association)
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = request_places(
            client,
            offer,
            school,
            [("Freja", "8.C"), ("Malik", "8.C"), ("", ""), ("", "")],
            message="Tirsdage passer bedst.",
        )
    placement = Placement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == placement.get_absolute_url()
    assert [p.first_name for p in placement.pupils.all()] == ["Freja", "Malik"]
    assert mail.outbox[-1].to == [offer.contact_email]

    client.force_login(admin)
    action = reverse("schools:placement_action", args=[placement.pk, "accept"])
    assert client.post(action, {"note": "Velkommen!"}).status_code == 302
    action = reverse("schools:placement_action", args=[placement.pk, "agree"])
    assert (
        client.post(action, {"starts_on": "2026-03-02", "ends_on": "2026-03-06"}).status_code == 302
    )
    action = reverse("schools:placement_action", args=[placement.pk, "hours"])
    assert client.post(action, {"hours": "10"}).status_code == 302

    placement.refresh_from_db()
    assert placement.state == PlacementState.COMPLETED
    assert placement.starts_on == datetime.date(2026, 3, 2)
    assert placement.hours_confirmed == 10


def test_request_form_errors_are_400_in_danish(client):
    offer = OfferFactory(places=1)
    school = SchoolFactory()
    client.force_login(school_coordinator(school))

    response = request_places(client, offer, school, [("Freja", "8.C"), ("Malik", "")])

    assert response.status_code == 400
    assert "Skriv elevens klasse." in response.content.decode()


def test_too_many_pupils_is_a_form_error_not_a_500(client):
    offer = OfferFactory(places=1)
    school = SchoolFactory()
    client.force_login(school_coordinator(school))

    response = request_places(client, offer, school, [("Freja", "8.C"), ("Malik", "8.C")])

    assert response.status_code == 400
    assert not Placement.objects.exists()


def test_publish_under_15_offer_without_declaration_shows_the_reason(client):
    offer = OfferFactory(status=OfferStatus.DRAFT, involves_children_under_15=True)
    client.force_login(association_admin(offer.association))

    response = client.post(
        reverse("schools:offer_status", args=[offer.pk]), {"status": "published"}, follow=True
    )

    assert "børneattester" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT
    DeclarationFactory(association=offer.association)
    client.post(reverse("schools:offer_status", args=[offer.pk]), {"status": "published"})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PUBLISHED


def test_association_admin_creates_an_offer_as_draft(client):
    association = AssociationFactory()
    client.force_login(association_admin(association))

    response = client.post(
        reverse("schools:create_offer", args=[association.slug]),
        {
            "title": "Hjælper ved loppemarked",
            "tasks": "Sætte borde op og sælge.",
            "hours_total": "6",
            "weeks": "Uge 37",
            "places": "4",
            "contact_name": "Hanne",
            "contact_email": "hanne@example.org",
        },
    )

    offer = association.internship_offers.get()
    assert response.status_code == 302
    assert offer.status == OfferStatus.DRAFT


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Fodbold", "Spejder", "Café"}),
        ("?area=Gørlev", {"Spejder"}),
        ("?grade=7", {"Fodbold", "Café"}),
        ("?age=13", {"Fodbold", "Spejder"}),
        ("?hours=10", {"Café"}),
        ("?children=yes", {"Spejder"}),
        ("?children=no", {"Fodbold", "Café"}),
    ],
)
def test_offer_filters(client, query, expected):
    OfferFactory(title="Fodbold", grade_from=7, grade_to=9, hours_total=20)
    OfferFactory(
        title="Spejder",
        association=AssociationFactory(town="Gørlev"),
        grade_from=3,
        grade_to=6,
        involves_children_under_15=True,
    )
    OfferFactory(title="Café", minimum_age=15, hours_total=8)

    response = client.get(reverse("schools:offers") + query)

    assert response.status_code == 200
    shown = {
        title for title in ("Fodbold", "Spejder", "Café") if title in response.content.decode()
    }
    assert shown == expected


def test_unknown_filter_value_is_400(client):
    OfferFactory()

    response = client.get(reverse("schools:offers") + "?area=Atlantis")

    assert response.status_code == 400


def test_both_sides_evaluate_through_the_placement_page(client):
    placement = PlacementFactory(state=PlacementState.COMPLETED, hours_confirmed=10)
    coordinator = school_coordinator(placement.school)
    admin = association_admin(placement.offer.association)
    action = reverse("schools:placement_action", args=[placement.pk, "evaluate"])

    client.force_login(coordinator)
    assert "Evaluér praktikken" in client.get(placement.get_absolute_url()).content.decode()
    bad = client.post(action, {"rating": "9"})
    assert bad.status_code == 400
    assert client.post(action, {"rating": "4", "went_well": "Godt."}).status_code == 302
    assert "Evaluér praktikken" not in client.get(placement.get_absolute_url()).content.decode()
    client.force_login(admin)
    assert client.post(action, {"rating": "3", "would_repeat": "on"}).status_code == 302

    placement.refresh_from_db()
    assert placement.state == PlacementState.EVALUATED
    assert placement.evaluations.count() == 2


def test_dashboard_panel_shows_waiting_requests_to_the_association(client):
    placement = PlacementFactory()
    client.force_login(association_admin(placement.offer.association))

    response = client.get(reverse("accounts:dashboard"))

    assert "1 anmodning fra en skole venter på jeres svar." in response.content.decode()


def test_dashboard_panel_is_hidden_for_people_without_a_role(client):
    client.force_login(UserFactory())

    response = client.get(reverse("accounts:dashboard"))

    assert "Skoler og praktik</h2>" not in response.content.decode()


def test_personal_data_export_and_erase(client):
    placement = PlacementFactory(message="Tirsdage passer bedst.")
    coordinator = school_coordinator(placement.school)
    placement.requested_by = coordinator
    placement.save()
    client.force_login(coordinator)

    data = client.get(reverse("accounts:export_data")).json()

    assert data["schools"]["school_coordinator_for"] == [placement.school.name]
    assert data["schools"]["placements_requested"][0]["message"] == "Tirsdage passer bedst."
    from accounts.services import delete_account

    delete_account(coordinator)
    placement.refresh_from_db()
    assert placement.requested_by is None
    assert placement.pupils.count() == 1  # the school's placement stays
