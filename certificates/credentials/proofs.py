"""Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C VC Data Integrity EdDSA
Cryptosuites v1.0, §3.3): the hash of the canonical proof options followed by the hash of the
canonical document, signed with Ed25519; the signature is the multibase (base58btc)
`proofValue`.

Why Data Integrity and not VC-JWT: the credential stays a readable JSON-LD document with its
proof inside, which Open Badges 3.0 wallets and verifiers (the 1EdTech validator, Digital
Bazaar's and the Digital Credentials Consortium's libraries, the Learner Credential Wallet)
verify directly, and holders can open and read what they hold. VC-JWT would avoid
canonicalization but wraps the credential in an opaque token.
"""

import hashlib
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from certificates.credentials import multibase
from certificates.credentials.jsonld import CanonicalizationError, canonicalize

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
PURPOSE = "assertionMethod"


class ProofError(Exception):
    """The proof is missing, not ours to check, or does not match the document."""


def iso_datetime(value: datetime) -> str:
    return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _hash_data(document: dict, options: dict) -> bytes:
    unsigned = {key: value for key, value in document.items() if key != "proof"}
    config = {**options, "@context": unsigned.get("@context")}
    return (
        hashlib.sha256(canonicalize(config).encode("utf-8")).digest()
        + hashlib.sha256(canonicalize(unsigned).encode("utf-8")).digest()
    )


def sign(
    document: dict, private_key: Ed25519PrivateKey, *, verification_method: str, created: datetime
) -> dict:
    """The document with a `proof` made now (`created` says when the content was issued)."""
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": iso_datetime(created),
        "verificationMethod": verification_method,
        "proofPurpose": PURPOSE,
    }
    signature = private_key.sign(_hash_data(document, options))
    proof_value = multibase.encode_base58btc(signature)
    unsigned = {key: value for key, value in document.items() if key != "proof"}
    return {**unsigned, "proof": {**options, "proofValue": proof_value}}


def proof_of(document: dict) -> dict:
    """The document's one eddsa-rdfc-2022 proof, or ProofError."""
    proof = document.get("proof")
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    if not isinstance(proof, dict):
        raise ProofError("no single proof")
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError("not an eddsa-rdfc-2022 Data Integrity proof")
    if proof.get("proofPurpose") != PURPOSE:
        raise ProofError("not an assertion proof")
    if not isinstance(proof.get("verificationMethod"), str):
        raise ProofError("no verification method")
    return proof


def verify(document: dict, public_key: Ed25519PublicKey) -> None:
    """Raises ProofError unless the document's proof was made by `public_key` over exactly
    this content."""
    proof = proof_of(document)
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        raise ProofError("proofValue is not base58btc multibase")
    try:
        signature = multibase.decode(value)
    except ValueError as error:
        raise ProofError("proofValue is not multibase") from error
    options = {key: item for key, item in proof.items() if key not in ("proofValue", "@context")}
    try:
        public_key.verify(signature, _hash_data(document, options))
    except CanonicalizationError as error:
        raise ProofError(f"cannot canonicalize: {error}") from error
    except InvalidSignature as error:
        raise ProofError("the signature does not match the content") from error
