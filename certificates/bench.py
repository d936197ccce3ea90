"""Benchmark data for certificates: `manage.py seed_bench` calls `seed()`.

Course certificates for up to 1,000 participants who completed a benchmark course, with the
same snapshot the services print, written with bulk_create and without PDFs (a PDF is
rendered on first download, and bench/certificates.py times rendering separately).
"""

import random

from django.utils import timezone

from certificates import codes
from certificates.models import Certificate, CertificateKind
from certificates.snapshots import course_snapshot
from courses.models import Attendance, Signup, SignupStatus

LIMIT = 1000


def seed(command, scale, rng: random.Random) -> str:
    present = Attendance.objects.filter(present=True).values("signup_id")
    signups = (
        Signup.objects.filter(
            status=SignupStatus.CONFIRMED,
            course__slug__startswith="bench-",
            course__ends_at__lt=timezone.now(),
            pk__in=present,
        )
        .exclude(certificates__isnull=False)
        .select_related("user", "course__provider")
        .order_by("pk")[: min(LIMIT, scale.courses)]
    )
    now = timezone.now()
    rows = [
        Certificate(
            code=codes.generate(),
            kind=CertificateKind.COURSE,
            holder=signup.user,
            holder_name=signup.user.get_full_name(),
            source_signup=signup,
            source_key=f"signup:{signup.pk}",
            title=signup.course.title,
            snapshot=course_snapshot(signup, "da"),
            language="da",
            issued_at=now,
        )
        for signup in signups
    ]
    Certificate.objects.bulk_create(rows, batch_size=500)
    return f"{len(rows)} course certificates (no PDFs)"
