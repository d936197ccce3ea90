"""Course administrators handle course wishes (plan a course for one, answer or close it) and
read the evaluation results; volunteer consultants, who meet the boards, read the wishes."""

from django.db import migrations

from accounts.permission_grants import grant_permissions

GRANTS = {
    "Kursusadministrator": {
        "coursewish": ("change", "view"),
        "wishsupport": ("view",),
        "evaluationanswer": ("view",),
        "evaluationinvitation": ("view",),
    },
    "Frivilligkonsulent": {
        "coursewish": ("view",),
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_evaluations_and_wishes"),
        ("accounts", "0002_roles"),
    ]

    operations = [grant_permissions("courses", GRANTS)]
