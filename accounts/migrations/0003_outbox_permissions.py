# Course administrators and volunteer consultants follow the email outbox: they see waiting
# and failed emails in the admin and may send one again.
from django.db import migrations

from accounts.permission_grants import grant_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("core", "0001_email_outbox"),
    ]

    operations = [
        grant_permissions(
            "core",
            {
                "Kursusadministrator": {"outgoingemail": ["view", "resend"]},
                "Frivilligkonsulent": {"outgoingemail": ["view", "resend"]},
            },
        )
    ]
