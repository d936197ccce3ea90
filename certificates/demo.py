"""Demo certificates: the signer setting, and a certificate for everyone who completed a
course that has already taken place (the demo volunteer among them), so Mine beviser, the PDF
and /bevis/<code>/ can be seen right after `make run`.

Without WeasyPrint's native libraries the certificates are still issued; their PDFs are
skipped (one log line) and made on the first download where the libraries exist.
Idempotent: issuing is idempotent by signup, the setting is created once.
"""

import logging

from django.utils import timezone
from wagtail.models import Site

from certificates import services
from certificates.models import CertificateSettings
from certificates.rendering import pdf_available
from courses.models import Course, CourseStatus

logger = logging.getLogger(__name__)


def _signer():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    CertificateSettings.objects.get_or_create(
        site=site,
        defaults={
            "issuer_name": "Kalundborg Kommune",
            "issuer_unit": "Frivillighed og Civilsamfund",
            "signer_name": "Lene Dalgaard",
            "signer_title": "Frivillighedskonsulent",
        },
    )


def seed(command):
    _signer()
    with_pdf = pdf_available()
    if not with_pdf:
        logger.warning("Demo certificates: WeasyPrint's native libraries are missing, PDFs skipped")
    issued = 0
    ended = Course.objects.filter(
        status=CourseStatus.PUBLISHED, issues_certificate=True, ends_at__lt=timezone.now()
    )
    for course in ended:
        for signup in services.pending_signups(course):
            services.issue_course_certificate(signup, notify=False, with_pdf=with_pdf)
            issued += 1
    if issued:
        command.stdout.write(f"  {issued} certificates")
    return []
