"""Qualifications on the competence transcript (snapshot, PDF, verification page) and on
Mine beviser: each with "gyldig til <dato>" or "udløbet <dato>"."""

import io
from datetime import timedelta

import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone

from certificates import services
from courses.models import QualificationKind
from courses.queries import add_months
from tests.certificates.conftest import attend, finished_course
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder():
    """Someone with a valid first aid (course two weeks ago) and a child-safeguarding course
    that ran out (40 months ago, valid 36)."""
    user = UserFactory(full_name="Birthe Østergaard")
    first_aid = QualificationKind.objects.create(
        name="Førstehjælp", name_en="First aid", validity_months=24
    )
    children = QualificationKind.objects.create(name="Børn og trivsel", validity_months=36)
    attend(
        SignupFactory(
            course=finished_course(title="Førstehjælp", qualification=first_aid), user=user
        )
    )
    old_day = timezone.localdate() - timedelta(days=40 * 31)
    old = CourseFactory(
        title="Børn og unge i foreningen", qualification=children, meetings__first_day=old_day
    )
    attend(SignupFactory(course=old, user=user))
    return user


def test_transcript_snapshot_lists_each_qualification_with_its_end_and_validity(holder):
    transcript = services.issue_transcript(holder)

    rows = [(q["name"], q["course"], q["valid"]) for q in transcript.snapshot["qualifications"]]
    assert rows == [
        ("Børn og trivsel", "Børn og unge i foreningen", False),
        ("Førstehjælp", "Førstehjælp", True),
    ]
    first_aid = transcript.snapshot["qualifications"][1]
    assert (
        first_aid["valid_until"]
        == add_months(timezone.localdate() - timedelta(days=7), 24).isoformat()
    )


@pytest.mark.usefixtures("needs_pdf")
def test_transcript_pdf_says_valid_until_and_expired(holder):
    transcript = services.issue_transcript(holder)

    with transcript.pdf.open("rb") as handle:
        reader = pypdf.PdfReader(io.BytesIO(handle.read()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    assert "Kvalifikationer" in text
    assert "gyldig til" in text
    assert "udløbet" in text


def test_verification_page_shows_the_transcripts_qualifications(client, holder):
    transcript = services.issue_transcript(holder)

    page = client.get(transcript.get_verification_url()).text

    assert "Kvalifikationer" in page
    assert "gyldig til" in page
    assert "udløbet" in page


def test_mine_beviser_lists_qualifications_with_their_validity(client, holder):
    client.force_login(holder)

    page = client.get(reverse("certificates:mine")).text

    assert "Førstehjælp" in page
    assert "gyldig til" in page
    assert "udløbet" in page


def test_english_transcript_names_the_qualifications_in_english(client, holder):
    holder.preferred_language = "en"
    holder.save(update_fields=["preferred_language"])

    transcript = services.issue_transcript(holder)

    assert [q["name"] for q in transcript.snapshot["qualifications"]] == [
        "Børn og trivsel",
        "First aid",
    ]


def test_the_demo_volunteer_has_a_transcript_with_her_qualifications(client, demo_site):
    from certificates.models import Certificate, CertificateKind

    transcript = Certificate.objects.get(
        holder__email="frivillig@frivilligloeft.test", kind=CertificateKind.TRANSCRIPT
    )

    page = client.get(transcript.get_verification_url()).text

    assert [q["name"] for q in transcript.snapshot["qualifications"]] == [
        "Børn og unge: trivsel og børneattest",
        "Førstehjælp",
    ]
    assert page.count("gyldig til") == 2
