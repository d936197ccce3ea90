"""Give the Kursusadministrator role what it needs to run courses in the Wagtail admin.

Course administrators add, change and delete courses (with their meetings), topics and
providers, and see signups and sent messages. Being allowed to change courses is also what
opens the organiser tools of every course on the public site (see courses.access).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COURSE_ADMINISTRATOR = "Kursusadministrator"
GRANTS = {
    "course": ("add", "change", "delete", "view"),
    "meeting": ("add", "change", "delete", "view"),
    "topic": ("add", "change", "delete", "view"),
    "provider": ("add", "change", "delete", "view"),
    "signup": ("view",),
    "attendance": ("view",),
    "coursemessage": ("view",),
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these rows are needed now.
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.get(name=COURSE_ADMINISTRATOR)
    for model, actions in GRANTS.items():
        for action in actions:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="courses", codename=f"{action}_{model}"
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=COURSE_ADMINISTRATOR).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="courses")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_signup_history_and_messages"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
