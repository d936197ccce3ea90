"""An independent verifier we did not write accepts our credentials: Digital Bazaar's
@digitalbazaar/vc with the eddsa-rdfc-2022 cryptosuite and the Bitstring Status List checker,
run under Node (tests/tools/verify-credential.mjs). It gets the JSON-LD contexts from the npm
context packages and, as a verifier on the internet would fetch them, the site's DID document
and status list credential as the site serves them.

Without Node or the npm packages the tests skip, unless FRIVILLIGLOEFT_REQUIRE_VC_VERIFIER=1
(CI) makes that a failure.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from django.test import override_settings
from django.utils import timezone

from certificates import services
from certificates.credentials import keys, proofs
from tests.certificates.credentials_helpers import (
    ZERO_BYTE_KEY_PEM,
    changed,
    fetch_credential,
    issue_course_certificate,
    issue_internship_certificate,
    issue_transcript,
    key_rotation,
    zero_byte_signed_credential,
)

pytestmark = pytest.mark.django_db

TOOLS = Path(__file__).resolve().parent.parent / "tools"
SCRIPT = TOOLS / "verify-credential.mjs"
REQUIRED = os.environ.get("FRIVILLIGLOEFT_REQUIRE_VC_VERIFIER") == "1"


@pytest.fixture
def node():
    node = shutil.which("node")
    problem = None
    if node is None:
        problem = "Node is not installed"
    elif not (TOOLS / "node_modules" / "@digitalbazaar" / "vc").is_dir():
        problem = "npm packages missing: make install-test-tools"
    if problem:
        if REQUIRED:
            pytest.fail(f"FRIVILLIGLOEFT_REQUIRE_VC_VERIFIER=1 but {problem}")
        pytest.skip(problem)
    return node


def verify_independently(node, tmp_path, client, credentials) -> list[dict]:
    documents = {"http://testserver/.well-known/did.json": _get(client, "/.well-known/did.json")}
    for credential in credentials:
        if "credentialStatus" in credential:
            url = credential["credentialStatus"]["statusListCredential"]
            documents[url] = _get(client, url)
    path = tmp_path / "input.json"
    path.write_text(json.dumps({"credentials": credentials, "documents": documents}))
    completed = subprocess.run(  # noqa: S603 - our own script, no shell
        [node, str(SCRIPT), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return json.loads(response.content)


def test_digital_bazaars_verifier_accepts_every_kind_and_sees_revocation_and_tampering(
    node, tmp_path, client
):
    course = issue_course_certificate()
    internship = issue_internship_certificate()
    transcript = issue_transcript()
    revoked = issue_course_certificate(email="revoked@example.org")
    services.revoke_certificate(revoked, reason="Fejl i fremmødet")
    valid = [fetch_credential(client, c) for c in (course, internship, transcript)]
    revoked_credential = fetch_credential(client, revoked)
    tampered = changed(valid[0], ("credentialSubject", "achievement", "name"), "Noget andet")
    foreign = proofs.sign(
        valid[0],
        load_pem_private_key(keys.generate_pem(), password=None),
        verification_method=valid[0]["proof"]["verificationMethod"],
        created=timezone.now(),
    )

    results = verify_independently(
        node, tmp_path, client, [*valid, revoked_credential, tampered, foreign]
    )

    assert [(r["verified"], r["status"]) for r in results] == [
        (True, False),  # course certificate, not revoked
        (True, False),  # internship certificate
        (True, False),  # competence transcript
        (True, True),  # signed and untouched, and its status bit says revoked
        (False, None),  # a claim changed
        (False, None),  # signed with a key that is not ours
    ], results


def test_digital_bazaars_verifier_accepts_old_credentials_after_a_key_rotation(
    node, tmp_path, client
):
    certificate = issue_course_certificate()
    with key_rotation(client, certificate) as rotation:
        new_credential = fetch_credential(client, certificate)
        results = verify_independently(
            node, tmp_path, client, [rotation.old_credential, new_credential]
        )
    with override_settings(CREDENTIAL_SIGNING_KEY=rotation.new_pem):
        dropped = verify_independently(node, tmp_path, client, [rotation.old_credential])

    assert [(r["verified"], r["status"]) for r in results] == [
        (True, False),
        (True, False),
    ], results
    assert dropped[0]["verified"] is False, dropped


@override_settings(CREDENTIAL_SIGNING_KEY=ZERO_BYTE_KEY_PEM)
def test_digital_bazaars_verifier_accepts_a_signature_that_starts_with_a_zero_byte(
    node, tmp_path, client
):
    results = verify_independently(node, tmp_path, client, [zero_byte_signed_credential()])

    assert results == [{"verified": True, "status": None, "error": None}], results
