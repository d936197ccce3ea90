"""People and their login (the staff roles: 0002_squashed_roles).

The app's migrations squashed in December 2026 (`replaces` lists them): a database that has
run all of them runs nothing here, and a new one is built by this migration alone. One part
way through them is first migrated with the release before the squash (docs/operations.md).
"""

import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import accounts.models
import core.models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("accounts", "0001_initial"),
        ("accounts", "0004_single_line_names"),
        ("accounts", "0005_sso_assurance_and_provider_sessions"),
        ("accounts", "0006_email_opt_outs"),
    ]

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="User",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("password", models.CharField(max_length=128, verbose_name="password")),
                (
                    "last_login",
                    models.DateTimeField(blank=True, null=True, verbose_name="last login"),
                ),
                (
                    "is_superuser",
                    models.BooleanField(
                        default=False,
                        help_text="Designates that this user has all permissions without explicitly assigning them.",
                        verbose_name="superuser status",
                    ),
                ),
                (
                    "email",
                    models.EmailField(max_length=254, unique=True, verbose_name="email address"),
                ),
                (
                    "full_name",
                    core.models.SingleLineField(max_length=150, verbose_name="full name"),
                ),
                (
                    "phone",
                    models.CharField(
                        blank=True,
                        help_text="Optional. Used only if an organiser needs to reach you quickly.",
                        max_length=30,
                        verbose_name="phone number",
                    ),
                ),
                (
                    "preferred_language",
                    models.CharField(
                        choices=[("da", "Dansk"), ("en", "English")],
                        default="da",
                        help_text="Emails and certificates are sent to you in this language.",
                        max_length=8,
                        verbose_name="preferred language",
                    ),
                ),
                (
                    "is_staff",
                    models.BooleanField(
                        default=False,
                        help_text="Designates whether the user can log into the Django admin.",
                        verbose_name="staff status",
                    ),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="active")),
                (
                    "date_joined",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="date joined"
                    ),
                ),
                (
                    "mitid_assurance",
                    models.CharField(
                        blank=True,
                        choices=[("low", "Low"), ("substantial", "Substantial"), ("high", "High")],
                        max_length=12,
                        verbose_name="MitID assurance level",
                    ),
                ),
                (
                    "mitid_verified_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="identity confirmed with MitID"
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        blank=True,
                        help_text="The groups this user belongs to. A user will get all permissions granted to each of their groups.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
                (
                    "user_permissions",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Specific permissions for this user.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.permission",
                        verbose_name="user permissions",
                    ),
                ),
            ],
            options={
                "verbose_name": "user",
                "verbose_name_plural": "users",
                "ordering": ["full_name", "email"],
            },
            managers=[
                ("objects", accounts.models.UserManager()),
            ],
        ),
        migrations.CreateModel(
            name="EmailOptOut",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=40, verbose_name="kind of email")),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="chosen"),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="email_opt_outs",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "email opt-out",
                "verbose_name_plural": "email opt-outs",
            },
        ),
        migrations.CreateModel(
            name="ProviderSession",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("provider_id", models.CharField(max_length=40)),
                ("sub", models.CharField(max_length=255)),
                ("sid", models.CharField(blank=True, max_length=255)),
                ("session_key", models.CharField(max_length=40)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="provider_sessions",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"), name="accounts_user_email_ci_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="emailoptout",
            constraint=models.UniqueConstraint(
                fields=("user", "kind"), name="accounts_email_opt_out_unique"
            ),
        ),
        migrations.AddIndex(
            model_name="providersession",
            index=models.Index(fields=["provider_id", "sid"], name="accounts_ps_sid"),
        ),
        migrations.AddIndex(
            model_name="providersession",
            index=models.Index(fields=["provider_id", "sub"], name="accounts_ps_sub"),
        ),
    ]
