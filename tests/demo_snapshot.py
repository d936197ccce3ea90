"""The demo site built once per test session and put back for each test that wants it.

`seed_demo` takes half a minute (most of it rendering about 130 certificate PDFs, which the
session's seeding leaves to the first download, tests/conftest.py). Browser tests and the
seeding tests used to run it per test. Now the session runs the real command once, on the
migrations' data every test starts from, and keeps what it made: every table's rows (and
SQLite's sqlite_sequence / PostgreSQL's sequences) plus the files it wrote under MEDIA_ROOT and
CERTIFICATE_ROOT. `restore` puts all of that back in well under a second, inside whatever
transaction the test runs in; the test then sees exactly the database `seed_demo` left.

SQLite: the rows are read into memory as SQLite stores them (no Django converters, so values
go back byte for byte). PostgreSQL: the rows stay in the server, copied into a schema of
their own that is not on the search path; a restore is one `INSERT ... SELECT` per table.
Foreign keys are deferred (Django creates them DEFERRABLE INITIALLY DEFERRED), so tables can be
emptied and filled in any order.
"""

# Table and column names come from the database's own catalogue and are quoted.
# ruff: noqa: S608

from __future__ import annotations

import itertools
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

PG_SCHEMA_PREFIX = "frivilligloeft_snapshot"
_counter = itertools.count()


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


@dataclass
class Snapshot:
    """The database (and optionally the files) as they were when taken."""

    tables: list[str]
    # SQLite: table -> (columns, rows). PostgreSQL: the schema that holds the copies.
    rows: dict[str, tuple[list[str], list[tuple]]] = field(default_factory=dict)
    # Virtual tables (Wagtail's FTS5 search index): triggers on ordinary tables write them.
    sqlite_virtual: list[str] = field(default_factory=list)
    pg_schema: str = ""
    pg_columns: dict[str, list[str]] = field(default_factory=dict)
    pg_sequences: list[tuple[str, int | None, bool]] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    output: str = ""

    def drop(self) -> None:
        for copy in self.files.values():
            shutil.rmtree(copy, ignore_errors=True)
        if self.pg_schema:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {_quote(self.pg_schema)} CASCADE")


# --- SQLite --------------------------------------------------------------------------------


def _sqlite_tables(raw) -> list[tuple[str, bool]]:
    """(name, is_virtual) for every table whose rows are data, sqlite_sequence included.

    Shadow tables of virtual tables (FTS5's _data, _idx, ...) are left out: writing the
    virtual table's own columns rebuilds them.
    """
    entries = raw.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    virtual = [name for name, sql in entries if (sql or "").upper().startswith("CREATE VIRTUAL")]
    tables = []
    for name, _sql in entries:
        if any(name.startswith(f"{v}_") for v in virtual):
            continue
        tables.append((name, name in virtual))
    return tables


def _take_sqlite() -> Snapshot:
    connection.ensure_connection()
    # Django's connection, so that rows of an open transaction count. `+column` (a no-op in
    # SQLite) hides the declared type, so no converter turns a stored value into a Python
    # object that would go back in another format.
    raw = connection.connection
    rows = {}
    virtual = []
    for name, is_virtual in _sqlite_tables(raw):
        columns = [info[1] for info in raw.execute(f"PRAGMA table_info({_quote(name)})")]
        if is_virtual:
            columns = ["rowid", *columns]
            virtual.append(name)
        select = ", ".join(f"+{_quote(c)}" for c in columns)
        rows[name] = (columns, raw.execute(f"SELECT {select} FROM {_quote(name)}").fetchall())
    return Snapshot(tables=list(rows), rows=rows, sqlite_virtual=virtual)


