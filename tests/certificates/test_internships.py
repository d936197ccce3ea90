"""Internship certificates (frivilligbeviser): issued when a placement's hours are confirmed."""

import logging
from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from certificates.models import Certificate, CertificateKind
from schools import services as school_services
from schools.models import PlacementState
from schools.signals import placement_completed
from tests.factories import UserFactory
from tests.schools.factories import (
    OfferFactory,
    PlacementFactory,
    SchoolFactory,
    association_admin,
    school_coordinator,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreed_placement():
    offer = OfferFactory(places=4, title="Hjælper i klubhuset")
    school = SchoolFactory(name="Fjordskolen")
    placement = PlacementFactory(
        offer=offer,
        school=school,
        state=PlacementState.AGREED,
        pupils=[("Emma", "8.B"), ("Noah", "8.C")],
    )
    return placement, school_coordinator(school), association_admin(offer.association)


def confirm(placement, admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        school_services.confirm_hours(placement, by=admin, hours=12)


def test_confirming_hours_issues_one_certificate_per_pupil_for_both_sides_to_download(
    agreed_placement, django_capture_on_commit_callbacks
):
    placement, _coordinator, admin = agreed_placement

    confirm(placement, admin, django_capture_on_commit_callbacks)

    certificates = Certificate.objects.filter(kind=CertificateKind.INTERNSHIP).order_by("pk")
    assert [c.holder_name for c in certificates] == ["Emma (8.B)", "Noah (8.C)"]
    for certificate in certificates:
        assert certificate.holder is None
        assert certificate.title == "Hjælper i klubhuset"
        assert certificate.snapshot["hours"] == 12
        assert certificate.snapshot["issuer"] == placement.offer.association.name
        assert "Fjordskolen" in certificate.snapshot["description"]
        assert certificate.source_placement == placement


def test_a_repeated_signal_issues_nothing_twice(
    agreed_placement, django_capture_on_commit_callbacks
):
    placement, _coordinator, admin = agreed_placement
    confirm(placement, admin, django_capture_on_commit_callbacks)

    placement_completed.send(sender=type(placement), placement=placement)

    assert Certificate.objects.filter(kind=CertificateKind.INTERNSHIP).count() == 2


def test_the_coordinator_downloads_the_pupils_certificate_and_strangers_get_404(
    client, agreed_placement, django_capture_on_commit_callbacks, needs_pdf
):
    placement, coordinator, admin = agreed_placement
    confirm(placement, admin, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(holder_name="Emma (8.B)")

    client.force_login(coordinator)
    listing = client.get("/mine-sider/beviser/").content.decode()
    response = client.get(f"/mine-sider/beviser/{certificate.pk}/pdf/")

    assert "Emma (8.B)" in listing
    assert response.status_code == 200
    text = (
        PdfReader(
            BytesIO(
                b"".join(response.streaming_content if response.streaming else [response.content])
            )
        )
        .pages[0]
        .extract_text()
    )
    assert "Emma (8.B)" in text
    assert "Hjælper i klubhuset" in text
    client.force_login(UserFactory())
    assert client.get(f"/mine-sider/beviser/{certificate.pk}/pdf/").status_code == 404


def downloads(client, user, certificate) -> tuple[int, bool]:
    """(status of the PDF download, whether Mine beviser lists it) for `user`."""
    client.force_login(user)
    listed = certificate.holder_name in client.get("/mine-sider/beviser/").content.decode()
    return client.get(f"/mine-sider/beviser/{certificate.pk}/pdf/").status_code, listed


def test_a_coordinator_removed_from_the_school_loses_the_pupils_certificates_at_once(
    client, agreed_placement, django_capture_on_commit_callbacks, needs_pdf
):
    from schools.models import SchoolCoordinator

    placement, coordinator, admin = agreed_placement
    colleague = school_coordinator(placement.school)
    confirm(placement, admin, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(holder_name="Emma (8.B)")
    assert downloads(client, coordinator, certificate) == (200, True)

    SchoolCoordinator.objects.filter(user=coordinator, school=placement.school).delete()

    assert downloads(client, coordinator, certificate) == (404, False)
    assert downloads(client, colleague, certificate) == (200, True)
    # A coordinator who joins the school later sees the school's certificates.
    newcomer = school_coordinator(placement.school)
    assert downloads(client, newcomer, certificate) == (200, True)


def test_an_association_admin_who_steps_down_loses_the_certificates_at_once(
    client, agreed_placement, django_capture_on_commit_callbacks, needs_pdf
):
    from associations import services as association_services
    from associations.models import AssociationRole

    placement, _coordinator, admin = agreed_placement
    association = placement.offer.association
    chair = association_admin(association)
    confirm(placement, admin, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(holder_name="Noah (8.C)")
    assert downloads(client, admin, certificate) == (200, True)

    role = AssociationRole.objects.get(user=admin, association=association)
    association_services.change_role(role, by=chair, kind=role.role, is_admin=False)

    assert downloads(client, admin, certificate) == (404, False)
    assert downloads(client, chair, certificate) == (200, True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_weasyprint_failure_after_confirming_hours_is_logged_not_a_500(
    agreed_placement, monkeypatch, caplog
):
    """The PDFs are rendered by a task after the confirming transaction, each on its own: a
    crash in WeasyPrint leaves the hours confirmed, every certificate issued (its PDF made on
    first download) and the association admin on the placement's page."""
    placement, _coordinator, admin = agreed_placement

    def crashing_weasyprint(certificate):
        raise RuntimeError("cairo: out of memory")

    monkeypatch.setattr("certificates.services.render_certificate_pdf", crashing_weasyprint)
    client = Client(raise_request_exception=False)
    client.force_login(admin)

    with caplog.at_level(logging.ERROR, logger="certificates.receivers"):
        response = client.post(
            reverse("schools:placement_action", args=[placement.pk, "hours"]), {"hours": "12"}
        )

    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.state == PlacementState.COMPLETED
    certificates = Certificate.objects.filter(kind=CertificateKind.INTERNSHIP)
    assert sorted(c.holder_name for c in certificates) == ["Emma (8.B)", "Noah (8.C)"]
    assert not any(c.pdf for c in certificates)
    assert caplog.text.count("PDF not rendered") == 2
