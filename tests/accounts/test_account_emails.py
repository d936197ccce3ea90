"""allauth's mails in our own words: subject, greeting by name (never "Hello from <host>"),
links on SITE_URL whatever host the request came to, text and HTML, Auto-Submitted."""

import re

import pytest
from django.core import mail

from tests.core.test_every_email import check_email
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SITE_URL = "https://frivilligloeft.example.dk"
PASSWORD = "korrekt-hest-batteri-42"


@pytest.fixture
def on_site(settings):
    settings.SITE_URL = SITE_URL


def request_reset(client, email, host="10.0.0.7:8203"):
    client.post("/konto/password/reset/", {"email": email}, HTTP_HOST=host)


@pytest.mark.parametrize(
    ("language", "subject", "greeting", "line"),
    [
        (
            "da",
            "Frivilligløft: Vælg en ny adgangskode",
            "Kære Mette\n",
            "Vælg en ny adgangskode her:",
        ),
        (
            "en",
            "Frivilligløft: Choose a new password",
            "Dear Mette,\n",
            "Choose a new password here:",
        ),
    ],
    ids=["danish", "english"],
)
def test_password_reset_mail_in_our_words_with_the_link_on_site_url(
    client, on_site, django_capture_on_commit_callbacks, language, subject, greeting, line
):
    UserFactory(email="mette@example.org", full_name="Mette Holm", preferred_language=language)

    with django_capture_on_commit_callbacks(execute=True):
        request_reset(client, "mette@example.org")

    [message] = mail.outbox
    assert message.subject == subject
    assert message.body.startswith(greeting)
    assert line in message.body
    assert "10.0.0.7" not in message.body
    assert "Hello from" not in message.body
    [link] = re.findall(r"https?://\S+/konto/password/reset/key/\S+", message.body)
    assert link.startswith(f"{SITE_URL}/")
    assert check_email(message) == "account/email/password_reset_key"


def test_the_reset_link_works(client, on_site, django_capture_on_commit_callbacks):
    UserFactory(email="mette@example.org", password=PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        request_reset(client, "mette@example.org")
    link = re.search(rf"{SITE_URL}(/\S+)", mail.outbox[0].body).group(1)

    response = client.get(link, follow=True)

    assert response.status_code == 200
    assert b'name="password1"' in response.content


def test_a_reset_for_an_unknown_address_says_so_and_links_to_signup_on_site_url(
    client, on_site, django_capture_on_commit_callbacks, settings
):
    settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
    with django_capture_on_commit_callbacks(execute=True):
        request_reset(client, "ukendt@example.org")

    [message] = mail.outbox
    assert message.subject == "Frivilligløft: Ingen konto med denne e-mailadresse"
    assert message.body.startswith("Hej\n")
    assert f"{SITE_URL}/konto/signup/" in message.body
    check_email(message)


def test_signup_verification_mail_links_to_site_url(
    client, on_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/konto/signup/",
            {
                "full_name": "Ny Frivillig",
                "email": "ny@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
            HTTP_HOST="internal:8000",
        )

    [message] = mail.outbox
    assert message.subject == "Frivilligløft: Bekræft din e-mailadresse"
    assert message.body.startswith("Kære Ny\n")
    assert re.search(rf"{SITE_URL}/konto/confirm-email/\S+", message.body)
    assert "internal" not in message.body
    check_email(message)
