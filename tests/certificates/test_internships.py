"""Internship certificates (frivilligbeviser): issued when a placement's hours are confirmed."""

from io import BytesIO

import pytest
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
    placement, coordinator, admin = agreed_placement

    confirm(placement, admin, django_capture_on_commit_callbacks)

    certificates = Certificate.objects.filter(kind=CertificateKind.INTERNSHIP).order_by("pk")
    assert [c.holder_name for c in certificates] == ["Emma (8.B)", "Noah (8.C)"]
    for certificate in certificates:
        assert certificate.holder is None
        assert certificate.title == "Hjælper i klubhuset"
        assert certificate.snapshot["hours"] == 12
        assert certificate.snapshot["issuer"] == placement.offer.association.name
        assert "Fjordskolen" in certificate.snapshot["description"]
        assert set(certificate.extra_viewers.all()) == {coordinator, admin}


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
