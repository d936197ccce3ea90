"""Volunteer consultants (Frivilligkonsulent) may manage the people of an association.

They step in when an association has lost its admins: add a new admin, change a role, remove
someone who has left. The services keep the same rules for them as for the association's admins.
"""

from django.db import migrations

from accounts.permission_grants import grant_permissions

GRANTS = {"Frivilligkonsulent": {"associationrole": ["add", "change", "delete", "view"]}}


class Migration(migrations.Migration):
    dependencies = [("associations", "0002_consultant_permissions")]

    operations = [grant_permissions("associations", GRANTS)]
