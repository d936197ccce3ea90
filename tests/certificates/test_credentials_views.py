"""Where people get and check Open Badges: Mine beviser, /bevis/<code>/, the PDF, the
achievements, /bevis/verificer/ (Danish and English), and the demo volunteer's first run."""

import json
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from certificates import services
from certificates.credentials.verification import Outcome, verify_credential
from certificates.models import Certificate
from tests.certificates.credentials_helpers import (
    changed,
    fetch_credential,
    issue_course_certificate,
    issue_internship_certificate,
)
from tests.factories import UserFactory
from tests.schools.factories import school_coordinator

pytestmark = pytest.mark.django_db


def test_mine_beviser_offers_the_open_badge_next_to_the_pdf(client):
    certificate = issue_course_certificate()
    client.force_login(certificate.holder)

    response = client.get("/mine-sider/beviser/")

    assert response.status_code == 200
    assert f'action="/mine-sider/beviser/{certificate.pk}/open-badge.json"' in response.text
    assert "Hent som Open Badge" in response.text
    assert 'name="navn" value="1"' in response.text


def test_the_holder_downloads_the_badge_with_or_without_their_name(client):
    certificate = issue_course_certificate()
    client.force_login(certificate.holder)
    url = f"/mine-sider/beviser/{certificate.pk}/open-badge.json"

    plain = client.get(url)
    named = client.get(url + "?navn=1")

    assert plain["Content-Disposition"] == (
        f'attachment; filename="Open Badge {certificate.display_code}.json"'
    )
    assert plain["Content-Type"] == "application/ld+json"
    assert "Birthe" not in plain.text
    identifiers = json.loads(named.content)["credentialSubject"]["identifier"]
    assert identifiers[-1] == {
        "type": "IdentityObject",
        "identityType": "name",
        "hashed": False,
        "identityHash": "Birthe Østergaard",
    }
    assert verify_credential(json.loads(named.content)).outcome == Outcome.VALID


def test_only_those_who_may_download_the_pdf_get_the_badge(client):
    certificate = issue_course_certificate()
    url = f"/mine-sider/beviser/{certificate.pk}/open-badge.json"

    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(certificate.holder)
    services.revoke_certificate(certificate, reason="Fejl")
    assert client.get(url).status_code == 404


def test_the_pupils_school_coordinator_downloads_the_internship_badge_without_a_name(client):
    certificate = issue_internship_certificate()
    coordinator = school_coordinator(certificate.source_placement.school)
    client.force_login(coordinator)

    response = client.get(f"/mine-sider/beviser/{certificate.pk}/open-badge.json?navn=1")

    assert response.status_code == 200
    assert "Emma" not in response.text
    client.force_login(UserFactory())
    assert client.get(f"/mine-sider/beviser/{certificate.pk}/open-badge.json").status_code == 404


def test_the_verification_page_links_the_credential_and_explains_how_to_check_it(client):
    certificate = issue_course_certificate()

    response = client.get(certificate.get_verification_url())

    url = f"/bevis/{certificate.display_code}/credential.json"
    assert f'<link rel="alternate" type="application/ld+json" href="{url}"' in response.text
    assert f'<a href="{url}" type="application/ld+json">' in response.text
    assert 'href="/.well-known/did.json"' in response.text
    assert 'href="/bevis/verificer/"' in response.text


@pytest.mark.usefixtures("needs_pdf")
def test_the_pdf_carries_the_credentials_url(client):
    certificate = issue_course_certificate()
    client.force_login(certificate.holder)

    response = client.get(certificate.get_download_url())

    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert f"/bevis/{certificate.display_code}/credential.json" in text.replace("\n", "")


