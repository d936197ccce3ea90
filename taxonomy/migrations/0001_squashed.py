"""Topics (the table keeps its name from when the model lived in courses: courses_topic); course
administrators keep them.

The app's migrations squashed in December 2026 (`replaces` lists them): a database that has
run all of them runs nothing here, and a new one is built by this migration alone. One part
way through them is first migrated with the release before the squash (docs/operations.md).
"""

from django.db import migrations, models

import core.models
from accounts.permission_grants import grant_permissions

# Course administrators keep the topics.
GRANTS = {"Kursusadministrator": {"topic": ("add", "change", "delete", "view")}}


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("taxonomy", "0001_initial"),
    ]

    dependencies = [
        ("accounts", "0002_squashed_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name="Topic",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    core.models.SingleLineField(max_length=80, unique=True, verbose_name="name"),
                ),
                (
                    "name_en",
                    core.models.SingleLineField(
                        blank=True, max_length=80, verbose_name="name in English"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                (
                    "description_en",
                    models.TextField(blank=True, verbose_name="description in English"),
                ),
            ],
            options={
                "verbose_name": "topic",
                "verbose_name_plural": "topics",
                "db_table": "courses_topic",
                "ordering": ["name"],
                "abstract": False,
            },
        ),
        grant_permissions("taxonomy", GRANTS),
    ]
