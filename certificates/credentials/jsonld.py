"""JSON-LD processing for credentials, through pyld, with nothing fetched from the internet.

`load_document` is pyld's document loader: it answers the contexts copied into `contexts/`
(see contexts/SOURCES.md) and refuses every other URL, so a credential naming an unknown
context cannot make the site fetch anything. `canonicalize` is RDF Dataset Canonicalization
(pyld's URDNA2015, which RDFC-1.0 standardised) with a bound on the work a crafted input can
cause: the algorithm is exponential for some blank-node graphs, and the site verifies
credentials that strangers upload.
"""

import copy
import json
from functools import cache
from pathlib import Path

from pyld import jsonld
from pyld.canon import URDNA2015

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
DID_V1 = "https://www.w3.org/ns/did/v1"

CONTEXT_FILES = {
    CREDENTIALS_V2: "credentials-v2.jsonld",
    OPEN_BADGES_V3: "ob-v3p0-context-3.0.3.json",
    MULTIKEY_V1: "multikey-v1.jsonld",
    DATA_INTEGRITY_V2: "data-integrity-v2.jsonld",
}

# Our credentials canonicalize with a few dozen calls; a graph that needs thousands is made
# to burn CPU, not to be verified.
MAX_DEGREE_CALLS = 2000


class CanonicalizationError(Exception):
    """The document is not JSON-LD we can canonicalize (unknown context, invalid JSON-LD,
    relative IRIs that would silently drop out of the signed data, or too much work)."""


@cache
def _context(url: str) -> dict:
    return json.loads((CONTEXTS_DIR / CONTEXT_FILES[url]).read_text(encoding="utf-8"))


def load_document(url, options=None):
    """pyld document loader: the vendored contexts only."""
    if url not in CONTEXT_FILES:
        raise jsonld.JsonLdError(
            f"Context not available offline: {url}",
            "jsonld.LoadDocumentError",
            code="loading document failed",
        )
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": copy.deepcopy(_context(url)),
    }


OPTIONS = {"documentLoader": load_document, "base": ""}


class _BoundedCanonicalization(URDNA2015):
    def __init__(self):
        super().__init__()
        self.degree_calls = 0

    def hash_n_degree_quads(self, id_, issuer):
        self.degree_calls += 1
        if self.degree_calls > MAX_DEGREE_CALLS:
            raise CanonicalizationError("canonicalization needs too much work")
        return super().hash_n_degree_quads(id_, issuer)


def _relative_iris(node) -> bool:
    """Whether the expanded document holds an @id or @type that is not an absolute IRI or a
    blank node: conversion to RDF drops such statements without a word, so they would not be
    covered by a signature (jsonld.js refuses them in its "safe mode" too)."""
    if isinstance(node, list):
        return any(_relative_iris(item) for item in node)
    if not isinstance(node, dict):
        return False
    for key, value in node.items():
        if key == "@id" and isinstance(value, str) and not _absolute(value):
            return True
        if key == "@type":
            types = value if isinstance(value, list) else [value]
            if any(isinstance(t, str) and not _absolute(t) for t in types):
                return True
        if key != "@value" and _relative_iris(value):
            return True
    return False


def _dropped(expanded_property) -> None:
    """A property no context defines would vanish from the signed data: a claim added to a
    signed credential under an unknown name would not break its proof. Refuse it (as
    jsonld.js does in the "safe mode" Data Integrity uses)."""
    raise CanonicalizationError(f"a property no context defines: {expanded_property}")


def _absolute(iri: str) -> bool:
    return iri.startswith("_:") or (":" in iri and not iri.startswith(":"))


def canonicalize(document: dict) -> str:
    """The document's canonical N-Quads (RDFC-1.0)."""
    try:
        expanded = jsonld.expand(document, dict(OPTIONS), on_property_dropped=_dropped)
        if _relative_iris(expanded):
            raise CanonicalizationError("the document holds relative IRIs")
        dataset = jsonld.to_rdf(document, {**OPTIONS, "produceGeneralizedRdf": False})
        return _BoundedCanonicalization().main(dataset, {"format": "application/n-quads"})
    except jsonld.JsonLdError as error:
        raise CanonicalizationError(str(error).splitlines()[0]) from error
    except RecursionError as error:
        raise CanonicalizationError("the document is nested too deeply") from error
