"""Certificate HTML and PDF.

Two functions are the seam the benchmark uses: `render_certificate_html(certificate)` gives the
HTML exactly as the PDF is made from it, and `html_to_pdf(html)` turns HTML into PDF bytes with
WeasyPrint. WeasyPrint is imported inside the function: without its native libraries (Pango)
the import raises OSError, which callers catch, so the site runs without them.
"""

import base64
import logging
import ssl
from functools import cache
from pathlib import Path

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from certificates.models import Certificate, CertificateKind, CertificateSettings

logger = logging.getLogger(__name__)

LOGO_STATIC_PATH = "img/kalundborg-kommune-logo.svg"


class PdfUnavailable(Exception):
    """WeasyPrint's native libraries are missing on this machine."""


def verification_url(certificate: Certificate) -> str:
    with translation.override(certificate.language):
        return settings.SITE_URL.rstrip("/") + certificate.get_verification_url()


def _neutral(url_of) -> str:
    with translation.override(None):
        return url_of()


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(border=0, dark="#1b1b1b")


@cache
def _static_data_uri(path: str) -> str:
    found = finders.find(path)
    if not found:
        return ""
    data = Path(found).read_bytes()
    mimetype = "image/svg+xml" if path.endswith(".svg") else "image/png"
    return f"data:{mimetype};base64,{base64.b64encode(data).decode('ascii')}"


def _image_data_uri(image_id) -> str:
    """A Wagtail image as a data URI (works whatever storage holds the file)."""
    if not image_id:
        return ""
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return ""
    try:
        with image.open_file() as handle:
            data = handle.read()
    except OSError:
        logger.warning("Certificate image %s could not be read", image_id)
        return ""
    mimetype = {"svg": "image/svg+xml", "jpg": "image/jpeg"}.get(
        image.file.name.rsplit(".", 1)[-1].lower(), "image/png"
    )
    return f"data:{mimetype};base64,{base64.b64encode(data).decode('ascii')}"


def _signing_body(certificate: Certificate) -> str:
    """Who signs: the municipality (the site's certificate setting). On an internship
    certificate the snapshot's issuer is the association that hosted it; certificates issued
    before "signer_body" was stored read the current setting."""
    snapshot = certificate.snapshot
    if snapshot.get("signer_body"):
        return snapshot["signer_body"]
    if certificate.kind != CertificateKind.INTERNSHIP:
        return snapshot.get("issuer", "")
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    settings_ = CertificateSettings.for_site(site) if site else CertificateSettings()
    return settings_.issuer_name


def certificate_context(certificate: Certificate) -> dict:
    snapshot = certificate.snapshot
    url = verification_url(certificate)
    return {
        "certificate": certificate,
        "s": snapshot,
        "signing_body": _signing_body(certificate),
        # The association that hosted an internship.
        "host": snapshot.get("host") or snapshot.get("issuer", ""),
        "code": certificate.display_code,
        "verification_url": url,
        # The signed Open Badge of the same certificate (certificates.credentials); a deleted
        # holder's certificate has none.
        "credential_url": ""
        if certificate.holder_erased_at
        else settings.SITE_URL.rstrip("/") + _neutral(certificate.get_credential_url),
        "qr": qr_data_uri(url),
        "logo": _image_data_uri(snapshot.get("logo_image_id"))
        or _static_data_uri(LOGO_STATIC_PATH),
        "signature": _image_data_uri(snapshot.get("signature_image_id")),
    }


def render_certificate_html(certificate: Certificate) -> str:
    """The certificate as HTML, in the holder's language."""
    with translation.override(certificate.language):
        return render_to_string(
            f"certificates/pdf/{certificate.kind}.html", certificate_context(certificate)
        )


def pdf_available() -> bool:
    """Whether WeasyPrint and its native libraries load on this machine."""
    try:
        import weasyprint  # noqa: F401
    except OSError:
        return False
    return True


def html_to_pdf(html: str, *, pdf_variant: str | None = "pdf/a-3b") -> bytes:
    """HTML → PDF bytes with WeasyPrint; fonts are embedded (subset). PDF/A-3b by default,
    and always tagged (a structure tree from the HTML: headings, paragraphs, lists, tables,
    figures with their alt text), so screen readers read it in order.

    Raises PdfUnavailable when WeasyPrint's native libraries cannot be loaded.
    """
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except OSError as error:
        raise PdfUnavailable(str(error)) from error
    options = {"pdf_tags": True}
    if pdf_variant:
        options["pdf_variant"] = pdf_variant
    # WeasyPrint's default fetcher makes a new SSL context, loading the system's certificate
    # store, for every document (about 16 ms here, a sixth of a certificate's PDF) although our
    # HTML fetches nothing over HTTPS: one context per process is shared (SSLContext may be).
    fetcher = URLFetcher(ssl_context=_ssl_context())
    return HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=fetcher).write_pdf(
        **options
    )


@cache
def _ssl_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def render_certificate_pdf(certificate: Certificate) -> bytes:
    return html_to_pdf(render_certificate_html(certificate))
