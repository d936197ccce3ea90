"""What certificates store about a person, for "download my data" and account deletion."""

from django.utils import timezone

from certificates.models import Certificate

# What is printed about the person rather than the course: gone when the account goes.
PERSONAL_SNAPSHOT_KEYS = {"holder_name", "networks"}


def export(user) -> dict:
    return {
        "certificates": [
            {
                "code": certificate.display_code,
                "kind": certificate.kind,
                "title": certificate.title,
                "printed": certificate.snapshot,
                "issued_at": certificate.issued_at.isoformat(),
                "revoked_at": certificate.revoked_at.isoformat()
                if certificate.revoked_at
                else None,
                "revocation_reason": certificate.revocation_reason,
            }
            for certificate in Certificate.objects.filter(holder=user).order_by("issued_at", "pk")
        ]
    }


def erase(user) -> None:
    """A deleted account's certificates stay verifiable without personal data: the name goes
    from the row and from what is printed (and, for a transcript, the networks the person was
    in), the stored PDFs (which print the name) are deleted, and the row is marked so
    /bevis/<code>/ can say the holder's account was deleted. The course, the dates and the
    issuer are still confirmed to whoever holds a printed copy. Its Open Badge is no longer
    handed out (credentials.documents.CredentialWithdrawn)."""
    now = timezone.now()
    for certificate in Certificate.objects.filter(holder=user):
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        snapshot = {
            key: value
            for key, value in certificate.snapshot.items()
            if key not in PERSONAL_SNAPSHOT_KEYS
        }
        certificate.snapshot = snapshot
        certificate.holder_name = ""
        certificate.holder = None
        certificate.holder_erased_at = now
        # Without the salt nobody can re-make the hash of the address that identified the
        # holder in the Open Badge; the status bit stays, so a copy they kept still verifies.
        certificate.subject_salt = ""
        certificate.save(
            update_fields=[
                "pdf",
                "snapshot",
                "holder_name",
                "holder",
                "holder_erased_at",
                "subject_salt",
            ]
        )
