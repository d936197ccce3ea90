"""The staff roles as groups, each allowed into the Wagtail admin, and their right to read and
resend the email outbox. What each role may do with an app's models is granted by that app's
migrations.

Squashed from 0002_roles and 0003_outbox_permissions (December 2026), apart from the tables
(0001_squashed), because Wagtail's own migrations need the user model
before they create the admin's access permission. See docs/operations.md.
"""

from django.db import migrations

from accounts.permission_grants import grant_permissions

ROLES = ["Kursusadministrator", "Redaktør", "Frivilligkonsulent"]


def create_roles(apps, schema_editor):
    """The staff roles as groups, each allowed into the Wagtail admin. What each role may do
    inside the admin is granted by the app that owns the models."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


# Course administrators and volunteer consultants read the email outbox and send a failed
# email again.
OUTBOX_GRANTS = {
    "Kursusadministrator": {"outgoingemail": ["view", "resend"]},
    "Frivilligkonsulent": {"outgoingemail": ["view", "resend"]},
}


class Migration(migrations.Migration):
    replaces = [
        ("accounts", "0002_roles"),
        ("accounts", "0003_outbox_permissions"),
    ]

    dependencies = [
        ("accounts", "0001_squashed"),
        ("core", "0001_squashed"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(create_roles, remove_roles),
        grant_permissions("core", OUTBOX_GRANTS),
    ]
