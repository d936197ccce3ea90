"""Certificates as signed Open Badges 3.0 credentials: signing, tampering, revocation, other
keys, key rotation, deleted holders (certificates/credentials/)."""

import hashlib
import json

import pytest
from django.core import checks
from django.test import override_settings

from certificates import services
from certificates.credentials import documents, keys, multibase, proofs, status_list
from certificates.credentials.verification import Outcome, verify_credential
from certificates.models import Certificate
from certificates.personal_data import erase
from tests.certificates.credentials_helpers import (
    REMOVE,
    ZERO_BYTE_KEY,
    changed,
    fetch_credential,
    issue_course_certificate,
    issue_internship_certificate,
    issue_transcript,
    key_rotation,
    zero_byte_signed_credential,
)

pytestmark = pytest.mark.django_db


def test_a_course_credential_verifies_and_says_what_the_certificate_says(client):
    certificate = issue_course_certificate()

    credential = fetch_credential(client, certificate)
    result = verify_credential(credential)

    assert result.outcome == Outcome.VALID
    assert result.certificate == certificate
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["id"] == "did:web:testserver"
    assert credential["validFrom"] == proofs.iso_datetime(certificate.issued_at)
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["name"] == "Bestyrelsesarbejde for begyndere"
    assert achievement["tag"] == ["Bestyrelsesarbejde"]
    assert achievement["criteria"] == {
        "narrative": "Deltog i kurset og var med til mindst 80 % af de afholdte møder."
    }
    assert credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert credential["proof"]["verificationMethod"] == keys.current_key().verification_method


def test_the_holder_is_a_salted_hash_of_their_email_and_never_their_name(client):
    certificate = issue_course_certificate(email="Birthe@Example.org")

    credential = fetch_credential(client, certificate)

    salt = certificate.subject_salt
    assert credential["credentialSubject"]["identifier"] == [
        {
            "type": "IdentityObject",
            "identityType": "emailAddress",
            "hashed": True,
            "identityHash": "sha256$"
            + hashlib.sha256(f"birthe@example.org{salt}".encode()).hexdigest(),
            "salt": salt,
        }
    ]
    assert "Birthe" not in json.dumps(credential)


def test_the_same_certificate_gives_the_same_signed_bytes(client):
    certificate = issue_course_certificate()

    first = client.get(certificate.get_credential_url()).content
    # Signed again, not from the cache: Ed25519 and the issue time make it deterministic.
    documents.cache.clear()
    second = client.get(certificate.get_credential_url()).content

    assert first == second


CLAIMS = [
    (("name",), "Bestyrelsesarbejde for øvede"),
    (("validFrom",), "2020-01-01T00:00:00Z"),
    (("issuer", "name"), "Holbæk Kommune"),
    (("credentialSubject", "identifier", 0, "identityHash"), "sha256$" + "0" * 64),
    (("credentialSubject", "achievement", "name"), "Regnskab for kasserere"),
    (("credentialSubject", "achievement", "criteria", "narrative"), "Ingen krav."),
    (("credentialSubject", "achievement", "tag"), ["Bestyrelsesarbejde", "Ledelse"]),
    (("credentialSubject", "activityEndDate"), "2030-01-01T00:00:00+01:00"),
    (("credentialStatus", "statusListIndex"), "1"),
    (("credentialSubject", "achievement", "description"), REMOVE),
    (("credentialSubject", "narrative"), "Med udmærkelse"),
    (("holderNote",), "Tilføjet bagefter"),
]


@pytest.mark.parametrize(
    ("path", "value"), CLAIMS, ids=["/".join(map(str, path)) for path, _ in CLAIMS]
)
def test_changing_any_claim_breaks_the_proof(client, path, value):
    credential = fetch_credential(client, issue_course_certificate())

    tampered = changed(credential, path, value)

    with pytest.raises(proofs.ProofError):
        proofs.verify(tampered, keys.current_key().public_key)
    assert verify_credential(tampered).outcome == Outcome.TAMPERED


def test_a_revoked_certificates_bit_is_set_and_the_verifier_says_revoked(client):
    certificate = issue_course_certificate()
    credential = fetch_credential(client, certificate)
    index = certificate.status_index % status_list.LIST_SIZE
    list_url = credential["credentialStatus"]["statusListCredential"]

    before = json.loads(client.get(list_url).content)
    services.revoke_certificate(certificate, reason="Fejl i fremmøde")
    after = json.loads(client.get(list_url).content)

    encoded_before = before["credentialSubject"]["encodedList"]
    encoded_after = after["credentialSubject"]["encodedList"]
    assert status_list.is_set(status_list.decode(encoded_before), index) is False
    assert status_list.is_set(status_list.decode(encoded_after), index) is True
    # Signed by us, but a status list is not an Open Badge: the site's verifier says so.
    assert verify_credential(after).outcome == Outcome.NOT_A_CREDENTIAL
    proofs.verify(after, keys.current_key().public_key)
    assert verify_credential(credential).outcome == Outcome.REVOKED
    # The revoked certificate's credential is still served; its status says revoked.
    assert fetch_credential(client, certificate) == credential


