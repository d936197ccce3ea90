"""A GIN index on the expression Wagtail's PostgreSQL search backend filters with.

Wagtail's database search (wagtail.search.backends.database.postgres) matches
`(title || body) @@ query` on wagtailsearch_indexentry, while its own GIN indexes cover `title`
and `body` separately, so every search read the whole table: at 20,000 courses (seed_bench
--scale 10) a course search took 50–150 ms in a sequential scan. With this index a selective
word is a bitmap index scan (under 1 ms to find the rows). PostgreSQL only: on SQLite Wagtail
uses FTS5 tables and there is nothing to add.
"""

from django.db import migrations

INDEX = "cms_searchentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_single_line_names"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
