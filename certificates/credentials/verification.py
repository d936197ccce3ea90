"""The site's own verifier (/bevis/verificer/): is this credential one we issued, unchanged,
and not revoked?

It checks, in order: that the document is a credential with one eddsa-rdfc-2022 proof; that
the issuer is us and the proof's key is one we publish (current or retired) — anything else is
"another issuer", which we cannot vouch for; that the signature matches every claim
("tampered" otherwise); and the bit in our status list ("revoked"). Other verifiers do the
same with our DID document and status list; this one reads the status from the database.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates import codes
from certificates.credentials import keys, proofs, status_list
from certificates.credentials.jsonld import CREDENTIALS_V2
from certificates.models import Certificate

# The names Open Badges 3.0 gives its credential (a status list credential is not one).
OPEN_BADGE_TYPES = {"OpenBadgeCredential", "AchievementCredential"}


class Outcome(TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    TAMPERED = "tampered", _("Changed after it was signed")
    UNKNOWN_ISSUER = "unknown_issuer", _("Not issued by us")
    NOT_A_CREDENTIAL = "not_a_credential", _("Not a credential")


@dataclass
class Verification:
    outcome: str
    credential: dict = field(default_factory=dict)
    certificate: Certificate | None = None

    @property
    def is_valid(self) -> bool:
        return self.outcome == Outcome.VALID

    @property
    def facts(self) -> dict:
        """What a valid or revoked credential says, for the result page."""
        subject = self.credential.get("credentialSubject") or {}
        achievement = subject.get("achievement") or {}
        issuer = self.credential.get("issuer") or {}
        names = [
            identifier.get("identityHash")
            for identifier in subject.get("identifier") or []
            if isinstance(identifier, dict)
            and identifier.get("identityType") == "name"
            and identifier.get("hashed") is False
        ]
        return {
            "name": self.credential.get("name") or achievement.get("name"),
            "achievement": achievement.get("name"),
            "issuer": issuer.get("name") if isinstance(issuer, dict) else None,
            "valid_from": _parse_datetime(self.credential.get("validFrom")),
            "holder_name": names[0] if names else None,
            "hashed_email": any(
                isinstance(identifier, dict) and identifier.get("identityType") == "emailAddress"
                for identifier in subject.get("identifier") or []
            ),
        }


def _parse_datetime(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _issuer_id(credential: dict):
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def _status_index(credential: dict) -> int | None:
    """The list index our status entry names, if the entry is ours."""
    entry = credential.get("credentialStatus")
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
        return None
    url = entry.get("statusListCredential")
    try:
        position = int(entry.get("statusListIndex"))
    except (TypeError, ValueError):
        return None
    if not 0 <= position < status_list.LIST_SIZE:
        return None
    for number in range(0, 1 + status_list.last_list_number()):
        if url == status_list.list_url(number):
            return number * status_list.LIST_SIZE + position
    return None


def _certificate(credential: dict, index: int | None) -> Certificate | None:
    if index is None:
        return None
    certificate = Certificate.objects.filter(status_index=index).first()
    if certificate is None:
        return None
    # The credential's id names the certificate's code: both must agree.
    url = credential.get("id")
    code = url.rstrip("/").split("/")[-2] if isinstance(url, str) and url.count("/") > 3 else ""
    return certificate if codes.normalise(code) == certificate.code else None


def verify_credential(credential) -> Verification:
    if not isinstance(credential, dict):
        return Verification(Outcome.NOT_A_CREDENTIAL)
    context = credential.get("@context")
    types = credential.get("type")
    if (
        not isinstance(context, list)
        or not context
        or context[0] != CREDENTIALS_V2
        or not isinstance(types, list)
        or "VerifiableCredential" not in types
        or not OPEN_BADGE_TYPES.intersection(t for t in types if isinstance(t, str))
    ):
        return Verification(Outcome.NOT_A_CREDENTIAL, credential)
    try:
        proof = proofs.proof_of(credential)
    except proofs.ProofError:
        return Verification(Outcome.NOT_A_CREDENTIAL, credential)
    key = keys.key_for_verification_method(proof["verificationMethod"])
    if _issuer_id(credential) != keys.issuer_did() or key is None:
        return Verification(Outcome.UNKNOWN_ISSUER, credential)
    try:
        proofs.verify(credential, key.public_key)
    except proofs.ProofError:
        return Verification(Outcome.TAMPERED, credential)
    index = _status_index(credential)
    certificate = _certificate(credential, index)
    valid_from = _parse_datetime(credential.get("validFrom"))
    if index is None or certificate is None or valid_from is None:
        # Signed by us but naming no certificate of ours: we never issue such a thing.
        return Verification(Outcome.TAMPERED, credential)
    if certificate.is_revoked:
        return Verification(Outcome.REVOKED, credential, certificate)
    if valid_from > timezone.now():
        return Verification(Outcome.TAMPERED, credential, certificate)
    return Verification(Outcome.VALID, credential, certificate)
