"""Revocation through a Bitstring Status List (W3C Bitstring Status List v1.0).

Each certificate gets a random index (`Certificate.status_index`) when it is issued. List n
covers the indexes n·LIST_SIZE … (n+1)·LIST_SIZE−1 and is published, signed, at
/bevis/open-badges/status/<n>.json; a revoked certificate's bit is 1. The list is built from
`revoked_at` whenever it is asked for (one query), so revoking a certificate flips its bit at
once; the signed document is cached by its content.

Indexes are drawn from a range eight times the number of certificates (in whole lists), so a
list is at most about an eighth full: a verifier fetching the list learns little about which
credential it checks (herd privacy), and a draw rarely collides (the unique constraint catches
it and `services._create` draws again).
"""

import gzip
import secrets

from django.db.models import Max, Min
from django.urls import reverse
from django.utils import translation

from certificates.credentials import multibase
from certificates.credentials.jsonld import CREDENTIALS_V2
from certificates.credentials.keys import issuer_did, site_url
from certificates.models import Certificate

# 16 KiB of bits: the specification's minimum list length, for herd privacy.
LIST_SIZE = 131_072
PURPOSE = "revocation"


def draw_index() -> int:
    lists = max(1, -(-8 * (Certificate.objects.count() + 1) // LIST_SIZE))
    return secrets.randbelow(lists * LIST_SIZE)


def list_url(number: int) -> str:
    with translation.override(None):
        return site_url(reverse("certificates:status_list", kwargs={"number": number}))


def last_list_number() -> int:
    """The number of the last list that holds a certificate (0 when there are none)."""
    top = Certificate.objects.aggregate(top=Max("status_index"))["top"]
    return (top or 0) // LIST_SIZE


def status_entry(index: int) -> dict:
    url = list_url(index // LIST_SIZE)
    return {
        "id": f"{url}#{index % LIST_SIZE}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index % LIST_SIZE),
        "statusListCredential": url,
    }


def encode(bits: set[int]) -> str:
    """The list as the specification encodes it: bit 0 is the left-most bit of the first
    byte; GZIP; multibase base64url without padding."""
    data = bytearray(LIST_SIZE // 8)
    for bit in bits:
        data[bit // 8] |= 0x80 >> (bit % 8)
    return multibase.encode_base64url(gzip.compress(bytes(data), mtime=0))


def decode(encoded: str) -> bytes:
    return gzip.decompress(multibase.decode(encoded))


def is_set(data: bytes, bit: int) -> bool:
    return bool(data[bit // 8] & (0x80 >> (bit % 8)))


def revoked_bits(number: int) -> tuple[set[int], dict]:
    """The revoked positions in list `number`, and the dates that make the list's validFrom."""
    in_list = Certificate.objects.filter(
        status_index__gte=number * LIST_SIZE, status_index__lt=(number + 1) * LIST_SIZE
    )
    bits = {
        index - number * LIST_SIZE
        for index in in_list.filter(revoked_at__isnull=False).values_list("status_index", flat=True)
    }
    dates = in_list.aggregate(last_revoked=Max("revoked_at"), first_issued=Min("issued_at"))
    return bits, dates


def unsigned_list_credential(number: int) -> tuple[dict, object]:
    """The status list credential of list `number` and the time its content dates from."""
    bits, dates = revoked_bits(number)
    since = dates["last_revoked"] or dates["first_issued"]
    url = list_url(number)
    document = {
        "@context": [CREDENTIALS_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode(bits),
        },
    }
    return document, since
