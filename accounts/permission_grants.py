"""Data migrations that give the staff roles (accounts.roles.Role) permissions in the admin.

Each app's migration names what each role may do with its models; this module does the rest:

    operations = [grant_permissions("networks", {"Frivilligkonsulent": {"network": ["view"]}})]

Reversing the migration takes back exactly what it granted. Import only from migrations: the
functions work on the historical models that `apps` hands them.
"""

from collections.abc import Iterable, Mapping

from django.contrib.auth.management import create_permissions
from django.db import migrations

Grants = Mapping[str, Mapping[str, Iterable[str]]]  # role (group name) -> model -> actions


def _codenames(models: Mapping[str, Iterable[str]]) -> list[str]:
    return [f"{action}_{model}" for model, actions in models.items() for action in actions]


def _permissions(apps, app_label: str, models: Mapping[str, Iterable[str]]):
    Permission = apps.get_model("auth", "Permission")
    codenames = _codenames(models)
    found = list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    missing = set(codenames) - {permission.codename for permission in found}
    if missing:
        raise LookupError(f"No such permissions in {app_label}: {', '.join(sorted(missing))}")
    return found


def grant_permissions(app_label: str, grants: Grants) -> migrations.RunPython:
    def grant(apps, schema_editor):
        # Permissions are normally created after all migrations; these rows are needed now.
        # A historical app config has no models module, and create_permissions skips those.
        app_config = apps.get_app_config(app_label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = models_module

        Group = apps.get_model("auth", "Group")
        for role, models in grants.items():
            Group.objects.get(name=role).permissions.add(*_permissions(apps, app_label, models))

    def revoke(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        for role, models in grants.items():
            group = Group.objects.filter(name=role).first()
            if group is not None:
                group.permissions.remove(
                    *group.permissions.filter(
                        content_type__app_label=app_label, codename__in=_codenames(models)
                    )
                )

    return migrations.RunPython(grant, revoke)
