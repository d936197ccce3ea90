"""What volunteer consultants (Frivilligkonsulent) may do with schools in the Wagtail admin.

They keep the list of schools and their coordinators, follow offers and theme weeks, and see
placements (read only: placements change through schools.services, never by a form edit).
"""

from django.db import migrations

from accounts.permission_grants import grant_permissions

GRANTS = {
    "Frivilligkonsulent": {
        "school": ["add", "change", "delete", "view"],
        "schoolcoordinator": ["add", "change", "delete", "view"],
        "internshipoffer": ["change", "view"],
        "placement": ["change", "view"],
        "themeweek": ["change", "view"],
        "themeweekcontribution": ["view"],
    }
}


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [grant_permissions("schools", GRANTS)]
