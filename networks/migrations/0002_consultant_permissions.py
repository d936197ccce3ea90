"""What volunteer consultants (Frivilligkonsulent) may do with networks in the Wagtail admin.

They run the networks (create, edit, delete; appoint coordinators), plan and change meetings
(not delete them: a meeting is cancelled, so members and calendars learn of it), and work the
sparring queue (view and handle, not create or delete: requests come from the people asking).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONSULTANT = "Frivilligkonsulent"
GRANTS = {
    "network": ["add", "change", "delete", "view"],
    "networkmeeting": ["add", "change", "view"],
    "sparringrequest": ["change", "view"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these rows are needed now.
    app_config = apps.get_app_config("networks")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    consultant = Group.objects.get(name=CONSULTANT)
    for model, actions in GRANTS.items():
        for action in actions:
            consultant.permissions.add(
                Permission.objects.get(
                    content_type__app_label="networks", codename=f"{action}_{model}"
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    consultant = Group.objects.filter(name=CONSULTANT).first()
    if consultant is not None:
        consultant.permissions.remove(
            *Permission.objects.filter(content_type__app_label="networks")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
