"""Certificates in "download my data" and account deletion."""

import json

import pytest

from accounts import services as account_services
from certificates import services
from certificates.models import Certificate
from tests.certificates.conftest import attend
from tests.courses.factories import SignupFactory

pytestmark = pytest.mark.django_db


def test_export_has_my_certificates_and_nobody_elses(client, completed, course):
    mine = services.issue_course_certificate(completed)
    services.issue_course_certificate(
        attend(SignupFactory(course=course, user__full_name="Ole Ikke-Mig"))
    )
    client.force_login(completed.user)

    data = json.loads(client.get("/mine-sider/dine-data/eksport.json").content)

    (exported,) = data["certificates"]["certificates"]
    assert exported["code"] == mine.display_code
    assert exported["printed"]["holder_name"] == "Birthe Østergaard"
    assert "Ikke-Mig" not in json.dumps(data["certificates"])


def test_deleting_my_account_deletes_my_certificates_and_their_pdfs(completed):
    certificate = services.issue_course_certificate(completed)
    storage, name = certificate.pdf.storage, certificate.pdf.name
    assert storage.exists(name)

    account_services.delete_account(completed.user)

    assert not Certificate.objects.exists()
    assert not storage.exists(name)
