"""Let course administrators and volunteer consultants see certificates in the Wagtail admin
(and download any certificate); course administrators may also revoke them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Kursusadministrator": {"certificate": ("view", "change"), "certificatebatch": ("view",)},
    "Frivilligkonsulent": {"certificate": ("view",)},
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("certificates")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, models in GRANTS.items():
        group = Group.objects.get(name=role)
        for model, actions in models.items():
            for action in actions:
                group.permissions.add(
                    Permission.objects.get(
                        content_type__app_label="certificates", codename=f"{action}_{model}"
                    )
                )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="certificates"))


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
