"""Certificate services log who did what in Wagtail's history (issue 19)."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from certificates import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_issuing_and_revoking_are_logged_and_shown_in_the_history(completed, client):
    organiser, staff = UserFactory(), UserFactory(is_staff=True, is_superuser=True)
    certificate = services.issue_course_certificate(completed, by=organiser, with_pdf=False)
    services.revoke_certificate(certificate, reason="Fejl i fremmøde", by=staff)
    revoked, created = ModelLogEntry.objects.for_instance(certificate)
    assert (created.action, created.user_id) == ("wagtail.create", organiser.pk)
    assert (revoked.action, revoked.user_id) == ("frivilligloeft.certificates.revoked", staff.pk)
    assert revoked.data == {"reason": "Fejl i fremmøde"}

    client.force_login(staff)
    response = client.get(reverse("certificates_admin:history", args=[certificate.pk]))
    assert response.status_code == 200
    assert "Fejl i fremmøde" in response.content.decode()


def test_a_refused_certificate_writes_no_entry(not_completed):
    with pytest.raises(services.CertificateError):
        services.issue_single_course_certificate(not_completed, by=UserFactory())
    assert not ModelLogEntry.objects.filter(action="wagtail.create").exists()
