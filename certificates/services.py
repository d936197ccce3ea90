"""Issuing, reissuing and revoking certificates. Every change to a certificate happens here.

- A course certificate goes only to a participant who completed the course
  (courses' completion rule); issuing twice for the same source returns the first one.
- A reissue keeps the code (printed copies stay verifiable), refreshes what is printed and
  makes a new PDF. A revoked certificate stays revoked.
- PDFs are rendered outside the database transaction (rendering takes a moment and must not
  hold the write lock). If WeasyPrint cannot run here, the certificate is still issued and its
  PDF is made on the first download.
"""

import json
import logging
import secrets
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from certificates import codes
from certificates.credentials import status_list
from certificates.models import (
    BatchStatus,
    Certificate,
    CertificateBatch,
    CertificateKind,
)
from certificates.rendering import PdfUnavailable, render_certificate_pdf
from certificates.snapshots import course_snapshot, issuer_fields, transcript_snapshot
from core.audit import record
from core.email import queue_email
from core.services import ServiceError
from courses import queries as course_queries
from courses.models import Course, Signup

logger = logging.getLogger(__name__)


class CertificateError(ServiceError):
    """A certificate action that the rules do not allow; the message is shown to the user."""


# --- Creating and PDFs ----------------------------------------------------------------------


def _create(*, source_key: str, **fields) -> tuple[Certificate, bool]:
    """Create the certificate for `source_key` once; a second call (or a concurrent one that
    lost the race) gets the first certificate back."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate, created = Certificate.objects.get_or_create(
                    source_key=source_key,
                    defaults={
                        "code": codes.generate(),
                        # Its Open Badge's revocation bit and holder-hash salt.
                        "status_index": status_list.draw_index(),
                        "subject_salt": secrets.token_hex(16),
                        **fields,
                    },
                )
                if created:
                    record(certificate, "wagtail.create", by=fields.get("issued_by"))
                return certificate, created
        except IntegrityError:
            existing = Certificate.objects.filter(source_key=source_key).first()
            if existing is not None:
                return existing, False
            # Otherwise two codes (2⁻⁸⁰) or two status list indexes collided: draw again.
    raise CertificateError(_("The certificate could not be issued. Please try again."))


def store_pdf(certificate: Certificate) -> bool:
    """Render the certificate's PDF and store it, replacing an older one. False (and a log
    line) when WeasyPrint's native libraries are missing here."""
    try:
        data = render_certificate_pdf(certificate)
    except PdfUnavailable as error:
        logger.warning("Certificate %s: PDF not rendered (%s)", certificate.pk, error)
        return False
    old_name = certificate.pdf.name
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(data), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    if old_name:
        certificate.pdf.storage.delete(old_name)
    return True


def ensure_pdf(certificate: Certificate) -> bool:
    """Make sure the stored PDF exists (it may be missing when WeasyPrint was unavailable at
    issue time). A deleted holder's certificate gets none: its PDF, which printed the name, was
    deleted with the account, and only the verification page speaks for it now."""
    if certificate.holder_erased_at is not None:
        return False
    if certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name):
        return True
    return store_pdf(certificate)


def _notify_holder(certificate: Certificate) -> None:
    holder = certificate.holder
    if holder is None or not holder.email:
        return
    with translation.override(certificate.language):
        url = settings.SITE_URL.rstrip("/") + reverse("certificates:mine")
    queue_email(
        holder.email,
        "emails/certificates/issued",
        {"certificate": certificate, "holder_name": holder.get_full_name(), "url": url},
        language=certificate.language,
    )


# --- Course certificates --------------------------------------------------------------------


def issue_course_certificate(
    signup: Signup, *, by=None, notify: bool = True, with_pdf: bool = True
):
    """Issue the certificate for one participant who completed the course (`by` the person
    who issues it; None when the site does, e.g. in demo data). Idempotent: a second call
    returns the existing certificate without a second email. With `with_pdf=False` the PDF is
    left to the first download."""
    certificate, _created = _issue_course_certificate(
        signup, by=by, notify=notify, with_pdf=with_pdf
    )
    return certificate


def issue_single_course_certificate(signup: Signup, *, by) -> Certificate:
    """An organiser issues one participant's certificate (e.g. after attendance was corrected).
    The same rules as for everyone, but a participant who already has a certificate is an
    error to show, not a quiet success; either way there is one certificate and one email."""
    certificate, created = _issue_course_certificate(signup, by=by, notify=True, with_pdf=True)
    if not created:
        raise CertificateError(
            _("%(name)s already has a certificate.") % {"name": certificate.holder_name}
        )
    return certificate


