"""The outbox holds the emails we sent a person: they are in "download my data" and go with
the account (accounts/personal_data.py)."""

import pytest
from django.utils import timezone

from accounts import services
from core.models import EmailStatus, OutgoingEmail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def email_to(*addresses, subject="Du er tilmeldt", status=EmailStatus.SENT):
    return OutgoingEmail.objects.create(
        queued_at=timezone.now(),
        to=list(addresses),
        subject=subject,
        body="Hej",
        message_id=f"<{subject}-{'-'.join(addresses)}@t>",
        status=status,
    )


def test_export_lists_the_emails_sent_to_the_person():
    user = UserFactory(email="mette@example.org")
    email_to("Mette@Example.org", subject="Velkommen")
    email_to("andre@example.org", subject="Ikke din")
    email_to("mette@example.org.evil", subject="Ligner")

    exported = services.export_personal_data(user)["emails"]

    assert [e["subject"] for e in exported] == ["Velkommen"]
    assert exported[0]["text"] == "Hej"


def test_deleting_the_account_deletes_its_emails_and_spares_others():
    user = UserFactory(email="mette@example.org")
    email_to("mette@example.org", subject="Sendt")
    email_to("mette@example.org", subject="Venter", status=EmailStatus.PENDING)
    shared = email_to("mette@example.org", "ole@example.org", subject="Fælles")
    email_to("andre@example.org", subject="Andres")

    services.delete_account(user)

    assert sorted(OutgoingEmail.objects.values_list("subject", flat=True)) == ["Andres", "Fælles"]
    shared.refresh_from_db()
    assert shared.to == ["ole@example.org"]
