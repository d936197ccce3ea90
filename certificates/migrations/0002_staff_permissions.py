"""Let course administrators and volunteer consultants see certificates in the Wagtail admin
(and download any certificate); course administrators may also revoke them."""

from django.db import migrations

from accounts.permission_grants import grant_permissions

GRANTS = {
    "Kursusadministrator": {"certificate": ("view", "change"), "certificatebatch": ("view",)},
    "Frivilligkonsulent": {"certificate": ("view",)},
}


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [grant_permissions("certificates", GRANTS)]
