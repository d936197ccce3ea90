"""Topic moves from courses to taxonomy without touching its data.

The table stays `courses_topic` (Meta.db_table), so this migration only tells Django's state
that the model now lives here. It then moves the content type row from ('courses', 'topic')
to ('taxonomy', 'topic'): the roles' permissions to manage topics (granted in
courses/0003_course_administrator_permissions), the admin's history of each topic and
Wagtail's reference index all point at that row and so keep working, now as `taxonomy.*`.

courses/0014_topic_moved_to_taxonomy then points every relation at taxonomy.Topic and drops
courses.Topic from the state; the other apps' relations move in their own migrations, which
run before it.
"""

import django.db.models
from django.db import migrations

import core.validators


def _move_content_type(apps, old_app_label, new_app_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label=old_app_label, model="topic").first()
    if old is None:  # a fresh database: post_migrate creates the row later
        return
    new = ContentType.objects.filter(app_label=new_app_label, model="topic").first()
    if new is not None:
        # A row made for the new label in the meantime (a `migrate` stopped halfway runs
        # post_migrate): what points at it moves to the old row, which keeps its id.
        _merge_content_type(apps, new, into=old)
    old.app_label = new_app_label
    old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def _merge_content_type(apps, duplicate, *, into):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(content_type=duplicate):
        kept = Permission.objects.filter(content_type=into, codename=permission.codename).first()
        if kept is None:
            permission.content_type = into
            permission.save(update_fields=["content_type"])
            continue
        kept.group_set.add(*permission.group_set.all())
        kept.user_set.add(*permission.user_set.all())
        permission.delete()
    for relation in duplicate._meta.related_objects:
        if relation.many_to_many or relation.related_model is Permission:
            continue
        relation.related_model._base_manager.filter(**{relation.field.name: duplicate}).update(
            **{relation.field.name: into}
        )
    duplicate.delete()


def forwards(apps, schema_editor):
    _move_content_type(apps, "courses", "taxonomy")


def backwards(apps, schema_editor):
    _move_content_type(apps, "taxonomy", "courses")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("courses", "0013_catalogue_index"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Topic",
                    fields=[
                        (
                            "id",
                            django.db.models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "name",
                            django.db.models.CharField(
                                max_length=80,
                                unique=True,
                                validators=[core.validators.validate_single_line],
                                verbose_name="name",
                            ),
                        ),
                        (
                            "name_en",
                            django.db.models.CharField(
                                blank=True,
                                max_length=80,
                                validators=[core.validators.validate_single_line],
                                verbose_name="name in English",
                            ),
                        ),
                        (
                            "slug",
                            django.db.models.SlugField(
                                max_length=80, unique=True, verbose_name="slug"
                            ),
                        ),
                        (
                            "description",
                            django.db.models.TextField(blank=True, verbose_name="description"),
                        ),
                        (
                            "description_en",
                            django.db.models.TextField(
                                blank=True, verbose_name="description in English"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "topic",
                        "verbose_name_plural": "topics",
                        "db_table": "courses_topic",
                        "ordering": ["name"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
