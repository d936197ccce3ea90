"""tests/pdfs.py: PDFs are rendered in the tests that ask for them, and only there."""

import pytest

from certificates import rendering


def test_a_test_that_does_not_ask_gets_no_pdf_as_without_weasyprint():
    with pytest.raises(rendering.PdfUnavailable, match="needs_pdf"):
        rendering.html_to_pdf("<p>Bevis</p>")


def test_a_test_that_asks_gets_a_real_pdf(needs_pdf):
    assert rendering.html_to_pdf("<p>Bevis</p>").startswith(b"%PDF-")
