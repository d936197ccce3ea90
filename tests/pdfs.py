"""PDFs rendered only in the tests that ask for them with the `needs_pdf` fixture.

Issuing a certificate renders its PDF with WeasyPrint: 100–200 ms each, and the first in a
process about a second (fonts). In `make test`, 57 tests rendered 75 PDFs, 12 s of the 103 s
its tests took, and most of them test who gets a certificate, what its Open Badge says or who
may see it, and never open the PDF. So every test that does not ask runs as a machine without
WeasyPrint's native libraries does: `html_to_pdf` raises PdfUnavailable, which the code already
handles (the certificate is issued without a PDF, logged, and rendered at its first download;
a download that still cannot render it answers a polite 503). A test that reads a PDF without
asking fails loudly on that 503 or on the missing file, never quietly. The tests that ask now
render theirs in about 4.5 s.

Browser tests and the slow tests (the seeded demo site) render as in production.
"""

import os

import pytest

from certificates import rendering

PDF_REQUIRED = os.environ.get("FRIVILLIGLOEFT_REQUIRE_PDF") == "1"


@pytest.fixture
def needs_pdf():
    """PDFs are rendered in this test. Skipped where WeasyPrint's native libraries (Pango) are
    missing, unless FRIVILLIGLOEFT_REQUIRE_PDF=1 (set by .ci/run) makes that an error."""
    if not rendering.pdf_available():
        if PDF_REQUIRED:
            pytest.fail("FRIVILLIGLOEFT_REQUIRE_PDF=1 but WeasyPrint cannot load Pango")
        pytest.skip("WeasyPrint's native libraries (Pango) are not installed")


def _not_rendered(html, **kwargs):
    raise rendering.PdfUnavailable(
        "PDFs are rendered only in tests that ask for the needs_pdf fixture (tests/pdfs.py)"
    )


@pytest.fixture(autouse=True)
def _pdfs_only_where_needed(request, monkeypatch):
    item = request.node
    if (
        "needs_pdf" in request.fixturenames
        or item.get_closest_marker("browser") is not None
        or item.get_closest_marker("slow") is not None
    ):
        return
    monkeypatch.setattr(rendering, "html_to_pdf", _not_rendered)
