"""The indexes the catalogue and the search need at ten times the data (issue 17; plans in
docs/performance.md): a partial index of published courses by start with their end, format
and id (so the filtered catalogue's count reads the index only), and on
PostgreSQL a GIN index on the expression Wagtail's search filters with."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_catalogue_has_its_partial_index():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "courses_course")
    index = constraints["courses_published_start_idx"]
    assert index["index"] is True
    assert index["columns"] == ["starts_at", "ends_at", "format", "id"]
    assert "courses_status_start_idx" not in constraints  # replaced, not kept beside it


def test_the_search_expression_has_its_gin_index_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("Wagtail searches with FTS5 tables on SQLite; the index is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["cms_searchentry_title_body_gin"],
        )
        (definition,) = cursor.fetchone()
    assert "USING gin" in definition
    assert "(title || body)" in definition
