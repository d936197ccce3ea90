"""Issuing certificates against bare WeasyPrint on the same HTML.

`python -m bench.certificates` (run by bench/run.py): for 1 and for 100 participants who
completed a course, times our whole issuing path — what a batch does for each of them
(`certificates.services.issue_course_certificate`: the snapshot, the code, the row, the
template with its QR code and images, WeasyPrint with PDF/A-3b, storing the file, queueing the
email) — and bare WeasyPrint turning the very same, already rendered HTML into a PDF with the
same options. Prints one JSON line with the seconds and the ratios (ours / bare).

It runs on the benchmark database (certificates from seed_bench): the participants' existing
certificates are deleted and issued again inside a transaction that is rolled back, and the
PDF files it wrote are removed, so the database is left as it was. The emails are queued on
commit, so the one insert each does is not in the time.
"""

import json
import time

from bench.django_setup import setup

setup()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402

from certificates.models import Certificate  # noqa: E402
from certificates.rendering import render_certificate_html  # noqa: E402
from certificates.services import issue_course_certificate  # noqa: E402
from courses.models import Signup  # noqa: E402
from courses.queries import has_completed  # noqa: E402


def bare(htmls: list[str]) -> float:
    from weasyprint import HTML

    started = time.perf_counter()
    for html in htmls:
        HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/a-3b")
    return time.perf_counter() - started


def issue_again(signups: list[Signup]) -> tuple[float, list[str]]:
    """Issue the participants' certificates anew; returns the seconds and the HTML printed."""
    with transaction.atomic():
        Certificate.objects.filter(source_signup__in=signups).delete()
        started = time.perf_counter()
        issued = [issue_course_certificate(signup) for signup in signups]
        seconds = time.perf_counter() - started
        if not all(certificate.pdf for certificate in issued):
            raise SystemExit("WeasyPrint's native libraries are missing")
        htmls = [render_certificate_html(certificate) for certificate in issued]
        files = [(certificate.pdf.storage, certificate.pdf.name) for certificate in issued]
        transaction.set_rollback(True)
    for storage, name in files:
        storage.delete(name)
    return seconds, htmls


def main() -> None:
    candidates = (
        Signup.objects.filter(certificates__isnull=False)
        .select_related("user", "course")
        .order_by("pk")
    )
    # Those who still meet the course's attendance rule, as a batch would find them.
    signups = [signup for signup in candidates[:1000] if has_completed(signup)][:100]
    if len(signups) < 100:
        raise SystemExit("seed_bench made fewer than 100 certificates")
    issue_again(signups[:1])  # warm up fonts, templates and imports
    result = {}
    for n in (1, 100):
        result[f"ours_{n}"], htmls = issue_again(signups[:n])
        result[f"bare_{n}"] = bare(htmls)
        result[f"ratio_{n}"] = result[f"ours_{n}"] / result[f"bare_{n}"]
    print("CERTIFICATES " + json.dumps(result))


if __name__ == "__main__":
    main()
