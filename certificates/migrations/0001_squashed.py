"""Certificates, their batches and Open Badges credentials; what staff may do with them.

The app's migrations squashed in December 2026 (`replaces` lists them): a database that has
run all of them runs nothing here, and a new one is built by this migration alone. One part
way through them is first migrated with the release before the squash (docs/operations.md).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import certificates.models
from accounts.permission_grants import grant_permissions

GRANTS = {
    "Kursusadministrator": {"certificate": ("view", "change"), "certificatebatch": ("view",)},
    "Frivilligkonsulent": {"certificate": ("view",)},
}


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("certificates", "0001_initial"),
        ("certificates", "0002_staff_permissions"),
        ("certificates", "0003_computed_access_and_erased_holders"),
        ("certificates", "0004_open_badges_credentials"),
    ]

    dependencies = [
        ("accounts", "0002_squashed_roles"),
        ("courses", "0001_squashed"),
        ("schools", "0001_squashed"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CertificateBatch",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Waiting to start"),
                            ("running", "Issuing"),
                            ("done", "Done"),
                            ("failed", "Failed"),
                        ],
                        default="queued",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("total", models.PositiveIntegerField(default=0, verbose_name="to issue")),
                ("issued", models.PositiveIntegerField(default=0, verbose_name="issued")),
                ("failed", models.PositiveIntegerField(default=0, verbose_name="failed")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="requested")),
                (
                    "finished_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="finished"),
                ),
                (
                    "course",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="certificate_batches",
                        to="courses.course",
                        verbose_name="course",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="requested by",
                    ),
                ),
            ],
            options={
                "verbose_name": "certificate batch",
                "verbose_name_plural": "certificate batches",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="CertificateSettings",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "issuer_name",
                    models.CharField(
                        default="Kalundborg Kommune",
                        help_text="E.g. the municipality.",
                        max_length=150,
                        verbose_name="issuer",
                    ),
                ),
                (
                    "issuer_unit",
                    models.CharField(blank=True, max_length=150, verbose_name="department"),
                ),
                (
                    "issuer_email",
                    models.EmailField(
                        blank=True,
                        help_text="Shown in the issuer profile of the Open Badges, for questions about a certificate.",
                        max_length=254,
                        verbose_name="issuer's email",
                    ),
                ),
                (
                    "signer_name",
                    models.CharField(blank=True, max_length=150, verbose_name="signer's name"),
                ),
                (
                    "signer_title",
                    models.CharField(blank=True, max_length=150, verbose_name="signer's title"),
                ),
                (
                    "logo",
                    models.ForeignKey(
                        blank=True,
                        help_text="Leave empty to use the municipality's logo that ships with the site.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="logo",
                    ),
                ),
                (
                    "signature",
                    models.ForeignKey(
                        blank=True,
                        help_text="A scanned signature, ideally a PNG with a transparent background.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="signature",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={
                "verbose_name": "certificate signer",
            },
        ),
        migrations.CreateModel(
            name="Certificate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.CharField(
                        editable=False, max_length=17, unique=True, verbose_name="code"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("course", "Course certificate"),
                            ("transcript", "Competence transcript"),
                            ("internship", "Internship certificate"),
                        ],
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                (
                    "holder_erased_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="holder's account deleted"
                    ),
                ),
                ("holder_name", models.CharField(max_length=150, verbose_name="holder's name")),
                (
                    "source_key",
                    models.CharField(max_length=100, unique=True, verbose_name="source"),
                ),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                ("snapshot", models.JSONField(default=dict, verbose_name="printed content")),
                (
                    "language",
                    models.CharField(
                        choices=[("da", "Dansk"), ("en", "English")],
                        default="da",
                        max_length=8,
                        verbose_name="language",
                    ),
                ),
                ("issued_at", models.DateTimeField(verbose_name="issued")),
                (
                    "reissued_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="reissued"),
                ),
                ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="revoked")),
                (
                    "revocation_reason",
                    models.TextField(blank=True, verbose_name="reason for revocation"),
                ),
                (
                    "pdf",
                    models.FileField(
                        blank=True,
                        max_length=200,
                        storage=certificates.models.private_storage,
                        upload_to=certificates.models.pdf_path,
                        verbose_name="PDF",
                    ),
                ),
                (
                    "status_index",
                    models.PositiveIntegerField(
                        blank=True,
                        editable=False,
                        null=True,
                        unique=True,
                        verbose_name="status list index",
                    ),
                ),
                (
                    "subject_salt",
                    models.CharField(
                        blank=True,
                        editable=False,
                        max_length=32,
                        verbose_name="salt of the holder's identity hash",
                    ),
                ),
                (
                    "holder",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="certificates",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="holder",
                    ),
                ),
                (
                    "issued_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="issued by",
                    ),
                ),
                (
                    "revoked_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="revoked by",
                    ),
                ),
                (
                    "source_placement",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="schools.placement",
                        verbose_name="internship placement",
                    ),
                ),
                (
                    "source_signup",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="certificates",
                        to="courses.signup",
                        verbose_name="signup",
                    ),
                ),
            ],
            options={
                "verbose_name": "certificate",
                "verbose_name_plural": "certificates",
                "ordering": ["-issued_at", "-pk"],
                "indexes": [
                    models.Index(fields=["holder", "kind"], name="certificates_holder_kind")
                ],
            },
        ),
        grant_permissions("certificates", GRANTS),
    ]