def test_a_courses_achievement_is_published_as_json_ld(client):
    certificate = issue_course_certificate()
    course = certificate.source_signup.course

    response = client.get(f"/bevis/open-badges/kursus/{course.pk}.json")
    english = client.get(f"/en/bevis/open-badges/kursus/{course.pk}.json")

    achievement = json.loads(response.content)
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert achievement["id"] == f"http://testserver/bevis/open-badges/kursus/{course.pk}.json"
    assert achievement["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert achievement["criteria"]["narrative"].startswith("Deltog i kurset")
    assert json.loads(english.content)["criteria"]["narrative"].startswith("Took part")
    # The credential embeds the same achievement under the same id.
    credential = fetch_credential(client, certificate)
    assert credential["credentialSubject"]["achievement"]["id"] == achievement["id"]


def test_a_course_that_cannot_be_earned_has_no_achievement(client):
    from tests.certificates.conftest import finished_course

    draft = finished_course(issues_certificate=True, status="draft")
    no_certificates = finished_course(issues_certificate=False)

    assert client.get(f"/bevis/open-badges/kursus/{draft.pk}.json").status_code == 404
    assert client.get(f"/bevis/open-badges/kursus/{no_certificates.pk}.json").status_code == 404


def test_the_issuer_profile_and_the_transcript_and_offer_achievements_are_published(client):
    certificate = issue_internship_certificate()
    offer = certificate.source_placement.offer

    profile = json.loads(client.get("/bevis/open-badges/udsteder.json").content)
    transcript = client.get("/bevis/open-badges/kompetencebevis.json")
    internship = json.loads(client.get(f"/bevis/open-badges/praktik/{offer.pk}.json").content)

    assert profile["id"] == "did:web:testserver"
    assert profile["type"] == ["Profile"]
    assert profile["image"]["id"].startswith("http://testserver/static/")
    assert transcript.status_code == 200
    assert internship["creator"]["name"] == offer.association.name


def test_the_verifier_says_valid_for_an_uploaded_credential(client):
    credential = fetch_credential(client, issue_course_certificate())
    upload = SimpleUploadedFile("badge.json", json.dumps(credential).encode(), "application/json")

    response = client.post("/bevis/verificer/", {"file": upload})

    assert response.status_code == 200
    assert "<strong>Gyldigt</strong>" in response.text
    assert "Bestyrelsesarbejde for begyndere" in response.text


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("", "Ikke gyldigt: ændret"), ("/en", "Not valid: changed")],
    ids=["da", "en"],
)
def test_the_verifier_says_changed_in_both_languages(client, prefix, expected):
    credential = fetch_credential(client, issue_course_certificate())
    tampered = changed(credential, ("validFrom",), "2019-01-01T00:00:00Z")

    response = client.post(f"{prefix}/bevis/verificer/", {"text": json.dumps(tampered)})

    assert response.status_code == 200
    assert f"<strong>{expected}</strong>" in response.text


def test_the_verifier_says_revoked_and_another_issuer(client):
    certificate = issue_course_certificate()
    credential = fetch_credential(client, certificate)
    services.revoke_certificate(certificate, reason="Fejl")
    foreign = changed(credential, ("issuer", "id"), "did:web:example.org")

    revoked = client.post("/en/bevis/verificer/", {"text": json.dumps(credential)})
    theirs = client.post("/en/bevis/verificer/", {"text": json.dumps(foreign)})

    assert "<strong>Revoked</strong>" in revoked.text
    assert "<strong>Not issued by Frivilligløft</strong>" in theirs.text


@pytest.mark.parametrize(
    "data",
    [
        {"file": SimpleUploadedFile("x.json", b"\xff\xfe\x00garbage", "application/json")},
        {"text": "{ not json"},
        {"text": "[" * 5000},
        {},
    ],
    ids=["binary file", "broken JSON", "deep nesting", "nothing"],
)
def test_the_verifier_answers_garbage_with_a_form_error_not_a_500(client, data):
    response = client.post("/bevis/verificer/", data)

    assert response.status_code == 400
    assert 'class="errorlist' in response.text


def test_the_verifier_says_not_a_credential_for_other_json(client):
    response = client.post("/bevis/verificer/", {"text": json.dumps({"hej": "verden"})})

    assert response.status_code == 400
    assert "<strong>Ikke et Open Badge</strong>" in response.text


def test_seed_demos_volunteer_downloads_a_valid_credential(client, demo_site):
    volunteer = Certificate.objects.filter(holder__email="frivillig@frivilligloeft.test").first()
    assert client.login(email="frivillig@frivilligloeft.test", password="frivillig-demo-2026")

    response = client.get(f"/mine-sider/beviser/{volunteer.pk}/open-badge.json")

    assert response.status_code == 200
    credential = json.loads(response.content)
    assert verify_credential(credential).outcome == Outcome.VALID
    assert credential["issuer"]["name"] == "Kalundborg Kommune"
    assert credential["issuer"]["email"] == "frivillighed@frivilligloeft.test"
