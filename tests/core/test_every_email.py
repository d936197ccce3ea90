"""Every email is text and HTML, says what it is in its headers, and links only to SITE_URL.

The flows below send the site's main kinds of email — course signup, reminder and organiser's
message, a qualification running out; a network's welcome, meeting invitation, reminder and
coordinator's message; the account mails (tests/accounts/test_account_emails.py) — to a Danish and
an English person, and every one is checked: multipart/alternative with the text part first, the
HTML in the person's language, `Auto-Submitted` on what the site writes itself, `List-Unsubscribe`
with one-click on the kinds a person may turn off (and only on those), Message-IDs on the site's
domain, and no link anywhere but on SITE_URL. The Nu HTML checker then reads every HTML part.
"""

import re
from datetime import timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import User
from core.models import OutgoingEmail
from courses import services as course_services
from courses.models import MessageRecipients, QualificationKind
from courses.services.qualifications import send_qualification_reminders
from networks.services.meetings import plan_meeting, send_meeting_reminders
from networks.services.memberships import join_network, message_members
from tests.courses.factories import CourseFactory, SignupFactory
from tests.factories import UserFactory
from tests.html_crawl.crawler import run_vnu, vnu_command
from tests.networks.factories import CoordinatorFactory, NetworkFactory

pytestmark = pytest.mark.django_db

SITE_URL = "https://frivilligloeft.example.dk"
# The kinds a person may turn off (accounts.registry), by their email's template.
UNSUBSCRIBABLE = {
    "emails/courses/course_reminder",
    "emails/courses/participant_message",
    "emails/courses/evaluation_invitation",
    "emails/courses/wish_course_open",
    "emails/courses/qualification_expiring",
    "emails/networks/meeting_reminder",
    "emails/networks/message",
}
# Written by a person (an organiser, a coordinator), not by the site.
WRITTEN_BY_A_PERSON = {"emails/courses/participant_message", "emails/networks/message"}
LINK = re.compile(r"""https?://[^\s<>"')]+""")


def send_the_main_emails(capture) -> None:
    people = [UserFactory(preferred_language="da"), UserFactory(preferred_language="en")]
    organiser = UserFactory()
    start = timezone.now() + timedelta(days=1)
    course = CourseFactory(
        meetings=[(start, start + timedelta(hours=2))],
        organisers=[organiser],
        contact_email="kurser@kalundborg.example.dk",
    )
    network = NetworkFactory()
    coordinator = CoordinatorFactory(network=network, user__preferred_language="en")
    for person in people:
        with capture(execute=True):
            course_services.sign_up(course, person)
        with capture(execute=True):
            join_network(network, person)
    with capture(execute=True):
        course_services.send_course_reminders()
    # Both hold a first aid that runs out within the reminder window, and a course renews it.
    first_aid = QualificationKind.objects.create(
        name="Førstehjælp", name_en="First aid", validity_months=24
    )
    ended = timezone.localdate() - timedelta(days=700)
    granting = CourseFactory(qualification=first_aid, meetings__first_day=ended)
    for person in people:
        signup = SignupFactory(course=granting, user=person)
        signup.attendance.create(meeting=granting.meetings.get(), present=True)
    CourseFactory(qualification=first_aid)
    with capture(execute=True):
        send_qualification_reminders()
    with capture(execute=True):
        course_services.message_participants(
            course,
            by=organiser,
            subject="Parkering",
            body="Parker ved rådhuset.\n\nVi ses!",
            recipients=MessageRecipients.CONFIRMED,
        )
    with capture(execute=True):
        meeting = plan_meeting(
            network,
            by=coordinator.user,
            title="Årsplan",
            starts_at=start + timedelta(days=7),
            ends_at=start + timedelta(days=7, hours=2),
            place_name="Rådhuset",
            place_address="Holbækvej 141, 4400 Kalundborg",
        )
    with capture(execute=True):
        send_meeting_reminders(now=meeting.starts_at - timedelta(hours=2))
    with capture(execute=True):
        message_members(network, by=coordinator.user, subject="Referat", body="Tak for i går.")


