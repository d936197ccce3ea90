"""Demo certificates: the signer setting (certificates/demo_data/), a certificate for everyone
who completed a course that has taken place, the demo volunteer's competence transcript, and
the pupils' certificates of the completed internships, so Mine beviser, the PDF and
/bevis/<code>/ can be seen right after `make run`. Without WeasyPrint's native libraries they
are issued without PDFs (made on the first download where the libraries exist).
Idempotent: issuing is idempotent per signup and pupil, the setting is created once.
"""

import logging

from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Site

from certificates import services
from certificates.models import Certificate, CertificateKind, CertificateSettings
from certificates.receivers import issue_placement_certificates
from certificates.rendering import pdf_available
from core.demo_support import demo_file, demo_user, load_demo_data
from courses.models import Course, CourseStatus
from schools import queries as school_queries

logger = logging.getLogger(__name__)


def _signer():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or CertificateSettings.objects.filter(site=site).exists():
        return
    data = load_demo_data("certificates", "signer")
    image = data["signature"]
    file = demo_file("certificates", image["file"])
    signature = Image.objects.create(title=image["title"], file=file)
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
    # The transcript shows her qualifications: one valid, one about to run out.
    volunteer = demo_user("frivillig@frivilligloeft.test")
    transcripts = Certificate.objects.filter(holder=volunteer, kind=CertificateKind.TRANSCRIPT)
    if volunteer is not None and not transcripts.exists():
        services.issue_transcript(volunteer, with_pdf=with_pdf)
    # As if each association had just confirmed the hours.
    placements = list(school_queries.completed_placements())
    for placement in placements:
        issue_placement_certificates(sender=None, placement=placement, with_pdf=with_pdf)
    if placements:
        command.stdout.write(f"  internship certificates for {len(placements)} placements")
    return []
