"""Certificates (beviser): course certificates, competence transcripts and internship
certificates, each with a public verification code.

Everything printed on a certificate is kept in `snapshot` when it is issued, so the PDF and the
public verification page say the same thing even if the course is edited later; a reissue
refreshes the snapshot and the PDF but keeps the code.
"""

import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from certificates import codes
from core.models import done_by, optional_image


def private_storage():
    """Certificate PDFs are personal data: they live outside MEDIA_ROOT unless a storage named
    "certificates" is configured (e.g. a private S3 bucket), and are only served through the
    access-checked download view."""
    if "certificates" in settings.STORAGES:
        return storages["certificates"]
    root = getattr(settings, "CERTIFICATE_ROOT", None) or settings.VAR_DIR / "private"
    return FileSystemStorage(location=root)


def pdf_path(instance, filename):
    # A random name: nothing in the path tells whose certificate it is.
    return f"certificates/{secrets.token_hex(16)}.pdf"


class CertificateKind(models.TextChoices):
    COURSE = "course", _("Course certificate")
    TRANSCRIPT = "transcript", _("Competence transcript")
    INTERNSHIP = "internship", _("Internship certificate")


class Certificate(models.Model):
    code = models.CharField(_("code"), max_length=codes.CODE_LENGTH, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=CertificateKind.choices)
    # Internship certificates go to pupils, who have no account: holder stays empty then.
    # A deleted account leaves its certificates behind, anonymised (holder_erased_at), so a
    # printed copy can still be verified.
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    holder_erased_at = models.DateTimeField(_("holder's account deleted"), null=True, blank=True)
    holder_name = models.CharField(_("holder's name"), max_length=150)
    source_signup = models.ForeignKey(
        "courses.Signup",
        verbose_name=_("signup"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    # An internship certificate's placement: who may download it is worked out from the
    # placement's school and association at each request (certificates/rules.py).
    source_placement = models.ForeignKey(
        "schools.Placement",
        verbose_name=_("internship placement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What the certificate was issued for ("signup:12", "placement:7", "transcript:…"):
    # issuing twice for the same source returns the first certificate.
    source_key = models.CharField(_("source"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    snapshot = models.JSONField(_("printed content"), default=dict)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    issued_at = models.DateTimeField(_("issued"))
    issued_by = done_by(_("issued by"))
    reissued_at = models.DateTimeField(_("reissued"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = done_by(_("revoked by"))
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    pdf = models.FileField(
        _("PDF"), upload_to=pdf_path, storage=private_storage, blank=True, max_length=200
    )
    # The Open Badges credential (certificates.credentials): the certificate's bit in the
    # published revocation list, drawn at random so the list tells nothing about issue order,
    # and the salt of the holder's hashed identity (emptied when the holder's account goes).
    status_index = models.PositiveIntegerField(
        _("status list index"), null=True, blank=True, unique=True, editable=False
    )
    subject_salt = models.CharField(
        _("salt of the holder's identity hash"), max_length=32, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        indexes = [models.Index(fields=["holder", "kind"], name="certificates_holder_kind")]

    def __str__(self):
        return f"{self.title} – {self.holder_name} ({self.display_code})"

    @property
    def display_code(self) -> str:
        return codes.display(self.code)

    @property
    def display_title(self) -> str:
        """The title in the reader's language: a transcript's stored title is its holder's
        word for it ("Kompetencebevis"), so it is named by its kind; any other certificate by
        what it is for (a course's or an internship's own title)."""
        if self.kind == CertificateKind.TRANSCRIPT:
            return str(CertificateKind.TRANSCRIPT.label)
        return self.title

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def get_verification_url(self) -> str:
        return reverse("certificates:verify", kwargs={"code": self.display_code})

    def get_download_url(self) -> str:
        return reverse("certificates:download", kwargs={"pk": self.pk})

    def get_open_badge_download_url(self) -> str:
        return reverse("certificates:open_badge", kwargs={"pk": self.pk})

    def get_credential_url(self) -> str:
        return reverse("certificates:credential", kwargs={"code": self.display_code})


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Issuing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class CertificateBatch(models.Model):
    """One "issue to everyone who completed" run for a course, with its progress."""

    course = models.ForeignKey(
        "courses.Course",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="certificate_batches",
    )
    requested_by = done_by(_("requested by"), blank=False)
    status = models.CharField(
        _("status"), max_length=16, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("to issue"), default=0)
    issued = models.PositiveIntegerField(_("issued"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.course} ({self.issued}/{self.total})"

    @property
    def is_running(self) -> bool:
        return self.status in (BatchStatus.QUEUED, BatchStatus.RUNNING)


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """Who signs the certificates, and the issuer printed on them."""

    issuer_name = models.CharField(
        _("issuer"),
        max_length=150,
        default="Kalundborg Kommune",
        help_text=_("E.g. the municipality."),
    )
    issuer_unit = models.CharField(_("department"), max_length=150, blank=True)
    issuer_email = models.EmailField(
        _("issuer's email"),
        blank=True,
        help_text=_(
            "Shown in the issuer profile of the Open Badges, for questions about a certificate."
        ),
    )
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=150, blank=True)
    signature = optional_image(
        _("signature"),
        help_text=_("A scanned signature, ideally a PNG with a transparent background."),
    )
    logo = optional_image(
        _("logo"),
        help_text=_("Leave empty to use the municipality's logo that ships with the site."),
    )

    class Meta:
        verbose_name = _("certificate signer")
