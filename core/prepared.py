"""A query whose SQL is built once per process and run with new arguments each time.

For statements on a hot path where building the SQL from a queryset costs more than running
it: the signup's course lock and seat counts (courses.services.base), run by every signup while
others queue for the same course, and the queries every logged-in page makes (Mine sider's
panels, a person's signups). Building a queryset with three annotated subqueries and a
select_related costs ~8,000 Python function calls; running its prepared SQL ~350. The SQL is
exactly what the queryset compiles to on the configured database; only the values marked as
arguments change per call. Tests that capture queries see it as any other query.

    locked = PreparedQuery(lambda pk: Course.objects.select_for_update().filter(pk=pk))
    course = locked.instance(course_id)

Arguments are filter values (a primary key, a slug, an aware datetime such as
`timezone.now()`); each must reach the SQL as one parameter, not change its shape. Instances
are built as the queryset builds them: select_related objects and annotations included.
prefetch_related is refused (it would need more queries than the one this runs).

`PreparedInsert` does the same for `instance.save()` of a new row: the INSERT Django would
send, built once; the signup, its log entry and its email are written with it while the
course's lock is held.
"""

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import count

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import QuerySet
from django.db.models.query import ModelIterable, get_related_populators
from django.db.models.signals import post_save, pre_save
from django.db.models.sql import InsertQuery

# Stand-ins for the arguments while compiling, each used once: negative ids no row ever has,
# and instants in 1901 no row ever holds.
_markers = count(-1_000_001, -1)
_MARKER_EPOCH = datetime(1901, 1, 1, tzinfo=UTC)


def _marker(argument):
    if isinstance(argument, datetime):
        return _MARKER_EPOCH + timedelta(microseconds=-next(_markers))
    return next(_markers)


def _slot(markers: list, param, connection) -> tuple[int, Callable | None] | None:
    """Which argument a compiled parameter stands for and how the argument becomes the
    parameter (None: as it is), or None for a constant of the query. A text column's filter
    turns an integer marker into its text ("-1000001"): that is the argument too. SQLite keeps
    an aware datetime as UTC text: the argument is adapted the same way on each call."""
    if isinstance(param, str) and param.startswith("-") and param[1:].isdigit():
        param = int(param)
    for position, marker in enumerate(markers):
        if isinstance(marker, datetime):
            if isinstance(param, datetime) and param == marker:
                return position, None
            if param == connection.ops.adapt_datetimefield_value(marker):
                return position, connection.ops.adapt_datetimefield_value
        # An int, or psycopg's Int4 that a Value() becomes on PostgreSQL.
        elif isinstance(param, int) and not isinstance(param, bool) and param == marker:
            return position, None
    return None


@dataclass(frozen=True)
class _Compiled:
    sql: str
    slots: list  # per parameter: (argument position, adapter) or None for a constant
    constants: list
    names: list[str]
    model: type
    converters: list
    klass_info: dict | None
    populators: list
    annotations: dict


