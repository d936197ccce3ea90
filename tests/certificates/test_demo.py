import io
import logging

import pytest
from django.core.management import call_command

from certificates.models import Certificate, CertificateSettings

pytestmark = pytest.mark.django_db

VOLUNTEER = "frivillig@frivilligloeft.test"


def test_seed_demo_gives_the_demo_volunteer_a_certificate_and_is_idempotent(demo_site):
    count = Certificate.objects.count()
    call_command("seed_demo", stdout=io.StringIO())

    assert Certificate.objects.count() == count
    assert Certificate.objects.filter(holder__email=VOLUNTEER, kind="course").exists()
    assert CertificateSettings.objects.get().signer_name == "Lene Dalgaard"
    # The demo schools' completed internships have their pupils' certificates.
    assert Certificate.objects.filter(kind="internship", holder=None).exists()


def test_seed_demo_without_weasyprint_logs_and_skips_pdfs(monkeypatch, caplog):
    monkeypatch.setattr("certificates.demo.pdf_available", lambda: False)
    with caplog.at_level(logging.WARNING, logger="certificates.demo"):
        call_command("seed_demo", stdout=io.StringIO())

    assert "PDFs skipped" in caplog.text
    assert not Certificate.objects.exclude(pdf="").exists()
