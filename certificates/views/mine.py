"""Mine sider → Mine beviser, the competence transcript, and downloading a certificate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from certificates import queries, services
from certificates.models import Certificate, CertificateKind
from core.exports import private_download
from core.prepared import PreparedQuery
from courses import queries as course_queries


def pdf_response(certificate: Certificate, request):
    """The stored PDF as a download; rendered now if it was not stored at issue time."""
    if not services.ensure_pdf(certificate):
        return render(request, "certificates/pdf_unavailable.html", status=503)
    # A certificate is a few dozen kilobytes: read it whole, so no file handle outlives the
    # request.
    with certificate.pdf.open("rb") as handle:
        data = handle.read()
    filename = f"{certificate.get_kind_display()} {certificate.display_code}.pdf"
    return private_download(data, "application/pdf", filename)


@require_safe
def download(request, pk):
    """The holder, certificate staff and the people `certificates.download_certificate`
    (certificates/rules.py) names at this moment; a 404 for everyone else, and for a deleted
    holder's certificate (it has no PDF any more)."""
    certificate = get_object_or_404(Certificate, pk=pk, holder_erased_at__isnull=True)
    if not request.user.has_perm("certificates.download_certificate", certificate):
        raise Http404
    return pdf_response(certificate, request)


@login_required
@require_safe
def my_certificates(request):
    certificates = list(queries.certificates_of(request.user))
    courses = [c for c in certificates if c.kind == CertificateKind.COURSE]
    transcripts = [c for c in certificates if c.kind == CertificateKind.TRANSCRIPT]
    others = [c for c in certificates if c.kind == CertificateKind.INTERNSHIP]
    qualifications = course_queries.with_next_courses(
        course_queries.qualifications_of(request.user)
    )
    return render(
        request,
        "certificates/mine.html",
        {
            "courses": courses,
            "transcripts": transcripts,
            "others": others,
            "qualifications": qualifications,
        },
    )


@login_required
@require_POST
def create_transcript(request):
    try:
        certificate = services.issue_transcript(request.user)
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Your competence transcript %(code)s is ready to download.")
            % {"code": certificate.display_code},
        )
    return redirect("certificates:mine")


def dashboard_panel(request) -> dict | None:
    if not request.user.is_authenticated:
        return None
    certificates = _LATEST_HELD.instances(request.user.pk)
    if not certificates:
        return None
    return {"certificates": certificates}


# Mine sider's box on every view (core.prepared: the SQL built once per process).
_LATEST_HELD = PreparedQuery(
    lambda user_id: queries.held_certificates(user_id).filter(revoked_at__isnull=True)[:3]
)
