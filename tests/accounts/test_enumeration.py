"""Signup, login and password reset do not tell whether an email address has an account
(allauth's ACCOUNT_PREVENT_ENUMERATION; the owner of the address is told by email instead)."""

import pytest
from django.core import mail

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "korrekt-hest-batteri-42"


def _signup(client, email):
    return client.post(
        "/konto/signup/",
        {
            "full_name": "Mette Sørensen",
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_signup_with_a_registered_email_answers_as_for_a_new_one(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="kendt@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        known = _signup(client, "kendt@example.org")
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        new = _signup(client, "ny@example.org")

    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert User.objects.filter(email="kendt@example.org").count() == 1
    # The owner of the registered address hears about the attempt by email, nobody else.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "kendt@example.org",
        "ny@example.org",
    ]


def test_password_reset_answers_the_same_for_unknown_and_known_addresses(client):
    UserFactory(email="kendt@example.org")

    known = client.post("/konto/password/reset/", {"email": "kendt@example.org"})
    unknown = client.post("/konto/password/reset/", {"email": "ukendt@example.org"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])


def test_login_failure_is_the_same_for_unknown_address_and_wrong_password(client):
    UserFactory(email="kendt@example.org")

    wrong = client.post("/konto/login/", {"login": "kendt@example.org", "password": "forkert"})
    unknown = client.post("/konto/login/", {"login": "ukendt@example.org", "password": "forkert"})

    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].errors == unknown.context["form"].errors