def parts(message) -> tuple[str, str, str]:
    """(content type of the alternative part, text, html) of a sent message."""
    parsed = message_from_bytes(message.message().as_bytes())
    alternative = next(
        part for part in parsed.walk() if part.get_content_type() == "multipart/alternative"
    )
    text, html = alternative.get_payload()
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    return (
        alternative.get_content_type(),
        text.get_payload(decode=True).decode(text.get_content_charset()),
        html.get_payload(decode=True).decode(html.get_content_charset()),
    )


def outbox_row(message) -> OutgoingEmail:
    return OutgoingEmail.objects.get(message_id=message.extra_headers["Message-ID"])


def kind_of(message) -> str:
    return outbox_row(message).kind


def check_email(message) -> str:
    """Assert everything an email must be; return its kind."""
    row = outbox_row(message)
    kind = row.kind
    headers = message.message()
    _type, text, html = parts(message)
    language = re.search(r'<html lang="([a-z]+)"', html).group(1)
    assert language == row.language, kind
    recipient = User.objects.filter(email=message.to[0]).first()
    if recipient is not None:
        assert language == recipient.preferred_language, kind
    assert headers["Message-ID"].endswith("@frivilligloeft.example.dk>"), kind
    if kind in WRITTEN_BY_A_PERSON:
        assert headers["Auto-Submitted"] is None, kind
    else:
        assert headers["Auto-Submitted"] == "auto-generated", kind
    if kind in UNSUBSCRIBABLE:
        url = headers["List-Unsubscribe"].strip("<>")
        assert url.startswith(f"{SITE_URL}/"), kind
        assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click", kind
        assert url in text, kind
        assert url in html.replace("&amp;", "&"), kind
    else:
        assert headers["List-Unsubscribe"] is None, kind
        assert headers["List-Unsubscribe-Post"] is None, kind
    for link in LINK.findall(text) + LINK.findall(html):
        assert link.startswith(SITE_URL), (kind, link)
    return kind


@pytest.fixture
def main_emails(django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = SITE_URL
    send_the_main_emails(django_capture_on_commit_callbacks)
    return mail.outbox


def test_every_email_has_text_and_html_the_right_headers_and_links_on_site_url(main_emails):
    kinds = [check_email(message) for message in main_emails]

    assert sorted(set(kinds)) == [
        "emails/courses/course_reminder",
        "emails/courses/participant_message",
        "emails/courses/qualification_expiring",
        "emails/courses/signup_confirmed",
        "emails/networks/meeting_planned",
        "emails/networks/meeting_reminder",
        "emails/networks/message",
        "emails/networks/welcome",
    ]
    unsubscribable = [kind for kind in kinds if kind in UNSUBSCRIBABLE]
    print(  # noqa: T201 (the numbers for the report)
        f"{len(kinds)} emails, {len(kinds)} with an HTML part, "
        f"{len(unsubscribable)} with List-Unsubscribe"
    )


def test_every_emails_html_is_valid(main_emails, tmp_path):
    """The Nu HTML checker reads every HTML part (a Java program: with the crawl of
    tests/test_html_validity.py among the slow tests, tests/conftest.py SLOW_TESTS)."""
    assert len(main_emails) >= 8

    command, reason = vnu_command()
    if command is None:
        pytest.skip(f"HTML not checked: {reason}")
    files = []
    for number, message in enumerate(main_emails):
        path = tmp_path / f"email-{number}.html"
        path.write_text(parts(message)[2])
        files.append(path)
    errors = [m for m in run_vnu(command, tmp_path, files) if m.get("type") == "error"]
    assert errors == []


def test_a_person_who_turned_reminders_off_gets_no_reminder_but_still_the_confirmation(
    django_capture_on_commit_callbacks,
):
    from accounts.services import set_email_kind

    person = UserFactory()
    set_email_kind(person, "course_reminders", wanted=False)
    start = timezone.now() + timedelta(days=1)
    course = CourseFactory(meetings=[(start, start + timedelta(hours=2))])

    with django_capture_on_commit_callbacks(execute=True):
        course_services.sign_up(course, person)
    with django_capture_on_commit_callbacks(execute=True):
        reminded = course_services.send_course_reminders()

    assert reminded == 0
    assert [kind_of(message) for message in mail.outbox] == ["emails/courses/signup_confirmed"]


def test_the_email_layout_is_used_for_every_email_without_its_own_html_template():
    emails = Path(__file__).resolve().parents[2] / "templates" / "emails"
    assert not [path for path in emails.rglob("*.html") if path.name != "layout.html"]