class PreparedQuery:
    def __init__(self, build: Callable[..., QuerySet], using: str = DEFAULT_DB_ALIAS):
        """`build(*arguments)` returns the queryset; each argument must reach the SQL as one
        parameter (a filter value such as a primary key, a slug or a datetime), not change its
        shape."""
        self.build = build
        self.using = using
        self.arity = len(inspect.signature(build).parameters)
        # One compilation per kind of arguments (a datetime compiles with a datetime marker).
        self._compiled: dict[tuple[bool, ...], _Compiled] = {}

    def _compile(self, arguments) -> _Compiled:
        markers = [_marker(argument) for argument in arguments]
        queryset = self.build(*markers)
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise ValueError("A prepared query runs one statement: no prefetch_related.")
        connection = connections[self.using]
        if queryset._iterable_class is not ModelIterable and queryset._fields is None:
            raise ValueError("A prepared query reads instances, values() or rows.")
        compiler = queryset.query.get_compiler(using=self.using)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet as error:
            # E.g. a negative marker against a positive-only integer column.
            raise ValueError("An argument's marker is out of its column's range.") from error
        slots = [_slot(markers, p, connection) for p in params]
        if sorted(s[0] for s in slots if s is not None) != list(range(self.arity)):
            raise ValueError("Each argument must appear once among the query's parameters.")
        expressions = [expression for expression, _, _ in compiler.select]
        names = [alias or expression.target.attname for expression, _, alias in compiler.select]
        # values() reads columns, not instances.
        klass_info = compiler.klass_info if queryset._iterable_class is ModelIterable else None
        populators = (
            get_related_populators(klass_info, compiler.select, self.using, queryset._fetch_mode)
            if klass_info
            else []
        )
        return _Compiled(
            sql=sql,
            slots=slots,
            constants=list(params),
            names=names,
            model=queryset.model,
            # What the queryset would do to each value read (dates on SQLite, JSON, …).
            converters=list(compiler.get_converters(expressions).items()),
            klass_info=klass_info,
            populators=populators,
            annotations=dict(compiler.annotation_col_map or {}),
        )

    def bind(self, *arguments) -> "Bound":
        """The SQL and parameters for these arguments, to run in a statement of one's own
        making (several in one round trip); `Bound.instance(rows)` and the like read what it
        returned."""
        if len(arguments) != self.arity:
            raise TypeError(f"This query takes {self.arity} arguments, not {len(arguments)}.")
        kinds = tuple(isinstance(argument, datetime) for argument in arguments)
        compiled = self._compiled.get(kinds)
        if compiled is None:
            compiled = self._compiled[kinds] = self._compile(arguments)
        params = [
            constant
            if slot is None
            else (slot[1](arguments[slot[0]]) if slot[1] else arguments[slot[0]])
            for slot, constant in zip(compiled.slots, compiled.constants, strict=True)
        ]
        return Bound(self, compiled, params)

    def _run(self, arguments) -> tuple[_Compiled, list]:
        bound = self.bind(*arguments)
        with connections[self.using].cursor() as cursor:
            cursor.execute(bound.sql, bound.params)
            rows = cursor.fetchall()
        return bound.compiled, self._converted(bound.compiled, rows)

    def _converted(self, compiled: _Compiled, rows: list) -> list:
        connection = connections[self.using]
        if compiled.converters:
            rows = [list(row) for row in rows]
            for row in rows:
                for position, (functions, expression) in compiled.converters:
                    value = row[position]
                    for function in functions:
                        value = function(value, expression, connection)
                    row[position] = value
        return rows

    def rows(self, *arguments) -> tuple[list[str], list[tuple]]:
        """(column names, rows) for these arguments."""
        compiled, rows = self._run(arguments)
        return compiled.names, rows

    def _instance(self, compiled: _Compiled, row):
        """One row as the queryset's ModelIterable builds it: the model's own columns, its
        select_related objects, its annotations."""
        if compiled.klass_info is None:
            raise ValueError("A values() query has no instances; use values() or rows().")
        fields = compiled.klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        instance = compiled.model.from_db(self.using, compiled.names[start:end], row[start:end])
        for populator in compiled.populators:
            populator.populate(row, instance)
        for name, position in compiled.annotations.items():
            setattr(instance, name, row[position])
        return instance

    def instance(self, *arguments):
        """The first row as a model instance (as the queryset would build it), or None."""
        compiled, rows = self._run(arguments)
        return self._instance(compiled, rows[0]) if rows else None

    def instances(self, *arguments) -> list:
        """Every row as a model instance."""
        compiled, rows = self._run(arguments)
        return [self._instance(compiled, row) for row in rows]

    def values(self, *arguments) -> dict | None:
        """The first row as a dict of column names, or None."""
        compiled, rows = self._run(arguments)
        return dict(zip(compiled.names, rows[0], strict=True)) if rows else None