def test_a_credential_signed_with_another_key_under_our_name_is_refused(client):
    credential = fetch_credential(client, issue_course_certificate())
    other = keys.generate_pem()
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    forged = proofs.sign(
        credential,
        load_pem_private_key(other, password=None),
        verification_method=credential["proof"]["verificationMethod"],
        created=documents.timezone.now(),
    )
    assert verify_credential(forged).outcome == Outcome.TAMPERED

    with override_settings(CREDENTIAL_SIGNING_KEY=other.decode()):
        # A key we do not publish: the method it names is not in our DID document.
        foreign = proofs.sign(
            credential,
            keys.signing_key(),
            verification_method=keys.current_key().verification_method,
            created=documents.timezone.now(),
        )
    assert verify_credential(foreign).outcome == Outcome.UNKNOWN_ISSUER


def test_a_credential_from_another_issuer_is_not_ours_to_vouch_for(client):
    credential = fetch_credential(client, issue_course_certificate())
    theirs = changed(credential, ("issuer", "id"), "did:web:holbaek.dk")

    assert verify_credential(theirs).outcome == Outcome.UNKNOWN_ISSUER


@pytest.mark.parametrize(
    "data", [b"", b"\x00", b"\x00\x00\x01\x02", b"\xff" * 64, bytes(range(64))]
)
def test_multibase_values_keep_every_byte_leading_zeros_too(data):
    assert multibase.decode(multibase.encode_base58btc(data)) == data
    assert multibase.decode(multibase.encode_base64url(data)) == data


def test_base58btc_writes_a_leading_zero_byte_as_a_one():
    assert multibase.encode_base58btc(b"\x00\x00\x01") == "z112"


@pytest.mark.parametrize("value", ["", "x123", "z0OIl", "zæ", "uab+c", "uab=", "ua", 7])
def test_anything_but_base58btc_or_base64url_is_refused(value):
    with pytest.raises(ValueError, match=r"^not "):
        multibase.decode(value)


def test_a_signature_that_starts_with_a_zero_byte_verifies():
    credential = zero_byte_signed_credential()

    assert credential["proof"]["proofValue"].startswith("z1")
    assert len(multibase.decode(credential["proof"]["proofValue"])) == 64
    proofs.verify(credential, ZERO_BYTE_KEY.public_key())


def test_old_credentials_verify_after_a_key_rotation(client):
    certificate = issue_course_certificate()
    with key_rotation(client, certificate) as rotation:
        did = json.loads(client.get("/.well-known/did.json").content)
        new_credential = fetch_credential(client, certificate)
        assert verify_credential(rotation.old_credential).outcome == Outcome.VALID
        assert verify_credential(new_credential).outcome == Outcome.VALID
        new_key = keys.current_key()

    old_key = rotation.old_key
    assert new_credential["proof"]["verificationMethod"] == new_key.verification_method
    assert did["assertionMethod"] == [new_key.verification_method, old_key.verification_method]
    assert [m["publicKeyMultibase"] for m in did["verificationMethod"]] == [
        new_key.multibase,
        old_key.multibase,
    ]
    # Retire a key without keeping it published and its credentials are no longer ours.
    with override_settings(CREDENTIAL_SIGNING_KEY=rotation.new_pem):
        assert verify_credential(rotation.old_credential).outcome == Outcome.UNKNOWN_ISSUER


def test_the_signing_key_comes_from_a_file_named_in_the_environment(tmp_path, client):
    path = tmp_path / "signing.pem"
    keys.write_new_key(path)

    with override_settings(CREDENTIAL_SIGNING_KEY_FILE=str(path)):
        credential = fetch_credential(client, issue_course_certificate())
        expected = keys.public_multibase(keys.signing_key().public_key())

    assert credential["proof"]["verificationMethod"] == f"did:web:testserver#{expected}"
    assert oct(path.stat().st_mode & 0o777) == "0o600"


@override_settings(CREDENTIAL_SIGNING_KEY_GENERATE=False)
def test_without_a_key_in_production_credentials_answer_503_not_500(client):
    certificate = issue_course_certificate()

    response = client.get(certificate.get_credential_url())

    assert response.status_code == 503
    assert client.get("/.well-known/did.json").status_code == 503


def test_without_a_key_the_sites_verifier_says_it_cannot_check_now_not_500(client):
    credential = fetch_credential(client, issue_course_certificate())

    with override_settings(CREDENTIAL_SIGNING_KEY_GENERATE=False):
        response = client.post("/en/bevis/verificer/", {"text": json.dumps(credential)})

    assert response.status_code == 503
    assert "Open Badges cannot be checked right now" in response.text


