"""What volunteer consultants (Frivilligkonsulent) may do with associations in the Wagtail admin.

They verify and hide associations (change, not delete: an association's admins own it), keep
the categories, and run the volunteer fairs with their stands.
"""

from django.db import migrations

from accounts.permission_grants import grant_permissions

GRANTS = {
    "Frivilligkonsulent": {
        "association": ["add", "change", "view"],
        "category": ["add", "change", "delete", "view"],
        "fair": ["add", "change", "delete", "view"],
        "fairstand": ["add", "change", "delete", "view"],
    }
}


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [grant_permissions("associations", GRANTS)]
