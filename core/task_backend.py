"""The task queue's database backend, its rows written with an INSERT built once per process.

Every stored email enqueues a task (core.outbox), so a signup writes one task row right after
its own transaction; `DBTaskResult.objects.create()` built that INSERT from the model each
time, a seventh of a signup's Python. `core.prepared.PreparedInsert` sends the same row, the
same signals and the same id (the backend's `id_function` or the model's uuid4).
"""

from django.db.models import Expression
from django_tasks_db.backend import DatabaseBackend as BaseDatabaseBackend
from django_tasks_db.compat import normalize_json

from core.prepared import PreparedInsert


class DatabaseBackend(BaseDatabaseBackend):
    def __init__(self, alias: str, params: dict) -> None:
        super().__init__(alias, params)
        self._insert: PreparedInsert | None = None

    def _task_to_db_task(self, task, args, kwargs):
        from django_tasks_db.models import DBTaskResult

        result_id = self._get_id()
        if isinstance(result_id, Expression):  # computed by the database: only save() can
            return super()._task_to_db_task(task, args, kwargs)
        self._insert = self._insert or PreparedInsert(DBTaskResult)
        return self._insert.save(
            DBTaskResult(
                id=result_id,
                args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
                priority=task.priority,
                task_path=task.module_path,
                queue_name=task.queue_name,
                run_after=task.run_after,
                backend_name=self.alias,
            )
        )
