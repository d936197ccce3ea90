"""Topic now lives in taxonomy (taxonomy/0001_initial): point the board's competence needs at
it. State only: the column keeps pointing at the same table, `courses_topic`.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0006_consultants_see_invitations"),
        ("taxonomy", "0001_initial"),
    ]
    # courses.Topic leaves the state there; nothing may still point at it by then.
    run_before = [("courses", "0014_topic_moved_to_taxonomy")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="boardcompetenceneed",
                    name="topic",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="taxonomy.topic",
                        verbose_name="topic",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
