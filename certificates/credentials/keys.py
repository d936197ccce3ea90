"""The issuer's identity and keys.

The issuer is `did:web:<host of SITE_URL>`; its DID document (/.well-known/did.json) lists
every published key as a `Multikey`, each named by its own multibase public key
(`did:web:host#z6Mk…`), all of them under `assertionMethod`.

The private key never touches the database or the repository. In order:

1. `CREDENTIAL_SIGNING_KEY`: the key itself, PEM (PKCS #8), e.g. from a secret store;
2. `CREDENTIAL_SIGNING_KEY_FILE`: a path to that PEM file (readable by the site only);
3. in development and tests (`CREDENTIAL_SIGNING_KEY_GENERATE`), a key made on first use in
   `VAR_DIR/credential-signing-key.pem`.

Rotation: make a new key (`manage.py credential_keys generate PATH`), add the old public key
(`manage.py credential_keys show`) to `CREDENTIAL_RETIRED_KEYS` and point the settings at the
new key. Retired keys stay in the DID document, so credentials signed with them keep verifying;
new ones are signed with the new key. See docs/operations.md.
"""

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

from certificates.credentials import multibase

# The multicodec prefix of an Ed25519 public key (0xed, as an unsigned varint).
ED25519_PUB_PREFIX = b"\xed\x01"
DEV_KEY_NAME = "credential-signing-key.pem"


class SigningKeyMissing(ImproperlyConfigured):
    """No signing key is configured (production without CREDENTIAL_SIGNING_KEY[_FILE])."""


@dataclass(frozen=True)
class PublishedKey:
    multibase: str
    public_key: Ed25519PublicKey

    @property
    def verification_method(self) -> str:
        return f"{issuer_did()}#{self.multibase}"


def public_multibase(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return multibase.encode_base58btc(ED25519_PUB_PREFIX + raw)


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    """Raises ValueError for anything but a base58btc multibase Ed25519 public key."""
    if not isinstance(value, str) or not value.startswith("z"):
        raise ValueError("not a base58btc multibase value")
    data = multibase.decode(value)
    if len(data) != 34 or not data.startswith(ED25519_PUB_PREFIX):
        raise ValueError("not an Ed25519 public key")
    return Ed25519PublicKey.from_public_bytes(data[2:])


def issuer_did() -> str:
    """did:web of the site's host (a port is percent-encoded, as did:web requires)."""
    parts = urlsplit(settings.SITE_URL)
    return "did:web:" + quote(parts.netloc, safe="")


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _load_pem(data: bytes, origin: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(f"{origin} is not an unencrypted PEM private key") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{origin} is not an Ed25519 key")
    return key


def generate_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def write_new_key(path: Path) -> Ed25519PrivateKey:
    """A new key in a file only its owner may read; an existing file is never overwritten."""
    pem = generate_pem()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return _load_pem(pem, str(path))


def _development_key() -> Ed25519PrivateKey:
    path = Path(settings.VAR_DIR) / DEV_KEY_NAME
    try:
        return write_new_key(path)
    except FileExistsError:
        return _load_pem(path.read_bytes(), str(path))


@cache
def signing_key() -> Ed25519PrivateKey:
    pem = getattr(settings, "CREDENTIAL_SIGNING_KEY", "")
    if pem:
        return _load_pem(pem.encode("utf-8"), "CREDENTIAL_SIGNING_KEY")
    path = getattr(settings, "CREDENTIAL_SIGNING_KEY_FILE", "")
    if path:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise ImproperlyConfigured(f"CREDENTIAL_SIGNING_KEY_FILE: {error}") from error
        return _load_pem(data, path)
    if getattr(settings, "CREDENTIAL_SIGNING_KEY_GENERATE", False):
        return _development_key()
    raise SigningKeyMissing(
        "Set CREDENTIAL_SIGNING_KEY or CREDENTIAL_SIGNING_KEY_FILE to sign Open Badges."
    )


def current_key() -> PublishedKey:
    public = signing_key().public_key()
    return PublishedKey(public_multibase(public), public)


@cache
def retired_keys() -> tuple[PublishedKey, ...]:
    keys = []
    for value in getattr(settings, "CREDENTIAL_RETIRED_KEYS", []):
        try:
            keys.append(PublishedKey(value, public_key_from_multibase(value)))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"CREDENTIAL_RETIRED_KEYS: {value!r} is not a multibase Ed25519 public key"
            ) from error
    return tuple(keys)


def published_keys() -> list[PublishedKey]:
    """The current key first, then every retired one (each once)."""
    keys = [current_key()]
    for key in retired_keys():
        if key.multibase not in {k.multibase for k in keys}:
            keys.append(key)
    return keys


def key_for_verification_method(verification_method: str) -> PublishedKey | None:
    return next((k for k in published_keys() if k.verification_method == verification_method), None)


@receiver(setting_changed)
def _forget_keys(*, setting, **kwargs):
    if setting.startswith("CREDENTIAL_") or setting in ("VAR_DIR", "SITE_URL"):
        signing_key.cache_clear()
        retired_keys.cache_clear()
