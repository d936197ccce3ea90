"""Emails stored in the change's transaction and rendered after it committed
(core.email.queue_email_rendered_later): the row is never lost, rendering happens outside the
transaction (and so outside any row lock it holds), and a row whose rendering never happened is
rendered by the sender."""

import pytest
from django.core import mail
from django.db import transaction

from core import outbox
from core.email import EmailToRender, queue_email_rendered_later, register_renderer
from core.models import EmailStatus, OutgoingEmail

pytestmark = pytest.mark.django_db

CALLS = []


def greeting(*, name: str, fail: bool = False, gone: bool = False):
    CALLS.append((name, transaction.get_connection().in_atomic_block))
    if fail:
        raise ValueError("no such template variable")
    if gone:
        return None
    return EmailToRender("emails/test/greeting", {"name": name}, "da", reply_to=["a@example.org"])


register_renderer("tests.greeting", greeting)


@pytest.fixture(autouse=True)
def _calls():
    CALLS.clear()


def queue(**arguments):
    return queue_email_rendered_later(
        "tests.greeting",
        to="mette@example.org",
        kind="emails/test/greeting",
        language="da",
        about="courses.signup:7",
        **arguments,
    )


def test_the_row_is_written_in_the_transaction_and_rendered_after_the_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = queue(name="Mette")
        stored = OutgoingEmail.objects.get(pk=email.pk)
        assert stored.status == EmailStatus.PENDING
        assert stored.to == ["mette@example.org"]
        assert stored.about == "courses.signup:7"
        assert stored.render_later == {
            "renderer": "tests.greeting",
            "arguments": {"name": "Mette"},
        }
        assert CALLS == []  # nothing rendered while the change's transaction is open

    assert len(callbacks) == 1
    callbacks[0]()

    stored.refresh_from_db()
    assert stored.render_later == {}
    assert stored.subject == "Velkommen, Mette"
    assert stored.reply_to == ["a@example.org"]
    assert stored.headers["Auto-Submitted"] == "auto-generated"
    assert stored.status == EmailStatus.SENT  # handed to the (immediate) task worker
    assert [m.subject for m in mail.outbox] == ["Velkommen, Mette"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rendering_runs_outside_the_transaction():
    with transaction.atomic():
        queue(name="Mette")
        assert CALLS == []

    assert CALLS == [("Mette", False)]
    assert [m.subject for m in mail.outbox] == ["Velkommen, Mette"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_change_leaves_no_email():
    def change_that_fails():
        with transaction.atomic():
            queue(name="Mette")
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        change_that_fails()

    assert OutgoingEmail.objects.count() == 0
    assert CALLS == []
    assert mail.outbox == []


def test_a_row_never_rendered_after_the_commit_is_rendered_by_the_sender(
    django_capture_on_commit_callbacks,
):
    """The process stopped between the commit and rendering: cron's sender still sends it."""
    with django_capture_on_commit_callbacks(execute=False):
        email = queue(name="Mette")

    report = outbox.send_due_emails()

    assert report.sent == 1
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.render_later == {}
    assert [m.subject for m in mail.outbox] == ["Velkommen, Mette"]


def test_a_row_is_rendered_once_when_two_reach_it(django_capture_on_commit_callbacks):
    """The after-commit hook and a sender may both reach the row: the first one's result is
    kept, the other takes the row as it is."""
    from core.email import render_stored

    with django_capture_on_commit_callbacks(execute=False):
        email = queue(name="Mette")
    stale = OutgoingEmail.objects.get(pk=email.pk)
    render_stored(email)
    OutgoingEmail.objects.filter(pk=email.pk).update(subject="Først")
    again = render_stored(stale)

    assert again.subject == "Først"
    assert again.render_later == {}
    assert OutgoingEmail.objects.get(pk=email.pk).subject == "Først"


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"fail": True}, "ValueError: no such template variable"),
        ({"gone": True}, "no longer exists"),
    ],
)
def test_a_rendering_failure_is_recorded_not_sent(
    arguments, error, caplog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(name="Mette", **arguments)

    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert error in email.last_error
    assert email.render_later == {}
    assert mail.outbox == []
    assert "Could not render email" in caplog.text


def test_the_sender_records_a_rendering_failure_without_retrying(
    caplog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        email = queue(name="Mette", fail=True)

    report = outbox.send_due_emails()

    assert (report.sent, report.failed, report.retrying) == (0, 1, 0)
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert email.next_attempt_at is None
    assert "Rendering failed" in email.last_error
    assert mail.outbox == []


def test_an_unknown_renderer_is_refused_at_once():
    with pytest.raises(LookupError):
        queue_email_rendered_later("tests.nobody", to="a@example.org", kind="x", language="da")
