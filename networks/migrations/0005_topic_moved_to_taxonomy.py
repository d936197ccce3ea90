"""Topic now lives in taxonomy (taxonomy/0001_initial): point the networks' relations at it.
State only: the columns and the join table keep pointing at the same table, `courses_topic`.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0004_linked_association"),
        ("taxonomy", "0001_initial"),
    ]
    # courses.Topic leaves the state there; nothing may still point at it by then.
    run_before = [("courses", "0014_topic_moved_to_taxonomy")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="network",
                    name="topics",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="networks",
                        to="taxonomy.topic",
                        verbose_name="topics",
                    ),
                ),
                migrations.AlterField(
                    model_name="sparringrequest",
                    name="topic",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="sparring_requests",
                        to="taxonomy.topic",
                        verbose_name="topic",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
