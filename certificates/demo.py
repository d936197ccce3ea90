"""Demo certificates: the signer setting, and a certificate for everyone who completed a
course that has already taken place (the demo volunteer among them), so Mine beviser, the PDF
and /bevis/<code>/ can be seen right after `make run`.

Without WeasyPrint's native libraries the certificates are still issued; their PDFs are
skipped (one log line) and made on the first download where the libraries exist.
Idempotent: issuing is idempotent by signup, the setting is created once.
"""

import io
import logging
import math

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Site

from certificates import services
from certificates.models import CertificateSettings
from certificates.receivers import issue_placement_certificates
from certificates.rendering import pdf_available
from courses.models import Course, CourseStatus
from schools import queries as school_queries

logger = logging.getLogger(__name__)


def _signature_png() -> bytes:
    """A made-up handwritten-looking signature: a few joined curves on a transparent PNG."""
    width, height = 600, 160
    image = PILImage.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = []
    for step in range(0, 520):
        x = 30 + step
        y = 95 - 38 * math.sin(step / 23) * math.exp(-step / 420) - 12 * math.sin(step / 7)
        points.append((x, y))
    draw.line(points, fill=(20, 40, 90, 255), width=5, joint="curve")
    draw.line([(60, 128), (470, 118)], fill=(20, 40, 90, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _signer():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or CertificateSettings.objects.filter(site=site).exists():
        return
    signature = Image.objects.create(
        title="Underskrift – Lene Dalgaard",
        file=ContentFile(_signature_png(), name="underskrift-lene-dalgaard.png"),
    )
    CertificateSettings.objects.create(
        site=site,
        issuer_name="Kalundborg Kommune",
        issuer_unit="Frivillighed og Civilsamfund",
        signer_name="Lene Dalgaard",
        signer_title="Frivillighedskonsulent",
        signature=signature,
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
    # The demo schools' completed internships get their pupils' certificates, as if the
    # association had just confirmed the hours (idempotent per pupil).
    placements = list(school_queries.completed_placements())
    for placement in placements:
        issue_placement_certificates(sender=None, placement=placement, with_pdf=with_pdf)
    if placements:
        command.stdout.write(f"  internship certificates for {len(placements)} placements")
    return []
