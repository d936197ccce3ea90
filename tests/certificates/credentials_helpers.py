"""Shared set-up for the Open Badges credential tests."""

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from django.test import override_settings
from django.utils import timezone

from certificates import services
from certificates.credentials import keys, multibase, proofs
from certificates.credentials.documents import CONTEXT
from certificates.models import Certificate
from tests.certificates.conftest import attend, finished_course
from tests.courses.factories import SignupFactory
from tests.schools.factories import OfferFactory, PlacementFactory, SchoolFactory


def new_key_pem() -> str:
    return keys.generate_pem().decode("ascii")


def issue_course_certificate(**user) -> Certificate:
    course = finished_course(
        title="Bestyrelsesarbejde for begyndere", summary="Roller, møder og regnskab."
    )
    user.setdefault("full_name", "Birthe Østergaard")
    signup = attend(SignupFactory(course=course, **{f"user__{k}": v for k, v in user.items()}))
    return services.issue_course_certificate(signup, notify=False, with_pdf=False)


def issue_internship_certificate() -> Certificate:
    offer = OfferFactory(title="Hjælper i klubhuset", tasks="Kaffe, kage og kampdage.")
    placement = PlacementFactory(offer=offer, school=SchoolFactory(), pupils=[("Emma", "8.B")])
    today = timezone.localdate()
    return services.issue_internship_certificate(
        source_key=f"placement:{placement.pk}:pupil:1",
        holder_name="Emma (8.B)",
        title=offer.title,
        issuer_name=offer.association.name,
        hours=12,
        start=today - timedelta(days=10),
        end=today - timedelta(days=3),
        description="Frivilligpraktik",
        placement=placement,
        with_pdf=False,
    )


def issue_transcript() -> Certificate:
    certificate = issue_course_certificate()
    return services.issue_transcript(certificate.holder)


def fetch_credential(client, certificate: Certificate) -> dict:
    response = client.get(certificate.get_credential_url())
    assert response.status_code == 200, response.content
    return json.loads(response.content)


@dataclass(frozen=True)
class KeyRotation:
    old_key: keys.PublishedKey
    old_credential: dict
    new_pem: str


@contextmanager
def key_rotation(client, certificate: Certificate) -> Iterator[KeyRotation]:
    """The certificate's credential fetched under one key, then, inside the block, a new key
    signs with the old one retired (still published)."""
    old_pem, new_pem = new_key_pem(), new_key_pem()
    with override_settings(CREDENTIAL_SIGNING_KEY=old_pem):
        old_key = keys.current_key()
        old_credential = fetch_credential(client, certificate)
    with override_settings(
        CREDENTIAL_SIGNING_KEY=new_pem, CREDENTIAL_RETIRED_KEYS=[old_key.multibase]
    ):
        yield KeyRotation(old_key, old_credential, new_pem)


def changed(document: dict, path: tuple, value) -> dict:
    """A deep copy with the value at `path` (keys and list indexes) replaced."""
    document = copy.deepcopy(document)
    target = document
    for step in path[:-1]:
        target = target[step]
    if value is REMOVE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


REMOVE = object()


# A fixed key, credential and time whose Ed25519 signature starts with a zero byte (about one
# signature in 256 does; Ed25519 signatures are deterministic, so this one always does). Its
# base58btc proofValue must keep that byte as a leading "1".
ZERO_BYTE_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
ZERO_BYTE_KEY_PEM = ZERO_BYTE_KEY.private_bytes(
    Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
).decode("ascii")
ZERO_BYTE_CREATED = datetime(2026, 3, 2, 9, 0, 22, tzinfo=UTC)


def zero_byte_signed_credential() -> dict:
    """Signed as did:web:testserver with ZERO_BYTE_KEY: its signature's first byte is 0."""
    document = {
        "@context": CONTEXT,
        "id": "http://testserver/bevis/open-badges/test/credential.json",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Konflikthåndtering i foreningen",
        "issuer": {"id": "did:web:testserver", "type": ["Profile"], "name": "Kalundborg Kommune"},
        "validFrom": "2026-03-02T09:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "http://testserver/bevis/open-badges/kursus/1.json",
                "type": ["Achievement"],
                "name": "Konflikthåndtering i foreningen",
                "criteria": {"narrative": "Deltog i kurset."},
            },
        },
    }
    method = "did:web:testserver#" + keys.public_multibase(ZERO_BYTE_KEY.public_key())
    signed = proofs.sign(
        document, ZERO_BYTE_KEY, verification_method=method, created=ZERO_BYTE_CREATED
    )
    assert multibase.decode(signed["proof"]["proofValue"])[0] == 0, "no longer a zero byte"
    return signed
