"""What volunteer consultants (Frivilligkonsulent) may do with schools in the Wagtail admin.

They keep the list of schools and their coordinators, follow offers and theme weeks, and see
placements (read only: placements change through schools.services, never by a form edit).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONSULTANT = "Frivilligkonsulent"
GRANTS = {
    "school": ["add", "change", "delete", "view"],
    "schoolcoordinator": ["add", "change", "delete", "view"],
    "internshipoffer": ["change", "view"],
    "placement": ["change", "view"],
    "themeweek": ["change", "view"],
    "themeweekcontribution": ["view"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these rows are needed now.
    app_config = apps.get_app_config("schools")
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
                    content_type__app_label="schools", codename=f"{action}_{model}"
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    consultant = Group.objects.filter(name=CONSULTANT).first()
    if consultant is not None:
        consultant.permissions.remove(*Permission.objects.filter(content_type__app_label="schools"))


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
