"""Certificates as Open Badges 3.0 credentials (W3C Verifiable Credentials Data Model 2.0).

Every certificate is also an `OpenBadgeCredential`, signed by the municipality with an Ed25519
key under the Data Integrity cryptosuite `eddsa-rdfc-2022`:

- `keys`: the signing key (environment or a file it names; development generates one in
  VAR_DIR), the keys still published after a rotation, and the issuer's `did:web` identifier.
- `jsonld`: a document loader that serves only the contexts vendored in `contexts/` (nothing
  is fetched at run time), and RDF canonicalization through pyld with a work limit.
- `proofs`: creating and checking `DataIntegrityProof`s (the cryptography package signs).
- `documents`: the JSON-LD the site publishes — the DID document, the issuer `Profile`, an
  `Achievement` per course, internship offer and for the competence transcript, and the
  credential of a certificate.
- `status_list`: the certificate's random bit in the published Bitstring Status List; a
  revoked certificate's bit is set.
- `verification`: the site's own verifier (/bevis/verificer/): valid, revoked, tampered or
  from another issuer.

A credential is built and signed when it is asked for, from the certificate's snapshot (what
was printed): the same certificate and key give the same bytes (Ed25519 signatures are
deterministic and `created` is the issue or reissue time), and signed documents are cached.
"""
