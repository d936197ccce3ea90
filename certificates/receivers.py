"""Certificates issued in answer to other apps' signals (they never import certificates).

Rendering a placement's PDFs (one per pupil, up to 30) is work for the task worker, not for
the request that confirmed the hours: the receiver only enqueues the task.
"""

import logging

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import override

from certificates import services
from schools import queries as school_queries

logger = logging.getLogger(__name__)


def enqueue_placement_certificates(sender, placement, **kwargs) -> None:
    """`schools.signals.placement_completed` (sent after commit): issue in the background."""
    from certificates.tasks import issue_placement_certificates as task

    task.enqueue(placement.pk)


def issue_placement_certificates(
    sender, placement=None, placement_id=None, with_pdf: bool = True, **kwargs
) -> None:
    """One internship certificate (frivilligbevis) per pupil when a placement's hours are
    confirmed. Pupils have no accounts: the school's coordinators and the association's
    admins at the time of the download may download them (Mine beviser). Idempotent per
    pupil.

    Every certificate is issued first; the PDFs are rendered after. A PDF that fails (a
    WeasyPrint error) is logged and left to the first download (services.ensure_pdf): it never
    costs a pupil the certificate."""
    # Read it again: the sender's copy may be stale, and only a completed placement counts.
    pk = placement.pk if placement is not None else placement_id
    placement = school_queries.completed_placements().filter(pk=pk).first()
    if placement is None:
        return
    data = school_queries.placement_certificate_data(placement)
    start = data["starts_on"] or data["completed_on"]
    end = data["ends_on"] or data["completed_on"]
    with override("da"):
        description = _(
            "Volunteer internship at %(association)s, arranged with %(school)s. Tasks: %(tasks)s"
        ) % {
            "association": data["association"],
            "school": data["school"],
            "tasks": Truncator(data["tasks"]).chars(300),
        }
    issued = []
    for number, pupil in enumerate(data["pupils"], start=1):
        holder = pupil["first_name"]
        if pupil["class_name"]:
            holder = f"{holder} ({pupil['class_name']})"
        certificate = services.issue_internship_certificate(
            source_key=f"placement:{data['placement_id']}:pupil:{number}",
            holder_name=holder,
            title=data["offer_title"],
            issuer_name=data["association"],
            hours=data["hours"],
            start=start,
            end=end,
            description=description,
            language="da",
            placement=placement,
            with_pdf=False,
        )
        issued.append(certificate)
    if with_pdf:
        for certificate in issued:
            try:
                services.ensure_pdf(certificate)
            except Exception:
                logger.exception(
                    "Internship certificate %s: PDF not rendered; it is made on first download",
                    certificate.pk,
                )
    logger.info(
        "Internship certificates for placement %s: %s pupils", placement.pk, len(data["pupils"])
    )
