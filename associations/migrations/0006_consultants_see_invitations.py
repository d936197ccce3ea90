"""Volunteer consultants see the invitations sent to people without a profile and withdraw
them ("delete" withdraws: the view calls `associations.services.revoke_invitation`, which also
asks for the right to add roles)."""

from django.db import migrations

from accounts.permission_grants import grant_permissions

GRANTS = {"Frivilligkonsulent": {"associationinvitation": ["view", "delete"]}}


class Migration(migrations.Migration):
    dependencies = [("associations", "0005_several_roles_and_invitations")]

    operations = [grant_permissions("associations", GRANTS)]
