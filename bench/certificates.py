"""Certificate rendering against bare WeasyPrint on the same HTML.

`python -m bench.certificates` (run by bench/run.py): for 1 and for 100 certificates, times
our whole path — `certificates.services.store_pdf`: render the template with its QR code and
images, WeasyPrint with PDF/A-3b, store the file — and bare WeasyPrint turning the very same,
already rendered HTML into a PDF with the same options. Prints one JSON line with the seconds
and the ratios (ours / bare). Needs the benchmark database (certificates from seed_bench).
"""

import json
import time

from bench.django_setup import setup

setup()

from django.conf import settings  # noqa: E402

from certificates.models import Certificate  # noqa: E402
from certificates.rendering import render_certificate_html  # noqa: E402
from certificates.services import store_pdf  # noqa: E402


def bare(htmls: list[str]) -> float:
    from weasyprint import HTML

    started = time.perf_counter()
    for html in htmls:
        HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/a-3b")
    return time.perf_counter() - started


def ours(certificates: list[Certificate]) -> float:
    started = time.perf_counter()
    for certificate in certificates:
        if not store_pdf(certificate):
            raise SystemExit("WeasyPrint's native libraries are missing")
    return time.perf_counter() - started


def main() -> None:
    certificates = list(Certificate.objects.order_by("pk")[:100])
    if len(certificates) < 100:
        raise SystemExit("seed_bench made fewer than 100 certificates")
    bare([render_certificate_html(certificates[0])])  # warm up fonts and imports
    result = {}
    for n in (1, 100):
        chosen = certificates[:n]
        htmls = [render_certificate_html(c) for c in chosen]
        result[f"bare_{n}"] = bare(htmls)
        result[f"ours_{n}"] = ours(chosen)
        result[f"ratio_{n}"] = result[f"ours_{n}"] / result[f"bare_{n}"]
    print("CERTIFICATES " + json.dumps(result))


if __name__ == "__main__":
    main()
