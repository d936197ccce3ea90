"""Secret link tokens (personal calendar feeds, network invitations, course evaluations).

A token is 256 random bits from `secrets` (43 URL-safe characters). Only its SHA-256 hash is
stored: a leaked database gives no working link. A request is matched by the hash, and a
match can be re-checked in constant time with `token_matches`.
"""

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32  # 256 bits
TOKEN_LENGTH = 43  # len(secrets.token_urlsafe(32))


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The 64 hex characters stored instead of the token."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(token: str, digest: str) -> bool:
    return hmac.compare_digest(hash_token(token), digest)
