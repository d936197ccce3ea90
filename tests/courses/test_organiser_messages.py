"""Organiser messages: a preview before sending, no greeting in front of the organiser's
own, and a log of what was sent."""

import re

import pytest
from django.core import mail

from accounts.models import EmailOptOut
from courses import services
from courses.models import CourseMessage
from courses.services.notifications import MESSAGES
from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BODY = "Hej alle sammen,\n\nVi er i sal 2 på torsdag.\n\nVenlig hilsen Olga"


@pytest.fixture
def course(organiser):
    return CourseFactory(title="Ny i bestyrelsen", organisers=[organiser])


@pytest.fixture
def lene(course):
    return SignupFactory(course=course, user=UserFactory(full_name="Lene Hansen")).user


def test_message_starts_with_the_organisers_own_words(
    course, organiser, lene, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.message_participants(
            course, by=organiser, subject="Lokale", body=BODY, recipients="confirmed"
        )

    (email,) = mail.outbox
    assert email.body.startswith("Hej alle sammen,\n\nVi er i sal 2")
    assert "Kære" not in email.body


def test_preview_is_the_email_the_first_recipient_gets(
    course, organiser, lene, django_capture_on_commit_callbacks
):
    preview = services.preview_message(
        course, by=organiser, subject="Lokale", body=BODY, recipients="confirmed"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.message_participants(
            course, by=organiser, subject="Lokale", body=BODY, recipients="confirmed"
        )

    (email,) = mail.outbox
    assert preview.subject == email.subject == "Lokale – Ny i bestyrelsen"
    # The same text, except that the organiser never sees the person's own unsubscribe link.
    link = re.search(r"http://testserver/mine-sider/e-mails/afmeld/\S+", email.body).group()
    assert preview.body == email.body.replace(link, "(personens eget link)")
    assert (preview.recipient_name, preview.recipient_count) == ("Lene Hansen", 1)


def test_preview_sends_and_stores_nothing(
    course, organiser, lene, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.preview_message(
            course, by=organiser, subject="Lokale", body=BODY, recipients="confirmed"
        )

    assert mail.outbox == []
    assert not CourseMessage.objects.exists()


def test_preview_counts_only_people_who_get_messages(course, organiser, lene):
    SignupFactory(course=course)
    waitlist(course, [UserFactory()])
    EmailOptOut.objects.create(user=lene, kind=MESSAGES)

    confirmed = services.preview_message(
        course, by=organiser, subject="S", body="B", recipients="confirmed"
    )
    everyone = services.preview_message(
        course, by=organiser, subject="S", body="B", recipients="confirmed_waiting"
    )

    assert (confirmed.recipient_count, everyone.recipient_count) == (1, 2)


def test_preview_in_the_recipients_language(course, organiser):
    SignupFactory(course=course, user=UserFactory(preferred_language="en"))

    preview = services.preview_message(
        course, by=organiser, subject="Room", body="Hi all", recipients="confirmed"
    )

    assert preview.language == "en"
    assert "organiser of" in preview.body


def test_preview_with_nobody_to_write_to_is_refused(course, organiser):
    with pytest.raises(services.CourseError, match="Der er ingen at skrive til endnu"):
        services.preview_message(
            course, by=organiser, subject="S", body="B", recipients="confirmed"
        )


def test_preview_by_someone_else_is_refused(course, lene):
    with pytest.raises(services.CourseError):
        services.preview_message(course, by=lene, subject="S", body="B", recipients="confirmed")


# --- views ---------------------------------------------------------------------------------


def _post(client, course, **data):
    return client.post(
        f"/kurser/{course.slug}/arrangoer/skriv/",
        {"recipients": "confirmed", "subject": "Lokale", "body": BODY, **data},
    )


def test_first_post_shows_the_preview_and_sends_nothing(client, course, organiser, lene):
    client.force_login(organiser)

    response = _post(client, course)

    assert response.status_code == 200
    assert "Tjek din besked" in response.text
    assert "Hej alle sammen," in response.text
    assert "Send til 1 person" in response.text
    assert mail.outbox == []
    assert not CourseMessage.objects.exists()


def test_send_from_the_preview_sends_and_shows_the_log(
    client, course, organiser, lene, django_capture_on_commit_callbacks
):
    client.force_login(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, course, action="send")

    assert response.status_code == 302
    assert response.url == f"/kurser/{course.slug}/arrangoer/beskeder/"
    assert len(mail.outbox) == 1
    log = client.get(response.url)
    assert "Lokale" in log.text
    assert "Vi er i sal 2 på torsdag." in log.text
    assert "Olga Arrangør" in log.text


def test_edit_from_the_preview_keeps_the_text(client, course, organiser, lene):
    client.force_login(organiser)

    response = _post(client, course, action="edit")

    assert response.status_code == 200
    assert "Vi er i sal 2 på torsdag." in response.text
    assert "Forhåndsvis e-mailen" in response.text


def test_preview_of_an_empty_message_is_a_400(client, course, organiser, lene):
    client.force_login(organiser)

    response = _post(client, course, subject="", body="")

    assert response.status_code == 400


def test_preview_with_nobody_to_write_to_is_a_409(client, course, organiser):
    client.force_login(organiser)

    response = _post(client, course)

    assert response.status_code == 409
    assert "Der er ingen at skrive til endnu" in response.text


@pytest.mark.parametrize(("who", "status"), [("organiser", 200), ("volunteer", 404)])
def test_message_log_access(client, course, organiser, who, status):
    client.force_login(organiser if who == "organiser" else UserFactory())

    assert client.get(f"/kurser/{course.slug}/arrangoer/beskeder/").status_code == status


@pytest.mark.parametrize("count", [1, 3])
def test_message_log_query_count(client, course, organiser, count, django_assert_num_queries):
    for n in range(count):
        CourseMessage.objects.create(course=course, subject=f"S{n}", body="B", sent_by=organiser)
    client.force_login(organiser)
    client.get("/")  # the session and the user's roles are read once

    with django_assert_num_queries(14):
        response = client.get(f"/kurser/{course.slug}/arrangoer/beskeder/")

    assert response.status_code == 200


def test_overview_links_to_the_log(client, course, organiser):
    CourseMessage.objects.create(course=course, subject="S", body="B", sent_by=organiser)
    client.force_login(organiser)

    response = client.get(f"/kurser/{course.slug}/arrangoer/")

    assert f'href="/kurser/{course.slug}/arrangoer/beskeder/"' in response.text
