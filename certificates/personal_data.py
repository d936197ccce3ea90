"""What certificates store about a person, for "download my data" and account deletion."""

from certificates.models import Certificate


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
    """A deleted account's certificates go with it: the PDFs now, the rows with the user row
    (on_delete=CASCADE), so their codes stop verifying."""
    for certificate in Certificate.objects.filter(holder=user).exclude(pdf=""):
        certificate.pdf.delete(save=False)
    Certificate.objects.filter(holder=user).delete()
