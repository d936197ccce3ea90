"""Demo certificates: the signer setting, and a certificate for everyone who completed a
course that has already taken place (the demo volunteer among them, who also has a competence
transcript with her qualifications), so Mine beviser, the PDF and /bevis/<code>/ can be seen
right after `make run`.

Without WeasyPrint's native libraries the certificates are still issued; their PDFs are
skipped (one log line) and made on the first download where the libraries exist.
Idempotent: issuing is idempotent by signup, the setting is created once. The signer and her
signature image are in certificates/demo_data/.
"""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Site

from accounts.models import User
from certificates import services
from certificates.models import Certificate, CertificateKind, CertificateSettings
from certificates.receivers import issue_placement_certificates
from certificates.rendering import pdf_available
from core.demo_support import demo_data_path, load_demo_data
from courses.models import Course, CourseStatus
from schools import queries as school_queries

logger = logging.getLogger(__name__)
VOLUNTEER = "frivillig@frivilligloeft.test"


def _signer():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or CertificateSettings.objects.filter(site=site).exists():
        return
    data = load_demo_data("certificates", "signer")
    image = data["signature"]
    signature = Image.objects.create(
        title=image["title"],
        file=ContentFile(
            demo_data_path("certificates", image["file"]).read_bytes(), name=image["file"]
        ),
    )
    CertificateSettings.objects.create(site=site, signature=signature, **data["settings"])


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
    # The demo volunteer's competence transcript, with her qualifications: one valid, one
    # about to run out (courses/demo_activity.py).
    volunteer = User.objects.filter(email=VOLUNTEER).first()
    has_transcript = Certificate.objects.filter(
        holder=volunteer, kind=CertificateKind.TRANSCRIPT
    ).exists()
    if volunteer is not None and not has_transcript:
        services.issue_transcript(volunteer, with_pdf=with_pdf)
    # The demo schools' completed internships get their pupils' certificates, as if the
    # association had just confirmed the hours (idempotent per pupil).
    placements = list(school_queries.completed_placements())
    for placement in placements:
        issue_placement_certificates(sender=None, placement=placement, with_pdf=with_pdf)
    if placements:
        command.stdout.write(f"  internship certificates for {len(placements)} placements")
    return []
