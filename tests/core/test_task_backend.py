"""The task queue's database backend (core.task_backend): the rows django_tasks_db writes,
with the INSERT built once per process, and a worker that runs them."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.tasks.signals import task_enqueued
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from core.email import queue_rendered_email
from core.models import EmailStatus
from core.task_backend import DatabaseBackend
from core.tasks import deliver_email

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("database_tasks"),
]


@pytest.fixture
def database_tasks(settings):
    """Production's backend (django.tasks resets its backends when TASKS changes)."""
    settings.TASKS = {
        "default": {"BACKEND": "core.task_backend.DatabaseBackend", "QUEUES": ["default"]}
    }


def test_a_task_is_one_insert_of_the_row_django_tasks_db_would_write():
    sent = []

    def enqueued(sender, task_result, **kwargs):
        sent.append(task_result)

    assert isinstance(deliver_email.get_backend(), DatabaseBackend)
    task_enqueued.connect(enqueued)
    try:
        with CaptureQueriesContext(connection) as captured:
            result = deliver_email.enqueue(41)
    finally:
        task_enqueued.disconnect(enqueued)

    assert [q["sql"].split(" (")[0] for q in captured] == [
        'INSERT INTO "django_tasks_database_dbtaskresult"'
    ]
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.args_kwargs == {"args": [41], "kwargs": {}}
    assert row.task_path == "core.tasks.deliver_email"
    assert (row.queue_name, row.backend_name, row.priority) == ("default", "default", 0)
    assert row.run_after == get_date_max()  # "as soon as possible", set by the pre_save signal
    assert row.status == "READY"
    assert row.enqueued_at is not None
    assert [r.id for r in sent] == [result.id]


def test_a_deferred_task_keeps_its_time():
    when = timezone.now() + timedelta(minutes=5)

    result = deliver_email.using(run_after=when).enqueue(7)

    assert DBTaskResult.objects.get(pk=result.id).run_after == when


def test_a_stored_email_is_sent_by_the_worker_from_the_task_row(
    mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    # The worker closes idle connections between tasks; here its connection is the test's.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_rendered_email(["frivillig@example.org"], "Velkommen", "Hej")
    [row] = DBTaskResult.objects.all()
    assert row.args_kwargs == {"args": [email.pk], "kwargs": {}}

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert [m.subject for m in mailoutbox] == ["Velkommen"]