def _issue_course_certificate(
    signup: Signup, *, by, notify: bool, with_pdf: bool
) -> tuple[Certificate, bool]:
    course = signup.course
    existing = Certificate.objects.filter(source_key=f"signup:{signup.pk}").first()
    if existing is not None:
        return existing, False
    if not course.issues_certificate:
        raise CertificateError(_("This course does not issue certificates."))
    if not course.has_ended:
        raise CertificateError(_("Certificates can be issued once the course has ended."))
    if not course_queries.has_completed(signup):
        raise CertificateError(
            _("Only participants who completed the course can get a certificate.")
        )
    language = signup.user.preferred_language
    snapshot = course_snapshot(signup, language)
    certificate, created = _create(
        source_key=f"signup:{signup.pk}",
        kind=CertificateKind.COURSE,
        holder=signup.user,
        holder_name=snapshot["holder_name"],
        source_signup=signup,
        title=snapshot["title"],
        snapshot=snapshot,
        language=language,
        issued_at=timezone.now(),
        issued_by=by,
    )
    if created:
        if with_pdf:
            store_pdf(certificate)
        if notify:
            _notify_holder(certificate)
    return certificate, created


def reissue_certificate(certificate: Certificate, *, by=None) -> Certificate:
    """Refresh what is printed (after a correction) and make a new PDF; the code stays."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.is_revoked:
            raise CertificateError(_("A revoked certificate cannot be reissued."))
        if certificate.holder_erased_at is not None:
            raise CertificateError(
                _(
                    "The holder has deleted their account, so the certificate can no longer "
                    "be reissued. Its code is still verified, and it can be revoked."
                )
            )
        if certificate.kind == CertificateKind.COURSE and certificate.source_signup_id:
            signup = Signup.objects.select_related("course", "user").get(
                pk=certificate.source_signup_id
            )
            certificate.language = signup.user.preferred_language
            certificate.snapshot = course_snapshot(signup, certificate.language)
        else:
            fields = issuer_fields()
            if certificate.kind == CertificateKind.INTERNSHIP:
                fields.pop("issuer")  # the hosting association stays the issuer
            certificate.snapshot = {**certificate.snapshot, **fields}
            if certificate.holder_id:
                certificate.snapshot["holder_name"] = certificate.holder.get_full_name()
        certificate.holder_name = certificate.snapshot["holder_name"]
        certificate.title = certificate.snapshot.get("title", certificate.title)
        certificate.reissued_at = timezone.now()
        certificate.save(
            update_fields=["language", "snapshot", "holder_name", "title", "reissued_at"]
        )
        record(certificate, "frivilligloeft.certificates.reissued", by=by)
    store_pdf(certificate)
    return certificate


def revoke_certificate(certificate: Certificate, *, reason: str, by=None) -> Certificate:
    """Mark the certificate as revoked: the verification page says "Revoked" from now on."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give a reason for revoking the certificate."))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.is_revoked:
            raise CertificateError(_("The certificate is already revoked."))
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = by
        certificate.revocation_reason = reason
        certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        record(certificate, "frivilligloeft.certificates.revoked", by=by, data={"reason": reason})
    return certificate


# --- Issuing a whole course in the background --------------------------------------------------


def pending_signups(course: Course) -> list[Signup]:
    """Completed participants who have no certificate yet."""
    done = Certificate.objects.filter(source_signup__course=course).values("source_signup_id")
    return list(course_queries.completed_signups(course).exclude(pk__in=done))


def start_course_batch(course: Course, *, by) -> CertificateBatch:
    """Issue certificates to everyone who completed the course, as a background task (`by`
    the organiser who asks, recorded as the batch's `requested_by` and each certificate's
    `issued_by`).

    A batch already running for the course is returned instead of starting a second one.
    """
    from certificates.tasks import issue_course_batch

    if not course.issues_certificate:
        raise CertificateError(_("This course does not issue certificates."))
    if not course.has_ended:
        raise CertificateError(_("Certificates can be issued once the course has ended."))
    with transaction.atomic():
        Course.objects.select_for_update().filter(pk=course.pk).first()
        running = CertificateBatch.objects.filter(
            course=course, status__in=[BatchStatus.QUEUED, BatchStatus.RUNNING]
        ).first()
        if running is not None:
            return running
        total = len(pending_signups(course))
        if total == 0:
            raise CertificateError(_("Everyone who completed the course has a certificate."))
        batch = CertificateBatch.objects.create(course=course, requested_by=by, total=total)
        record(
            course,
            "frivilligloeft.certificates.batch_started",
            by=by,
            data={"batch": batch.pk, "total": total},
        )
        transaction.on_commit(lambda: issue_course_batch.enqueue(batch.pk))
    return batch


