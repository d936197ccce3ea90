"""Volunteer consultants (Frivilligkonsulent) may manage the people of an association.

They step in when an association has lost its admins: add a new admin, change a role, remove
someone who has left. The services keep the same rules for them as for the association's admins.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONSULTANT = "Frivilligkonsulent"
ACTIONS = ["add", "change", "delete", "view"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these rows are needed now.
    app_config = apps.get_app_config("associations")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    consultant = Group.objects.get(name=CONSULTANT)
    consultant.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="associations",
            codename__in=[f"{action}_associationrole" for action in ACTIONS],
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    consultant = Group.objects.filter(name=CONSULTANT).first()
    if consultant is not None:
        consultant.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="associations", codename__endswith="_associationrole"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("associations", "0002_consultant_permissions")]

    operations = [migrations.RunPython(grant, revoke)]
