import pytest
from django.core import mail
from django.db import transaction

from core.email import Attachment, queue_email, render_email


def test_render_email_uses_the_recipients_language(settings, tmp_path):
    message_da = render_email("emails/test/greeting", {"name": "Mette"}, "da")
    message_en = render_email("emails/test/greeting", {"name": "Mette"}, "en")

    assert message_da["subject"] == "Velkommen, Mette"
    assert message_en["subject"] == "Welcome, Mette"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_queue_email_sends_only_after_commit():
    with transaction.atomic():
        queue_email("a@example.org", "emails/test/greeting", {"name": "A"}, "da")
        assert mail.outbox == []

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["a@example.org"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_queue_email_is_dropped_when_the_transaction_rolls_back():
    def change_that_fails():
        with transaction.atomic():
            queue_email("a@example.org", "emails/test/greeting", {"name": "A"}, "da")
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        change_that_fails()

    assert mail.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_failing_mail_server_does_not_undo_the_change(settings, user):
    settings.MAILERS = {"default": {"BACKEND": "tests.core.broken_email_backend.BrokenBackend"}}

    with transaction.atomic():
        user.full_name = "Ændret Navn"
        user.save()
        queue_email(user.email, "emails/test/greeting", {"name": "A"}, "da")

    user.refresh_from_db()
    assert user.full_name == "Ændret Navn"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_attachments_survive_the_task_queue():
    queue_email(
        "a@example.org",
        "emails/test/greeting",
        {"name": "A"},
        "en",
        attachments=(Attachment("kursus.ics", b"BEGIN:VCALENDAR\r\n", "text/calendar"),),
    )

    assert mail.outbox[0].attachments[0][0] == "kursus.ics"
    assert mail.outbox[0].attachments[0][1] in ("BEGIN:VCALENDAR\r\n", b"BEGIN:VCALENDAR\r\n")
