"""Certificates in "download my data" and account deletion."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from accounts import services as account_services
from certificates import services
from certificates.templatetags.certificate_tags import date_span
from courses.models import Course
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


@pytest.mark.usefixtures("needs_pdf")
def test_deleting_my_account_keeps_my_certificates_verifiable_without_my_name(
    client, completed, settings, django_capture_on_commit_callbacks
):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 30
    certificate = services.issue_course_certificate(completed)
    storage, name = certificate.pdf.storage, certificate.pdf.name
    url = certificate.get_verification_url()
    client.get(url)
    assert "Birthe Østergaard" in client.get(url).content.decode()  # and now in the page cache

    with django_capture_on_commit_callbacks(execute=True):
        account_services.delete_account(completed.user)

    certificate.refresh_from_db()
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Gyldigt" in html
    assert "har slettet sin konto" in html
    assert certificate.title in html
    assert "Østergaard" not in html
    assert "Østergaard" not in json.dumps(certificate.snapshot)
    assert (certificate.holder, certificate.holder_name) == (None, "")
    assert certificate.holder_erased_at is not None
    assert not storage.exists(name)


def test_a_deleted_holders_transcript_keeps_its_courses_but_not_their_networks(completed):
    from tests.networks.factories import MembershipFactory

    MembershipFactory(user=completed.user, network__name="Kassererne i Kalundborg")
    transcript = services.issue_transcript(completed.user)
    assert transcript.snapshot["networks"]

    account_services.delete_account(completed.user)

    transcript.refresh_from_db()
    assert "networks" not in transcript.snapshot
    assert "holder_name" not in transcript.snapshot
    assert transcript.snapshot["courses"]


def test_a_deleted_holders_certificate_page_still_names_course_dates_and_issuer(client, completed):
    certificate = services.issue_course_certificate(completed)
    issuer = certificate.snapshot["issuer"]

    account_services.delete_account(completed.user)

    html = client.get(certificate.get_verification_url()).content.decode()
    assert issuer
    assert f"<dd>{issuer}</dd>" in html
    assert f"<dd>Kursusbevis: {certificate.title}</dd>" in html
    when = date_span(certificate.snapshot["start"], certificate.snapshot["end"])
    assert f"<dd>{when}</dd>" in html


@pytest.fixture
def certificate_staff(client):
    from accounts.roles import Role
    from tests.factories import UserFactory

    person = UserFactory(roles=[Role.COURSE_ADMINISTRATOR])
    client.force_login(person)
    return person


def test_a_deleted_holders_certificate_is_not_reissued_nor_rendered_again_without_a_name(
    client, completed, certificate_staff
):
    certificate = services.issue_course_certificate(completed)
    account_services.delete_account(completed.user)
    url = reverse("certificates_admin:edit", args=[certificate.pk])

    page = client.get(url)
    reissue = client.post(url, {"action": "reissue"})
    download = client.get(certificate.get_download_url())

    assert page.status_code == 200
    assert "Konto slettet" in page.content.decode()
    assert certificate.get_download_url() not in page.content.decode()
    assert reissue.status_code == 400
    assert "har slettet sin konto" in reissue.content.decode()
    assert download.status_code == 404
    certificate.refresh_from_db()
    assert (certificate.reissued_at, certificate.pdf.name) == (None, "")
    with pytest.raises(services.CertificateError, match="har slettet sin konto"):
        services.reissue_certificate(certificate)


@pytest.mark.usefixtures("needs_pdf")
def test_the_organisers_zip_leaves_out_a_deleted_holders_certificate(client, course, completed):
    from tests.factories import UserFactory

    organiser = UserFactory()
    Course.organisers.through.objects.create(course=course, user=organiser)
    kept = services.issue_course_certificate(
        attend(SignupFactory(course=course, user__full_name="Karen Blixen-Test"))
    )
    services.issue_course_certificate(completed)
    account_services.delete_account(completed.user)
    client.force_login(organiser)

    response = client.get(reverse("certificates:zip", args=[course.slug]))

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.namelist() == [f"Karen Blixen-Test {kept.display_code}.pdf"]


def test_the_admin_list_says_the_account_was_deleted(client, completed, certificate_staff):
    certificate = services.issue_course_certificate(completed)
    account_services.delete_account(completed.user)

    html = client.get(reverse("certificates_admin:index")).content.decode()

    assert certificate.display_code in html
    assert "Konto slettet" in html
    assert "Birthe Østergaard" not in html  # the whole name: staff names are random
