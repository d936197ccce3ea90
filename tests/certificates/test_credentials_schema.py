"""Every kind of credential validates against the Open Badges 3.0 JSON Schema (vendored in
certificates/credentials/schema/, see its description for where it comes from)."""

import json
from pathlib import Path

import jsonschema_rs
import pytest

import certificates.credentials
from tests.certificates.credentials_helpers import (
    REMOVE,
    changed,
    fetch_credential,
    issue_course_certificate,
    issue_internship_certificate,
    issue_transcript,
)

pytestmark = pytest.mark.django_db

SCHEMA_PATH = (
    Path(certificates.credentials.__file__).parent
    / "schema"
    / "ob_v3p0_achievementcredential_schema.json"
)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema_rs.Draft201909Validator(schema, validate_formats=True)


ISSUERS = {
    "course": issue_course_certificate,
    "internship": issue_internship_certificate,
    "transcript": issue_transcript,
}


@pytest.mark.parametrize("kind", ISSUERS)
def test_the_credential_validates_against_the_open_badges_schema(client, validator, kind):
    credential = fetch_credential(client, ISSUERS[kind]())

    errors = [error.message for error in validator.iter_errors(credential)]

    assert errors == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("validFrom",), REMOVE),
        (("credentialSubject", "achievement", "criteria"), REMOVE),
        (("credentialSubject", "identifier", 0, "hashed"), "yes"),
        (("@context",), ["https://www.w3.org/ns/credentials/v2"]),
    ],
    ids=["no validFrom", "no criteria", "hashed not a boolean", "no Open Badges context"],
)
def test_the_schema_refuses_a_credential_that_breaks_the_specification(
    client, validator, path, value
):
    credential = fetch_credential(client, issue_course_certificate())

    assert validator.is_valid(changed(credential, path, value)) is False
