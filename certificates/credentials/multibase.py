"""The two multibase encodings Open Badges credentials use: base58btc (`z…`: public keys and
proof values) and base64url without padding (`u…`: the status list).

base58btc keeps every leading zero byte as a leading "1", as Bitcoin's base58 does. (The
py-multibase package we used before dropped them: about one Ed25519 signature in 256 starts
with a zero byte, and those proofs did not verify anywhere.)
"""

import base64
import binascii
import re

import base58

BASE58BTC = "z"
BASE64URL = "u"
_BASE64URL_BODY = re.compile(r"[A-Za-z0-9_-]*")


def encode_base58btc(data: bytes) -> str:
    return BASE58BTC + base58.b58encode(data).decode("ascii")


def encode_base64url(data: bytes) -> str:
    return BASE64URL + base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def decode(value: str) -> bytes:
    """The bytes of a base58btc or base64url multibase value; ValueError for anything else."""
    if not isinstance(value, str) or not value:
        raise ValueError("not a multibase value")
    prefix, body = value[0], value[1:]
    if prefix == BASE58BTC:
        try:
            return base58.b58decode(body.encode("ascii"))
        except ValueError as error:  # a character outside the alphabet
            raise ValueError("not base58btc") from error
    if prefix == BASE64URL and _BASE64URL_BODY.fullmatch(body):
        try:
            return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        except binascii.Error as error:  # a length no encoding gives
            raise ValueError("not base64url") from error
    raise ValueError("not a base58btc or base64url multibase value")
