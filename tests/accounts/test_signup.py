import re

import pytest
from django.core import mail

from accounts.models import User


def _signup(client, path="/konto/signup/", **overrides):
    data = {
        "full_name": "Mette Sørensen",
        "email": "Mette@Example.org",
        "password1": "korrekt-hest-batteri-42",
        "password2": "korrekt-hest-batteri-42",
        **overrides,
    }
    return client.post(path, data)


@pytest.mark.django_db
def test_signup_stores_name_and_page_language_and_asks_for_verification(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client, path="/en/konto/signup/")

    assert response.status_code == 302
    user = User.objects.get()
    assert (user.email, user.full_name, user.preferred_language) == (
        "mette@example.org",
        "Mette Sørensen",
        "en",
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mette@example.org"]
    assert mail.outbox[0].subject == "Frivilligløft: Confirm your email address"


@pytest.mark.django_db
def test_verification_link_logs_the_person_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client)
    link = re.search(r"https?://testserver(/\S+)", mail.outbox[0].body).group(1)

    confirm_page = client.get(link)
    response = client.post(link)

    assert confirm_page.status_code == 200
    assert response.status_code == 302
    assert client.get("/mine-sider/").status_code == 200


@pytest.mark.django_db
def test_unverified_person_cannot_log_in(client):
    _signup(client)
    client.logout()

    response = client.post(
        "/konto/login/", {"login": "mette@example.org", "password": "korrekt-hest-batteri-42"}
    )

    assert response.status_code == 302
    assert client.get("/mine-sider/").status_code == 302


@pytest.mark.django_db
def test_signup_without_name_is_refused_in_danish(client):
    response = _signup(client, full_name="")

    assert response.status_code == 200
    assert "Dette felt er påkrævet." in response.text
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_with_taken_email_creates_nothing(client, user):
    _signup(client, email=user.email.upper())

    assert User.objects.count() == 1


@pytest.mark.django_db
def test_login_redirects_to_my_pages_in_the_persons_language(client):
    from tests.factories import UserFactory

    UserFactory(
        email="eng@example.org", preferred_language="en", password="korrekt-hest-batteri-42"
    )

    response = client.post(
        "/konto/login/", {"login": "eng@example.org", "password": "korrekt-hest-batteri-42"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/mine-sider/"
