"""Who may download a certificate: predicates and object permissions (django-rules).

The holder, staff who manage certificates, and — for an internship certificate — the coordinators
of the pupil's school and the admins of the host association *at the time of the request*
(whoever may see the placement now); nothing stored. A revoked certificate only for staff.
"""

import rules

from schools import queries as school_queries


@rules.predicate
def is_certificate_staff(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("certificates.view_certificate"))


@rules.predicate
def holds_certificate(user, certificate) -> bool:
    return bool(certificate is not None and user.is_authenticated) and (
        certificate.holder_id == user.pk
    )


@rules.predicate
def sees_source_placement(user, certificate) -> bool:
    """An internship certificate, and the person may see its placement now (one query)."""
    if certificate is None or certificate.source_placement_id is None:
        return False
    if not user.is_authenticated:
        return False
    return (
        school_queries.placements_visible_to(user)
        .filter(pk=certificate.source_placement_id)
        .exists()
    )


@rules.predicate
def is_not_revoked(user, certificate) -> bool:
    return certificate is not None and not certificate.is_revoked


# Cheapest first: the holder costs no query, staff their permissions, the placement one query.
may_download = (holds_certificate | is_certificate_staff | sees_source_placement) & (
    is_not_revoked | is_certificate_staff
)

rules.add_perm("certificates.download_certificate", may_download)
