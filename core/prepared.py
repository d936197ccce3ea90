"""A query whose SQL is built once per process and run with new arguments each time.

For the few statements on a hot path where building the SQL from a queryset costs more than
running it: the signup's course lock and seat counts (courses.services.base), run by every
signup while others queue for the same course. The SQL is exactly what the queryset compiles
to on the configured database; only the values marked as arguments change per call. Tests that
capture queries see it as any other query.

    locked = PreparedQuery(lambda pk: Course.objects.select_for_update().filter(pk=pk))
    course = locked.instance(course_id)
"""

import inspect
from collections.abc import Callable
from itertools import count

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

# Stand-ins for the arguments while compiling: negative ids no row ever has, each used once.
_markers = count(-1_000_001, -1)


def _slot(markers: list[int], param) -> int | None:
    """Which argument a compiled parameter stands for (None: a constant of the query). A text
    column's filter turns the marker into its text ("-1000001"): that is the argument too."""
    if isinstance(param, str) and param.startswith("-") and param[1:].isdigit():
        param = int(param)
    if isinstance(param, int) and param in markers:
        return markers.index(param)
    return None


class PreparedQuery:
    def __init__(self, build: Callable[..., QuerySet], using: str = DEFAULT_DB_ALIAS):
        """`build(*arguments)` returns the queryset; each argument must reach the SQL as one
        parameter (a filter value such as a primary key or a slug), not change its shape."""
        self.build = build
        self.using = using
        self.arity = len(inspect.signature(build).parameters)
        self._compiled = None

    def _compile(self):
        markers = [next(_markers) for _ in range(self.arity)]
        queryset = self.build(*markers)
        compiler = queryset.query.get_compiler(using=self.using)
        sql, params = compiler.as_sql()
        slots = [_slot(markers, p) for p in params]
        if sorted(s for s in slots if s is not None) != list(range(self.arity)):
            raise ValueError("Each argument must appear once among the query's parameters.")
        expressions = [expression for expression, _, _ in compiler.select]
        names = [alias or expression.target.attname for expression, _, alias in compiler.select]
        # What the queryset would do to each value read (dates on SQLite, JSON, …).
        converters = list(compiler.get_converters(expressions).items())
        return sql, slots, list(params), names, queryset.model, converters

    def rows(self, *arguments) -> tuple[list[str], list[tuple]]:
        """(column names, rows) for these arguments."""
        if self._compiled is None:
            self._compiled = self._compile()
        sql, slots, constants, names, _, converters = self._compiled
        params = [c if s is None else arguments[s] for s, c in zip(slots, constants, strict=True)]
        connection = connections[self.using]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if converters:
            rows = [list(row) for row in rows]
            for row in rows:
                for position, (functions, expression) in converters:
                    value = row[position]
                    for function in functions:
                        value = function(value, expression, connection)
                    row[position] = value
        return names, rows

    def instance(self, *arguments):
        """The first row as a model instance (as the queryset would build it), or None."""
        names, rows = self.rows(*arguments)
        if not rows:
            return None
        return self._compiled[4].from_db(self.using, names, rows[0])

    def instances(self, *arguments) -> list:
        """Every row as a model instance."""
        names, rows = self.rows(*arguments)
        model = self._compiled[4]
        return [model.from_db(self.using, names, row) for row in rows]

    def values(self, *arguments) -> dict | None:
        """The first row as a dict of column names, or None."""
        names, rows = self.rows(*arguments)
        return dict(zip(names, rows[0], strict=True)) if rows else None