def run_course_batch(batch_id: int) -> None:
    """The task's work: issue one certificate after the other, counting progress as it goes."""
    batch = CertificateBatch.objects.select_related("course", "requested_by").get(pk=batch_id)
    if batch.status not in (BatchStatus.QUEUED, BatchStatus.RUNNING):
        return
    CertificateBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.RUNNING)
    try:
        for signup in pending_signups(batch.course):
            try:
                issue_course_certificate(signup, by=batch.requested_by)
            except CertificateError:
                CertificateBatch.objects.filter(pk=batch.pk).update(failed=F("failed") + 1)
            else:
                CertificateBatch.objects.filter(pk=batch.pk).update(issued=F("issued") + 1)
    except Exception:
        logger.exception("Certificate batch %s failed", batch.pk)
        CertificateBatch.objects.filter(pk=batch.pk).update(
            status=BatchStatus.FAILED, finished_at=timezone.now()
        )
        raise
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.DONE, finished_at=timezone.now()
    )


# --- Transcripts and internships ----------------------------------------------------------


def issue_transcript(user, *, by=None, with_pdf: bool = True) -> Certificate:
    """A competence transcript (kompetencebevis) of everything `user` has completed, with
    their qualifications and how long each is valid (`by` who asks for it; by default the
    person themselves). Each one gets its own code: it proves
    what was true on the day it was made. `with_pdf=False` leaves the PDF to the first
    download."""
    language = user.preferred_language
    snapshot = transcript_snapshot(user, language)
    if not snapshot["courses"]:
        raise CertificateError(
            _("A competence transcript lists completed courses; you have none yet.")
        )
    with transaction.atomic():
        # The holder's row is the lock: two requests at once (a double click) find one.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        certificate = _same_transcript_today(user, snapshot)
        if certificate is None:
            certificate, _created = _create(
                source_key=f"transcript:{user.pk}:{secrets.token_hex(8)}",
                kind=CertificateKind.TRANSCRIPT,
                holder=user,
                holder_name=snapshot["holder_name"],
                title=snapshot["title"],
                snapshot=snapshot,
                language=language,
                issued_at=timezone.now(),
                issued_by=by or user,
            )
        elif certificate.pdf:
            return certificate
    if with_pdf:
        store_pdf(certificate)
    return certificate


def _same_transcript_today(user, snapshot: dict) -> Certificate | None:
    """The holder's valid transcript made today with exactly this content, if there is one:
    asking again with nothing new (a double click, Back and again) gives it back rather than
    a second code for the same facts."""
    today = timezone.localdate()
    latest = (
        Certificate.objects.filter(
            holder=user, kind=CertificateKind.TRANSCRIPT, revoked_at__isnull=True
        )
        .order_by("-issued_at", "-pk")
        .first()
    )
    if latest is None or timezone.localdate(latest.issued_at) != today:
        return None
    return latest if latest.snapshot == json.loads(json.dumps(snapshot)) else None


def issue_internship_certificate(
    *,
    source_key: str,
    holder_name: str,
    title: str,
    issuer_name: str,
    hours: float,
    start: date,
    end: date,
    description: str = "",
    language: str = settings.LANGUAGE_CODE,
    by=None,
    placement=None,
    with_pdf: bool = True,
) -> Certificate:
    """A certificate for someone without an account (a pupil's volunteer internship).
    Idempotent by `source_key` (e.g. "placement:7:pupil:1"). Who may download it follows from
    `placement` at each request (certificates/rules.py), never from a stored list.
    Without `with_pdf` the PDF is rendered on first download."""
    snapshot = {
        "holder_name": holder_name,
        "title": title,
        "hours": hours,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "description": description,
        **issuer_fields(),
        "issuer": issuer_name,
        "host": issuer_name,
    }
    certificate, created = _create(
        source_key=source_key,
        kind=CertificateKind.INTERNSHIP,
        holder=None,
        holder_name=holder_name,
        title=title,
        snapshot=snapshot,
        language=language,
        issued_at=timezone.now(),
        issued_by=by,
        source_placement=placement,
    )
    if placement is not None and certificate.source_placement_id is None:
        certificate.source_placement = placement
        certificate.save(update_fields=["source_placement"])
    if created and with_pdf:
        store_pdf(certificate)
    return certificate
