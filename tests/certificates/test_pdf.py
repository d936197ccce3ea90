"""The PDF itself: text, fonts, metadata, PDF/A, and a QR code that decodes to the
verification URL."""

import io

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp

from certificates import rendering, services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_pdf")]


def _pdf(certificate) -> pypdf.PdfReader:
    with certificate.pdf.open("rb") as handle:
        return pypdf.PdfReader(io.BytesIO(handle.read()))


def test_course_certificate_pdf_prints_name_course_dates_and_code(completed):
    certificate = services.issue_course_certificate(completed)

    reader = _pdf(certificate)
    text = " ".join(reader.pages[0].extract_text().split())

    assert len(reader.pages) == 1
    assert "Birthe Østergaard" in text
    assert "Bestyrelsesarbejde for begyndere" in text
    assert certificate.display_code in text
    start = completed.course.starts_at
    assert f"{start.day}." in text
    assert str(start.year) in text


def test_pdf_embeds_its_fonts_and_carries_metadata(completed):
    certificate = services.issue_course_certificate(completed)
    reader = _pdf(certificate)

    fonts = reader.pages[0]["/Resources"]["/Font"].values()
    for font in fonts:
        font = font.get_object()
        descriptor = (
            font.get("/FontDescriptor")
            or (font["/DescendantFonts"][0].get_object()["/FontDescriptor"])
        )
        assert "/FontFile2" in descriptor.get_object() or "/FontFile3" in descriptor.get_object()
    assert reader.metadata.title == "Bestyrelsesarbejde for begyndere – Birthe Østergaard"
    assert reader.metadata.author == "Kalundborg Kommune"
    assert reader.trailer["/Root"]["/Lang"] == "da"
    # PDF/A-3b: XMP metadata with the PDF/A identification and an output intent.
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in xmp
    assert "/OutputIntents" in reader.trailer["/Root"]


def test_pdf_is_in_the_holders_language(completed):
    completed.user.preferred_language = "en"
    completed.user.save()
    certificate = services.issue_course_certificate(completed)

    text = _pdf(certificate).pages[0].extract_text()

    assert "has completed the course" in text
    assert certificate.language == "en"


def test_qr_code_in_the_pdf_decodes_to_the_verification_url(completed):
    certificate = services.issue_course_certificate(completed)
    with certificate.pdf.open("rb") as handle:
        document = pdfium.PdfDocument(handle.read())

    # Rasterise the printed page and read it with a QR reader, as a phone would.
    page = document[0].render(scale=3).to_pil()
    decoded = zxingcpp.read_barcodes(page)
    document.close()

    assert [result.text for result in decoded] == [
        f"http://testserver/bevis/{certificate.display_code}/"
    ]


def test_transcript_pdf_lists_the_courses(completed):
    services.issue_course_certificate(completed)
    transcript = services.issue_transcript(completed.user)

    text = " ".join(_pdf(transcript).pages[0].extract_text().split())

    assert "Bestyrelsesarbejde for begyndere" in text
    assert transcript.display_code in text


def test_html_to_pdf_is_the_benchmark_seam(completed):
    certificate = services.issue_course_certificate(completed)
    html = rendering.render_certificate_html(certificate)

    data = rendering.html_to_pdf(html)

    assert data.startswith(b"%PDF-")


def test_signer_and_signature_come_from_the_site_setting(course, completed):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Site

    from certificates.models import CertificateSettings

    signature = Image.objects.create(title="Underskrift", file=get_test_image_file())
    CertificateSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        issuer_name="Kalundborg Kommune",
        signer_name="Lene Dalgaard",
        signer_title="Frivillighedskonsulent",
        signature=signature,
    )
    certificate = services.issue_course_certificate(completed)

    html = rendering.render_certificate_html(certificate)
    text = _pdf(certificate).pages[0].extract_text()

    assert certificate.snapshot["signature_image_id"] == signature.pk
    assert 'src="data:image/png;base64,' in html
    assert "Lene Dalgaard" in text
    assert "Frivillighedskonsulent" in text
