"""What volunteer consultants (Frivilligkonsulent) may do with associations in the Wagtail admin.

They verify and hide associations (change, not delete: an association's admins own it), keep
the categories, and run the volunteer fairs with their stands.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONSULTANT = "Frivilligkonsulent"
GRANTS = {
    "association": ["add", "change", "view"],
    "category": ["add", "change", "delete", "view"],
    "fair": ["add", "change", "delete", "view"],
    "fairstand": ["add", "change", "delete", "view"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these rows are needed now.
    app_config = apps.get_app_config("associations")
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
                    content_type__app_label="associations", codename=f"{action}_{model}"
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    consultant = Group.objects.filter(name=CONSULTANT).first()
    if consultant is not None:
        consultant.permissions.remove(
            *Permission.objects.filter(content_type__app_label="associations")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
