"""Give the Kursusadministrator role what it needs to run courses in the Wagtail admin.

Course administrators add, change and delete courses (with their meetings), topics and
providers, and see signups and sent messages. Being allowed to change courses is also what
opens the organiser tools of every course on the public site (see courses.access).
"""

from django.db import migrations

from accounts.permission_grants import grant_permissions

GRANTS = {
    "Kursusadministrator": {
        "course": ("add", "change", "delete", "view"),
        "meeting": ("add", "change", "delete", "view"),
        "topic": ("add", "change", "delete", "view"),
        "provider": ("add", "change", "delete", "view"),
        "signup": ("view",),
        "attendance": ("view",),
        "coursemessage": ("view",),
    }
}


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_signup_history_and_messages"),
        ("accounts", "0002_roles"),
    ]

    operations = [grant_permissions("courses", GRANTS)]
