"""Which emails a person gets: Mine sider › Email notifications, and the one-click link in
every email of a kind that may be turned off (RFC 8058), which works without a login."""

import pytest
from django.test import Client

from accounts.models import EmailOptOut
from accounts.services import (
    AccountError,
    read_unsubscribe_token,
    set_email_kind,
    unsubscribe_token,
    unsubscribe_url,
    wants_email,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REMINDERS = "course_reminders"


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_every_kind_is_on_until_the_person_turns_it_off():
    person = UserFactory()

    assert wants_email(person, REMINDERS)
    set_email_kind(person, REMINDERS, wanted=False)
    set_email_kind(person, REMINDERS, wanted=False)  # a repeated one-click changes nothing

    assert not wants_email(person, REMINDERS)
    assert EmailOptOut.objects.filter(user=person).count() == 1
    set_email_kind(person, REMINDERS, wanted=True)
    assert wants_email(person, REMINDERS)


def test_an_unknown_kind_is_refused():
    with pytest.raises(AccountError):
        set_email_kind(UserFactory(), "newsletter", wanted=False)


def test_one_click_post_from_a_mail_program_turns_the_kind_off_without_login_or_csrf():
    person = UserFactory()
    mail_program = Client(enforce_csrf_checks=True)

    response = mail_program.post(
        path_of(unsubscribe_url(person, REMINDERS)), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert not wants_email(person, REMINDERS)
    assert wants_email(person, "network_reminders")  # only the kind the link names


def test_opening_the_link_asks_first_and_changes_nothing(client):
    # Mail scanners and link previews open every link: a GET must never unsubscribe.
    person = UserFactory(email="anne@example.dk")

    response = client.get(path_of(unsubscribe_url(person, REMINDERS)))

    assert response.status_code == 200
    assert wants_email(person, REMINDERS)
    page = response.content.decode()
    assert "anne@example.dk" in page
    assert 'name="action" value="unsubscribe"' in page
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]


def test_the_page_turns_the_kind_off_and_on_again(client):
    person = UserFactory(preferred_language="en")
    url = path_of(unsubscribe_url(person, REMINDERS))
    assert url.startswith("/en/")

    off = client.post(url, {"action": "unsubscribe"})
    assert not wants_email(person, REMINDERS)
    assert 'name="action" value="subscribe"' in off.content.decode()

    client.post(url, {"action": "subscribe"})
    assert wants_email(person, REMINDERS)


@pytest.mark.parametrize(
    "token",
    ["nonsense", "WzEsImNvdXJzZV9yZW1pbmRlcnMiXQ:1xZv38:forged"],
    ids=["garbage", "forged-signature"],
)
def test_a_bad_link_is_a_404_with_a_way_on(client, token):
    response = client.post(f"/mine-sider/e-mails/afmeld/{token}/", {"action": "unsubscribe"})

    assert response.status_code == 404
    assert "/mine-sider/e-mails/" in response.content.decode()
    assert not EmailOptOut.objects.exists()


def test_the_link_of_a_deleted_account_no_longer_works():
    person = UserFactory()
    token = unsubscribe_token(person, REMINDERS)
    person.delete()

    assert read_unsubscribe_token(token) is None


def test_mine_sider_shows_every_kind_and_saves_the_choices(client):
    person = UserFactory()
    set_email_kind(person, "network_messages", wanted=False)
    client.force_login(person)

    form = client.get("/mine-sider/e-mails/").context["form"]
    assert form["wanted"].value() == [
        "course_reminders",
        "course_messages",
        "course_evaluations",
        "course_wishes",
        "qualification_reminders",
        "network_reminders",
    ]
    response = client.post(
        "/mine-sider/e-mails/", {"wanted": ["course_reminders", "network_messages"]}
    )

    assert response.status_code == 302
    assert set(EmailOptOut.objects.filter(user=person).values_list("kind", flat=True)) == {
        "course_messages",
        "course_evaluations",
        "course_wishes",
        "qualification_reminders",
        "network_reminders",
    }


def test_mine_sider_refuses_a_kind_that_does_not_exist(client):
    person = UserFactory()
    client.force_login(person)

    response = client.post("/mine-sider/e-mails/", {"wanted": ["newsletter"]})

    assert response.status_code == 400
    assert not EmailOptOut.objects.exists()


def test_email_choices_need_a_login(client):
    response = client.get("/mine-sider/e-mails/")

    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]