@pytest.mark.parametrize(
    ("settings_", "ids"),
    [
        ({"CREDENTIAL_SIGNING_KEY_GENERATE": False}, ["certificates.I001"]),
        ({"CREDENTIAL_SIGNING_KEY": "not a key"}, ["certificates.E001"]),
        ({"CREDENTIAL_SIGNING_KEY_FILE": "/nonexistent/key.pem"}, ["certificates.E001"]),
        ({"CREDENTIAL_RETIRED_KEYS": ["z6MkNotAKey"]}, ["certificates.E001"]),
        ({}, []),
    ],
    ids=["no key in production", "bad PEM", "missing file", "bad retired key", "development"],
)
def test_the_deploy_check_reports_the_signing_key(settings_, ids):
    with override_settings(**settings_):
        messages = checks.run_checks(include_deployment_checks=True, tags=["security"])

    assert [m.id for m in messages if m.id.startswith("certificates.")] == ids


def test_the_did_document_publishes_the_key_as_a_multikey(client):
    response = client.get("/.well-known/did.json")

    did = json.loads(response.content)
    key = keys.current_key()
    assert response["Content-Type"] == "application/did+ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert did == {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": "did:web:testserver",
        "verificationMethod": [
            {
                "id": f"did:web:testserver#{key.multibase}",
                "type": "Multikey",
                "controller": "did:web:testserver",
                "publicKeyMultibase": key.multibase,
            }
        ],
        "assertionMethod": [f"did:web:testserver#{key.multibase}"],
    }
    assert key.multibase.startswith("z6Mk")


@override_settings(SITE_URL="https://frivilligloeft.example.dk:8443")
def test_the_did_names_the_host_with_its_port_encoded():
    assert keys.issuer_did() == "did:web:frivilligloeft.example.dk%3A8443"


def test_a_deleted_holders_certificate_has_no_credential_but_their_copy_verifies(client):
    certificate = issue_course_certificate()
    kept_copy = fetch_credential(client, certificate)

    erase(certificate.holder)
    certificate.refresh_from_db()
    response = client.get(certificate.get_credential_url())
    page = client.get(certificate.get_verification_url())

    assert response.status_code == 410
    assert "birthe" not in response.content.decode().lower()
    assert certificate.subject_salt == ""
    assert verify_credential(kept_copy).outcome == Outcome.VALID
    assert b"credential.json" not in page.content
    with pytest.raises(documents.CredentialWithdrawn):
        documents.credential(certificate)


def test_an_internship_credential_identifies_the_pupil_by_a_hash_of_the_printed_name(client):
    certificate = issue_internship_certificate()

    credential = fetch_credential(client, certificate)

    salt = certificate.subject_salt
    assert credential["credentialSubject"]["identifier"] == [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": True,
            "identityHash": "sha256$" + hashlib.sha256(f"Emma (8.B){salt}".encode()).hexdigest(),
            "salt": salt,
        }
    ]
    achievement = credential["credentialSubject"]["achievement"]
    offer = certificate.source_placement.offer
    assert achievement["id"] == f"http://testserver/bevis/open-badges/praktik/{offer.pk}.json"
    assert achievement["creator"]["name"] == offer.association.name
    assert verify_credential(credential).outcome == Outcome.VALID


def test_a_transcript_is_one_credential_with_its_courses_as_evidence(client):
    transcript = issue_transcript()

    credential = fetch_credential(client, transcript)

    assert credential["credentialSubject"]["achievement"]["id"] == (
        "http://testserver/bevis/open-badges/kompetencebevis.json"
    )
    assert [e["name"] for e in credential["evidence"]] == ["Bestyrelsesarbejde for begyndere"]
    assert verify_credential(credential).outcome == Outcome.VALID


def test_unknown_codes_are_404(client):
    assert client.get("/bevis/ABCD-EFGH-JKMN-PQRS-T/credential.json").status_code == 404
    assert client.get("/bevis/not-a-code/credential.json").status_code == 404


def test_certificates_issued_before_credentials_get_their_index_on_first_use(client):
    certificate = issue_course_certificate()
    Certificate.objects.filter(pk=certificate.pk).update(status_index=None, subject_salt="")

    credential = fetch_credential(client, Certificate.objects.get(pk=certificate.pk))

    certificate.refresh_from_db()
    assert certificate.status_index is not None
    assert len(certificate.subject_salt) == 32
    assert credential["credentialStatus"]["statusListIndex"] == str(
        certificate.status_index % status_list.LIST_SIZE
    )
    assert verify_credential(credential).outcome == Outcome.VALID


def test_the_status_list_answers_304_to_its_etag(client):
    certificate = issue_course_certificate()
    url = status_list.list_url(certificate.status_index // status_list.LIST_SIZE)

    first = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    services.revoke_certificate(certificate, reason="Fejl")
    after = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert again.status_code == 304
    assert after.status_code == 200
    assert client.get(status_list.list_url(999)).status_code == 404
