"""What the certificate PDFs say and how: the signer line, Danish quotes, hours with their
unit, and a tagged (accessible) PDF that is still PDF/A-3b."""

import io
from datetime import date

import pypdf
import pytest
from wagtail.models import Site

from certificates import rendering, services
from certificates.models import CertificateSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_pdf")]


@pytest.fixture
def signer(db):
    return CertificateSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        issuer_name="Kalundborg Kommune",
        issuer_unit="Frivillighed og Civilsamfund",
        signer_name="Lene Dalgaard",
        signer_title="Frivillighedskonsulent",
    )


def _internship(language="da", hours=10):
    return services.issue_internship_certificate(
        source_key=f"test:{language}:{hours}",
        holder_name="Sofie (8.b)",
        title="Hjælper ved loppemarkedet",
        issuer_name="Ubby Forsamlingshus",
        hours=hours,
        start=date(2026, 9, 1),
        end=date(2026, 9, 20),
        language=language,
    )


def _reader(certificate) -> pypdf.PdfReader:
    with certificate.pdf.open("rb") as handle:
        return pypdf.PdfReader(io.BytesIO(handle.read()))


def _text(certificate) -> str:
    return " ".join(_reader(certificate).pages[0].extract_text().split())


def test_internship_names_the_host_and_then_the_municipal_signer(signer):
    text = _text(_internship())

    assert "Ubby Forsamlingshus, Frivillighed og Civilsamfund" not in text
    assert "Praktiksted Ubby Forsamlingshus" in text
    signed = "Lene Dalgaard Frivillighedskonsulent Kalundborg Kommune, Frivillighed og Civilsamfund"
    assert signed in text
    assert text.index("Ubby Forsamlingshus") < text.index(signed)


def test_reissue_keeps_the_host_association(signer):
    certificate = services.reissue_certificate(_internship())

    assert certificate.snapshot["issuer"] == "Ubby Forsamlingshus"
    assert certificate.snapshot["signer_body"] == "Kalundborg Kommune"


def test_an_older_internship_snapshot_is_signed_by_the_municipality(signer):
    certificate = _internship()
    for key in ("signer_body", "host"):
        certificate.snapshot.pop(key)

    html = rendering.render_certificate_html(certificate)

    assert "Kalundborg Kommune, Frivillighed og Civilsamfund" in html
    assert "Ubby Forsamlingshus, Frivillighed" not in html


@pytest.mark.parametrize(
    ("language", "hours", "expected"),
    [
        ("da", 10, "Varighed 10 timer"),
        ("da", 1, "Varighed 1 time"),
        ("da", 7.5, "7,5 timer"),
        ("en", 10, "Duration 10 hours"),
        ("en", 1, "Duration 1 hour"),
    ],
)
def test_hours_carry_their_unit(signer, language, hours, expected):
    text = _text(_internship(language, hours))

    assert expected in text
    assert "Timer 10" not in text
    assert "Hours 10" not in text


def test_danish_certificates_use_danish_quotes_and_english_ones_english(signer, completed):
    assert "frivilligpraktikken »Hjælper ved loppemarkedet«." in _text(_internship("da"))
    assert "internship “Hjælper ved loppemarkedet”." in _text(_internship("en"))
    assert "kurset »Bestyrelsesarbejde for begyndere«" in _text(
        services.issue_course_certificate(completed)
    )


def test_every_kind_is_a_tagged_pdf_a_3b(signer, completed):
    course = services.issue_course_certificate(completed)
    transcript = services.issue_transcript(completed.user)

    for certificate in (course, transcript, _internship()):
        root = _reader(certificate).trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"]) is True
        tree = root["/StructTreeRoot"].get_object()
        assert tree["/K"]
        xmp = root["/Metadata"].get_object().get_data().decode()
        assert 'pdfaid:part="3"' in xmp
        assert 'pdfaid:conformance="B"' in xmp


def test_the_structure_tree_holds_the_heading_and_the_qr_codes_alt_text(signer):
    certificate = _internship()
    root = _reader(certificate).trailer["/Root"]["/StructTreeRoot"].get_object()

    kinds, alts = set(), []

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list | pypdf.generic.ArrayObject):
            for child in node:
                walk(child)
            return
        if not isinstance(node, pypdf.generic.DictionaryObject):
            return
        if "/S" in node:
            kinds.add(str(node["/S"]))
        if "/Alt" in node:
            alts.append(str(node["/Alt"]))
        if "/K" in node:
            walk(node["/K"])

    walk(root)
    assert "/H1" in kinds
    assert "/Figure" in kinds
    assert "QR-kode til siden, hvor beviset kan tjekkes" in alts or any("QR" in a for a in alts)
