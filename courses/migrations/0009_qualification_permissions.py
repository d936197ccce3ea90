"""Course administrators keep the qualifications that courses grant (first aid, valid two
years); volunteer consultants, who advise boards on their competences, may look them up."""

from django.db import migrations

from accounts.permission_grants import grant_permissions

GRANTS = {
    "Kursusadministrator": {"qualificationkind": ("add", "change", "delete", "view")},
    "Frivilligkonsulent": {"qualificationkind": ("view",)},
}


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0008_qualifications"),
        ("accounts", "0002_roles"),
    ]

    operations = [grant_permissions("courses", GRANTS)]
