"""Certificates on a course's organiser tools: issue to everyone who completed (as a
background task with progress) or to one participant, reissue, revoke, and download all as
one ZIP.

Open to the course's organisers and course administrators (`courses.organise_course` in
courses/rules.py); a 404 for others.
"""

import io
import zipfile

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from certificates import queries, services
from certificates.forms import RevokeForm
from certificates.models import Certificate
from core.exports import private_download
from courses import queries as course_queries
from courses.models import Course


def _organised_course(request, slug) -> Course:
    course = get_object_or_404(Course.objects.select_related("provider"), slug=slug)
    if not request.user.has_perm("courses.organise_course", course):
        raise Http404
    return course


def _certificate_of(course, pk) -> Certificate:
    return get_object_or_404(Certificate, pk=pk, source_signup__course=course)


def _progress_context(course):
    batch = queries.latest_batch(course)
    return {"course": course, "batch": batch}


@require_safe
def overview(request, slug):
    course = _organised_course(request, slug)
    certificates = {c.source_signup_id: c for c in queries.course_certificates(course)}
    completed = list(course_queries.completed_signups(course)) if course.has_ended else []
    rows = [(signup, certificates.pop(signup.pk, None)) for signup in completed]
    # Certificates of people who no longer count as completed (e.g. attendance corrected).
    rows += [(None, certificate) for certificate in certificates.values()]
    return render(
        request,
        "certificates/organiser/overview.html",
        {
            **_progress_context(course),
            "rows": rows,
            "missing": sum(1 for signup, certificate in rows if signup and not certificate),
            # Still valid, though the holder no longer counts as completed: the organiser decides.
            "not_completed": sum(
                1 for signup, certificate in rows if not signup and not certificate.is_revoked
            ),
        },
    )


@require_safe
def progress(request, slug):
    course = _organised_course(request, slug)
    return render(request, "certificates/organiser/progress.html", _progress_context(course))


@require_POST
def issue_all(request, slug):
    course = _organised_course(request, slug)
    try:
        batch = services.start_course_batch(course, by=request.user)
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        batch.refresh_from_db()
        messages.success(
            request,
            _("%(issued)s of %(total)s issued.") % {"issued": batch.issued, "total": batch.total},
        )
    return redirect("certificates:organiser", slug=course.slug)


@require_POST
def issue_one(request, slug, pk):
    """Issue one participant's certificate (pk is the course signup's)."""
    course = _organised_course(request, slug)
    signup = get_object_or_404(course.signups.select_related("user"), pk=pk)
    try:
        certificate = services.issue_single_course_certificate(signup, by=request.user)
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The certificate for %(name)s was issued.") % {"name": certificate.holder_name},
        )
    return redirect("certificates:organiser", slug=course.slug)


@require_POST
def reissue(request, slug, pk):
    course = _organised_course(request, slug)
    certificate = _certificate_of(course, pk)
    try:
        services.reissue_certificate(certificate, by=request.user)
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The certificate for %(name)s was reissued with the same code.")
            % {"name": certificate.holder_name},
        )
    return redirect("certificates:organiser", slug=course.slug)


@require_http_methods(["GET", "HEAD", "POST"])
def revoke(request, slug, pk):
    course = _organised_course(request, slug)
    certificate = _certificate_of(course, pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.revoke_certificate(
                certificate, reason=form.cleaned_data["reason"], by=request.user
            )
        except services.CertificateError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The certificate for %(name)s is revoked.") % {"name": certificate.holder_name},
            )
        return redirect("certificates:organiser", slug=course.slug)
    return render(
        request,
        "certificates/organiser/revoke.html",
        {"course": course, "certificate": certificate, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_safe
def download_zip(request, slug):
    """Every valid certificate of the course as one ZIP (PDFs made now where missing)."""
    course = _organised_course(request, slug)
    buffer = io.BytesIO()
    names = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # A deleted holder's certificate has neither name nor PDF: it stays out.
        valid = queries.course_certificates(course).filter(
            revoked_at__isnull=True, holder_erased_at__isnull=True
        )
        for certificate in valid:
            if not services.ensure_pdf(certificate):
                return render(request, "certificates/pdf_unavailable.html", status=503)
            name = f"{certificate.holder_name} {certificate.display_code}.pdf"
            if name in names:
                continue
            names.add(name)
            with certificate.pdf.open("rb") as pdf:
                archive.writestr(name, pdf.read())
    return private_download(buffer.getvalue(), "application/zip", f"{course.slug}-beviser.zip")
