"""Staff see waiting and failed emails in the Wagtail admin and can send one again."""

import pytest
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from core.models import EmailStatus, OutgoingEmail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def failed_email(n=0, **fields):
    return OutgoingEmail.objects.create(
        queued_at=timezone.now(),
        to=[f"deltager{n}@example.org"],
        subject=f"Du er tilmeldt: Kassererkursus {n}",
        body="Hej\n\nDu er tilmeldt.",
        kind="emails/courses/signup_confirmed",
        message_id=f"<failed-{n}@testserver>",
        status=EmailStatus.FAILED,
        attempts=17,
        last_error="ConnectionRefusedError: [Errno 111] Connection refused",
        **fields,
    )


@pytest.fixture
def staff_client(client):
    def login(role):
        client.force_login(UserFactory(roles=[role]))
        return client

    return login


@pytest.mark.parametrize(
    "role", [Role.COURSE_ADMINISTRATOR, Role.VOLUNTEER_CONSULTANT], ids=["courses", "consultant"]
)
def test_operational_staff_see_failed_emails_and_why(staff_client, role):
    email = failed_email()
    client = staff_client(role)

    listing = client.get("/admin/emails/", {"status": "failed"})
    detail = client.get(f"/admin/emails/inspect/{email.pk}/")

    assert listing.status_code == 200
    assert "Kassererkursus 0" in listing.content.decode()
    assert f"/admin/emails/inspect/{email.pk}/" in listing.content.decode()
    assert detail.status_code == 200
    assert "Connection refused" in detail.content.decode()
    assert "Send igen nu" in detail.content.decode()


def test_editors_and_volunteers_do_not_see_the_outbox(staff_client, client):
    email = failed_email()

    editor = staff_client(Role.EDITOR)
    assert editor.get("/admin/emails/").status_code in (302, 403)
    assert editor.get(f"/admin/emails/inspect/{email.pk}/").status_code in (302, 403)
    assert editor.post(f"/admin/emails/inspect/{email.pk}/").status_code in (302, 403)
    client.force_login(UserFactory())
    assert client.get("/admin/emails/").status_code == 302
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED


def test_send_again_delivers_a_failed_email(staff_client, django_capture_on_commit_callbacks):
    email = failed_email()
    client = staff_client(Role.COURSE_ADMINISTRATOR)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/emails/inspect/{email.pk}/")

    assert response.status_code == 302
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.attempts == 1  # a new retry window
    assert [m.subject for m in mail.outbox] == ["Du er tilmeldt: Kassererkursus 0"]


def test_the_email_list_costs_the_same_for_many_emails(staff_client, django_assert_num_queries):
    client = staff_client(Role.COURSE_ADMINISTRATOR)
    emails = [failed_email(0)]
    client.get("/admin/emails/")
    with django_assert_num_queries(12) as one:
        client.get("/admin/emails/")
    emails += [failed_email(n) for n in range(1, 6)]

    with django_assert_num_queries(len(one)):
        response = client.get("/admin/emails/")

    html = response.content.decode()
    assert all(f"/admin/emails/inspect/{email.pk}/" in html for email in emails)
