"""Topic now lives in taxonomy (taxonomy/0001_initial): point the courses' relations at it and
forget courses.Topic. State only: the table `courses_topic`, its rows and every foreign key
column stay as they are. The other apps' relations to Topic move first (their migrations say
`run_before` this one), so the state never holds a relation to a model that is gone.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0013_catalogue_index"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="course",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="courses",
                        to="taxonomy.topic",
                        verbose_name="topics",
                    ),
                ),
                migrations.AlterField(
                    model_name="coursewish",
                    name="topic",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="wishes",
                        to="taxonomy.topic",
                        verbose_name="topic",
                    ),
                ),
                migrations.DeleteModel(name="Topic"),
            ],
            database_operations=[],
        ),
    ]