def _restore_sqlite(snapshot: Snapshot) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        current = {name for (name,) in cursor.fetchall()}
        for name in snapshot.tables:
            if name in current:
                cursor.execute(f"DELETE FROM {_quote(name)}")
        # Ordinary tables first; their triggers fill the virtual tables, which are then
        # emptied again and written as they were.
        ordinary = [name for name in snapshot.tables if name not in snapshot.sqlite_virtual]
        for name in [*ordinary, *snapshot.sqlite_virtual]:
            columns, rows = snapshot.rows[name]
            if name in snapshot.sqlite_virtual:
                cursor.execute(f"DELETE FROM {_quote(name)}")
            if not rows:
                continue
            names = ", ".join(_quote(c) for c in columns)
            marks = ", ".join(["%s"] * len(columns))
            try:
                cursor.executemany(f"INSERT INTO {_quote(name)} ({names}) VALUES ({marks})", rows)
            except Exception as error:
                error.add_note(f"while restoring {name}")
                raise


# --- PostgreSQL ----------------------------------------------------------------------------


def _take_postgresql() -> Snapshot:
    schema = f"{PG_SCHEMA_PREFIX}_{next(_counter)}"
    snapshot = Snapshot(tables=[], pg_schema=schema)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {_quote(schema)} CASCADE")
        cursor.execute(f"CREATE SCHEMA {_quote(schema)}")
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() ORDER BY 1"
        )
        snapshot.tables = [name for (name,) in cursor.fetchall()]
        for name in snapshot.tables:
            cursor.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = %s "
                "AND is_generated = 'NEVER' ORDER BY ordinal_position",
                [name],
            )
            columns = [column for (column,) in cursor.fetchall()]
            snapshot.pg_columns[name] = columns
            select = ", ".join(_quote(c) for c in columns)
            cursor.execute(
                f"CREATE TABLE {_quote(schema)}.{_quote(name)} AS "
                f"SELECT {select} FROM {_quote(name)}"
            )
        cursor.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()"
        )
        snapshot.pg_sequences = [(name, value, value is not None) for name, value in cursor]
    return snapshot


def _restore_postgresql(snapshot: Snapshot) -> None:
    schema = _quote(snapshot.pg_schema)
    with connection.cursor() as cursor:
        for name in snapshot.tables:
            cursor.execute(f"DELETE FROM {_quote(name)}")
        for name in snapshot.tables:
            columns = ", ".join(_quote(c) for c in snapshot.pg_columns[name])
            cursor.execute(
                f"INSERT INTO {_quote(name)} ({columns}) OVERRIDING SYSTEM VALUE "
                f"SELECT {columns} FROM {schema}.{_quote(name)}"
            )
        for name, value, is_called in snapshot.pg_sequences:
            cursor.execute(
                "SELECT setval(quote_ident(%s)::regclass, %s, %s)",
                [name, value or 1, is_called],
            )


# --- Both ----------------------------------------------------------------------------------


def _file_roots() -> list[Path]:
    return [
        Path(root)
        for root in (settings.MEDIA_ROOT, getattr(settings, "CERTIFICATE_ROOT", None))
        if root
    ]


def take(*, with_files: bool = False) -> Snapshot:
    """The database as this connection sees it now (and the files, if asked)."""
    snapshot = _take_postgresql() if connection.vendor == "postgresql" else _take_sqlite()
    if with_files:
        for root in _file_roots():
            copy = Path(tempfile.mkdtemp(prefix="frivilligloeft-snapshot-files-"))
            if root.exists():
                shutil.copytree(root, copy, dirs_exist_ok=True)
            snapshot.files[str(root)] = copy
    return snapshot


def restore(snapshot: Snapshot) -> None:
    """Every table back to the snapshot's rows, in one transaction (or savepoint)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            _restore_postgresql(snapshot)
        else:
            _restore_sqlite(snapshot)
    for root, copy in snapshot.files.items():
        # Files the demo wrote come back (a test may have deleted one); files a test added
        # stay, as nothing in the restored database points at them.
        shutil.copytree(copy, root, dirs_exist_ok=True)
