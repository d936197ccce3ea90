# Who may download an internship certificate is worked out from its placement at each request
# instead of a list of people copied when it was issued (extra_viewers): the placement is
# read from source_key ("placement:<id>:pupil:<n>") before the list goes. A deleted holder's
# certificates now stay behind, anonymised (holder_erased_at).
import re

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

PLACEMENT_KEY = re.compile(r"^placement:(\d+):")


def link_placements(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    Placement = apps.get_model("schools", "Placement")
    existing = set(Placement.objects.values_list("pk", flat=True))
    for certificate in Certificate.objects.filter(source_key__startswith="placement:"):
        match = PLACEMENT_KEY.match(certificate.source_key)
        if match and int(match.group(1)) in existing:
            certificate.source_placement_id = int(match.group(1))
            certificate.save(update_fields=["source_placement"])


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_staff_permissions"),
        ("schools", "0003_single_line_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="source_placement",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="schools.placement",
                verbose_name="internship placement",
            ),
        ),
        migrations.RunPython(link_placements, migrations.RunPython.noop),
        migrations.RemoveField(model_name="certificate", name="extra_viewers"),
        migrations.AddField(
            model_name="certificate",
            name="holder_erased_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="holder's account deleted"
            ),
        ),
        migrations.AlterField(
            model_name="certificate",
            name="holder",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="certificates",
                to=settings.AUTH_USER_MODEL,
                verbose_name="holder",
            ),
        ),
    ]