@dataclass(frozen=True)
class Bound:
    """A prepared query's SQL and parameters for one set of arguments (PreparedQuery.bind)."""

    query: PreparedQuery
    compiled: _Compiled
    params: list

    @property
    def sql(self) -> str:
        return self.compiled.sql

    def instance(self, rows: list):
        """The first of the rows this SQL returned as a model instance, or None."""
        rows = self.query._converted(self.compiled, rows)
        return self.query._instance(self.compiled, rows[0]) if rows else None

    def values(self, rows: list) -> dict | None:
        """The first of the rows this SQL returned as a dict of column names, or None."""
        rows = self.query._converted(self.compiled, rows)
        return dict(zip(self.compiled.names, rows[0], strict=True)) if rows else None


class PreparedInsert:
    """`instance.save()` for a new instance of `model`, with the INSERT built once per process.

    Does what save() does for a new row of a plain model: foreign keys taken from related
    objects, pre_save and post_save (created=True) sent, each field's pre_save (auto_now_add
    and the like) and database preparation, an auto primary key read back. A primary key with
    a default in Python (a UUID, as the task queue's rows have) is sent with the row instead.
    `signals=False` sends no signals, as bulk_create() does not. Refused: models with parents
    (multi-table inheritance), database defaults, generated columns, an instance that is not
    new and one that already has an auto primary key."""

    def __init__(self, model, using: str = DEFAULT_DB_ALIAS, *, signals: bool = True):
        meta = model._meta
        if meta.parents or meta.proxy:
            raise ValueError("A prepared insert writes one table: no parents, no proxies.")
        fields = [field for field in meta.local_concrete_fields if field is not meta.auto_field]
        key_from_python = meta.auto_field is None and meta.pk.has_default()
        if (meta.auto_field is None and not key_from_python) or any(
            field.generated or field.has_db_default() for field in fields
        ):
            raise ValueError(
                "A prepared insert needs an auto primary key or one with a default in Python,"
                " and plain columns."
            )
        self.model, self.using, self.fields, self.signals = model, using, fields, signals
        self._returns_key = not key_from_python
        self._sql: str | None = None

    def _compile(self) -> str:
        query = InsertQuery(self.model)
        query.insert_values(self.fields, [self.model()])
        compiler = query.get_compiler(using=self.using)
        if self._returns_key:
            if not connections[self.using].features.can_return_columns_from_insert:
                raise ValueError("A prepared insert reads the new primary key with RETURNING.")
            compiler.returning_fields = [self.model._meta.pk]
        [(sql, params)] = compiler.as_sql()
        if len(params) != len(self.fields):
            raise ValueError("Each column must be one parameter of the INSERT.")
        return sql

    def save(self, instance):
        """Insert `instance` (new; without a primary key, unless the model's key comes from
        Python) and return it, as save() would."""
        meta = self.model._meta
        if type(instance) is not self.model:
            raise TypeError(f"Not a {self.model.__name__}: {instance!r}")
        if not instance._state.adding or (self._returns_key and instance.pk is not None):
            raise ValueError("A prepared insert saves new instances only.")
        instance._prepare_related_fields_for_save(operation_name="save")
        connection = connections[self.using]
        sql = self._sql = self._sql or self._compile()
        if self.signals:
            pre_save.send(
                sender=self.model,
                instance=instance,
                raw=False,
                using=self.using,
                update_fields=None,
            )
        params = []
        for field in self.fields:
            value = field.pre_save(instance, True)
            if hasattr(value, "resolve_expression"):
                raise ValueError(f"{field.name}: a prepared insert takes values, not expressions.")
            params.append(field.get_db_prep_save(value, connection))
        # As save(): a failed INSERT inside an atomic block marks the block for rollback.
        with transaction.mark_for_rollback_on_error(self.using), connection.cursor() as cursor:
            cursor.execute(sql, params)
            if self._returns_key:
                [pk] = cursor.fetchone()
                setattr(instance, meta.pk.attname, pk)
        instance._state.adding = False
        instance._state.db = self.using
        if self.signals:
            post_save.send(
                sender=self.model,
                instance=instance,
                created=True,
                update_fields=None,
                raw=False,
                using=self.using,
            )
        return instance
