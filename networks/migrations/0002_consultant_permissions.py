"""What volunteer consultants (Frivilligkonsulent) may do with networks in the Wagtail admin.

They run the networks (create, edit, delete; appoint coordinators), plan and change meetings
(not delete them: a meeting is cancelled, so members and calendars learn of it), and work the
sparring queue (view and handle, not create or delete: requests come from the people asking).
"""

from django.db import migrations

from accounts.permission_grants import grant_permissions

GRANTS = {
    "Frivilligkonsulent": {
        "network": ["add", "change", "delete", "view"],
        "networkmeeting": ["add", "change", "view"],
        "sparringrequest": ["change", "view"],
    }
}


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [grant_permissions("networks", GRANTS)]
