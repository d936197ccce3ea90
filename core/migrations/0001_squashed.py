"""The email outbox.

The app's migrations squashed in December 2026 (`replaces` lists them): a database that has
run all of them runs nothing here, and a new one is built by this migration alone. One part
way through them is first migrated with the release before the squash (docs/operations.md).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("core", "0001_email_outbox"),
        ("core", "0002_outgoingemail_render_later"),
    ]

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="OutgoingEmail",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="created"),
                ),
                ("queued_at", models.DateTimeField(verbose_name="queued")),
                (
                    "kind",
                    models.CharField(
                        blank=True, db_index=True, max_length=120, verbose_name="kind"
                    ),
                ),
                (
                    "about",
                    models.CharField(
                        blank=True, db_index=True, max_length=120, verbose_name="about"
                    ),
                ),
                ("language", models.CharField(blank=True, max_length=8, verbose_name="language")),
                ("to", models.JSONField(default=list, verbose_name="to")),
                ("reply_to", models.JSONField(blank=True, default=list, verbose_name="reply to")),
                ("subject", models.TextField(verbose_name="subject")),
                ("body", models.TextField(verbose_name="text")),
                ("html", models.TextField(blank=True, verbose_name="HTML")),
                ("headers", models.JSONField(blank=True, default=dict, verbose_name="headers")),
                (
                    "attachments",
                    models.JSONField(blank=True, default=list, verbose_name="attachments"),
                ),
                (
                    "message_id",
                    models.CharField(max_length=255, unique=True, verbose_name="Message-ID"),
                ),
                (
                    "render_later",
                    models.JSONField(blank=True, default=dict, verbose_name="to be rendered"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Waiting to be sent"),
                            ("sending", "Being sent"),
                            ("sent", "Sent"),
                            ("failed", "Failed"),
                        ],
                        default="pending",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                (
                    "next_attempt_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="next attempt"),
                ),
                (
                    "last_attempt_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="last attempt"),
                ),
                ("last_error", models.TextField(blank=True, verbose_name="last error")),
                ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent")),
            ],
            options={
                "verbose_name": "email",
                "verbose_name_plural": "emails",
                "ordering": ["-created_at", "-pk"],
                "permissions": [("resend_outgoingemail", "Can send an email again")],
                "indexes": [
                    models.Index(fields=["status", "next_attempt_at"], name="core_email_due")
                ],
            },
        ),
    ]
