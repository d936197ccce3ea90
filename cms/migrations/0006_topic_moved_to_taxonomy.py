"""Topic now lives in taxonomy (taxonomy/0001_initial): point the guides' topics at it.
State only: the join table keeps pointing at the same table, `courses_topic`.
"""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_search_title_body_index"),
        ("taxonomy", "0001_initial"),
    ]
    # courses.Topic leaves the state there; nothing may still point at it by then.
    run_before = [("courses", "0014_topic_moved_to_taxonomy")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="guidepage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        help_text=(
                            "The guide appears on these topics' pages and suggests their courses."
                        ),
                        related_name="guides",
                        to="taxonomy.topic",
                        verbose_name="topics",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
