"""Certificates issued in answer to other apps' signals (they never import certificates)."""

import logging

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import override

from certificates import services
from schools import queries as school_queries

logger = logging.getLogger(__name__)


def issue_placement_certificates(sender, placement, with_pdf: bool = True, **kwargs) -> None:
    """One internship certificate (frivilligbevis) per pupil when a placement's hours are
    confirmed. Pupils have no accounts: the school's coordinators and the association's
    admins may download them (Mine beviser). Idempotent per pupil."""
    # Read it again: the sender's copy may be stale, and only a completed placement counts.
    placement = school_queries.completed_placements().filter(pk=placement.pk).first()
    if placement is None:
        return
    data = school_queries.placement_certificate_data(placement)
    viewers = school_queries.placement_contacts(placement)
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
    for number, pupil in enumerate(data["pupils"], start=1):
        holder = pupil["first_name"]
        if pupil["class_name"]:
            holder = f"{holder} ({pupil['class_name']})"
        services.issue_internship_certificate(
            source_key=f"placement:{data['placement_id']}:pupil:{number}",
            holder_name=holder,
            title=data["offer_title"],
            issuer_name=data["association"],
            hours=data["hours"],
            start=start,
            end=end,
            description=description,
            language="da",
            viewers=viewers,
            with_pdf=with_pdf,
        )
    logger.info(
        "Internship certificates for placement %s: %s pupils", placement.pk, len(data["pupils"])
    )
