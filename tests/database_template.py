"""The test database copied from a migrated template instead of migrated by every worker.

Migrating an empty database runs about 270 migrations: half a minute of CPU, once per
pytest-xdist worker and per run. Here the first worker that finds no template for the current
code migrates its own test database and keeps a copy (SQLite: a file in TEST_TEMPLATE_DIR;
PostgreSQL: a database `<test name>_template_<key>`); the other workers, and later runs, copy
it and find nothing left to migrate (`migrate` still runs, and its post-migrate signals).

The key hashes every migration file of every installed app, the source of ours they import
(directly or not; data migrations import e.g. accounts.permission_grants), the settings and
requirements.lock, so any change that could change the migrated database builds a new
template, and editing a view, a service or a template does not. Our signal receivers all name
their sender (a real model, never a migration's historical one) and post_migrate runs again
on every copy, so the rest of our code cannot change what migrating leaves. A file lock makes
the workers take turns.
"""

from __future__ import annotations

import ast
import fcntl
import hashlib
import importlib.util
import os
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection


def _ours(path: Path) -> bool:
    # Installed packages live under BASE_DIR too (.venv): requirements.lock stands for them.
    return path.is_relative_to(settings.BASE_DIR) and "site-packages" not in path.parts


def _module_files(name: str) -> list[Path]:
    """The files of our source that importing `name` runs: its packages and the module."""
    found = []
    parts = name.split(".")
    for end in range(1, len(parts) + 1):
        try:
            spec = importlib.util.find_spec(".".join(parts[:end]))
        except (ImportError, ValueError):
            break
        if spec is None or not spec.origin or not _ours(Path(spec.origin)):
            break
        found.append(Path(spec.origin))
    return found


def _imported_closure(start: list[Path]) -> set[Path]:
    """`start` and every file of our source they import, directly or through others."""
    base = Path(settings.BASE_DIR)
    seen: set[Path] = set()
    todo = list(start)
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        module = ".".join(path.relative_to(base).with_suffix("").parts)
        package = module.removesuffix(".__init__")
        if path.name != "__init__.py":
            package = package.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_bytes())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                source = node.module or ""
                if node.level:
                    anchor = package.rsplit(".", node.level - 1)[0]
                    source = f"{anchor}.{source}" if source else anchor
                names = [source, *(f"{source}.{alias.name}" for alias in node.names)]
            for name in names:
                todo += _module_files(name)
    return seen


def template_key() -> str:
    """What the migrated database depends on: every migration, the code of ours they import
    (data migrations use e.g. accounts.permission_grants, field defaults and validators), the
    settings and requirements.lock. Not the rest of our code: editing a view must not migrate
    afresh (half a minute of a worker on an idle machine, minutes on a busy one)."""
    digest = hashlib.sha256(connection.vendor.encode())
    base = Path(settings.BASE_DIR)
    files: list[Path] = [base / "requirements.lock"]
    ours: list[Path] = []
    for app in apps.get_app_configs():
        app_path = Path(app.path)
        if _ours(app_path):
            ours += sorted(app_path.glob("migrations/*.py"))
            continue
        spec = importlib.util.find_spec(f"{app.name}.migrations")
        for folder in (spec.submodule_search_locations or []) if spec else []:
            files += sorted(Path(folder).glob("*.py"))
    files += sorted(_imported_closure(ours))
    files += sorted((base / "config").rglob("*.py"))
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(path.anchor)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def _locked(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _sqlite_template(key: str) -> Path:
    return Path(settings.TEST_TEMPLATE_DIR) / f"test-{key}.sqlite3"


def _pg_template(key: str) -> str:
    # Named after the database itself, not the worker's test database (test_<name>_gw0).
    return f"test_{connection.settings_dict['NAME']}_template_{key}"[:63]


def _pg_exists(name: str) -> bool:
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def _copy_sqlite(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as reader, closing(sqlite3.connect(target)) as writer:
        reader.backup(writer)


@contextmanager
def from_template():
    """Around Django's setup_databases: yields the keyword arguments to call it with."""
    if connection.vendor not in ("sqlite", "postgresql"):
        yield {}
        return
    key = template_key()
    with _locked(Path(settings.TEST_TEMPLATE_DIR)):
        if connection.vendor == "sqlite":
            template = _sqlite_template(key)
            target = Path(connection.creation._get_test_db_name())
            if template.exists():
                for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
                    leftover.unlink(missing_ok=True)
                _copy_sqlite(template, target)
                yield {"keepdb": True}
                return
            yield {}
            partial = template.with_suffix(".partial")
            _copy_sqlite(target, partial)
            os.replace(partial, template)
            for old in template.parent.glob("test-*.sqlite3"):
                if old != template:
                    old.unlink(missing_ok=True)
            return
        template = _pg_template(key)
        if _pg_exists(template):
            connection.settings_dict.setdefault("TEST", {})["TEMPLATE"] = template
            yield {}
            return
        yield {}
        test_name = connection.settings_dict["NAME"]
        connection.close()  # a template may have no one connected to its source
        quote = connection.ops.quote_name
        with connection.creation._nodb_cursor() as cursor:
            prefix = template.rsplit("_template_", 1)[0] + "_template_"
            cursor.execute(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [prefix]
            )
            for (old,) in cursor.fetchall():
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(old)}")
            cursor.execute(f"CREATE DATABASE {quote(template)} TEMPLATE {quote(test_name)}")
