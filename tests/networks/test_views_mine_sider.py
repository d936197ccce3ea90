"""Mine netværk, sparring requests, personal data and the dashboard."""

import json

import pytest
from django.core import mail
from django.test import Client

from networks.models import (
    SparringStatus,
)
from tests.factories import UserFactory
from tests.networks.factories import (
    SparringRequestFactory,
)
from tests.networks.helpers import client_for

pytestmark = pytest.mark.django_db


def test_mine_netvaerk_requires_login():
    response = Client().get("/mine-sider/netvaerk/")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_someone_elses_sparring_request_is_404():
    request = SparringRequestFactory()
    client = Client()
    client.force_login(UserFactory())

    assert client.get(f"/mine-sider/netvaerk/sparring/{request.pk}/").status_code == 404
    assert client.post(f"/mine-sider/netvaerk/sparring/{request.pk}/luk/").status_code == 404
    request.refresh_from_db()
    assert request.status == SparringStatus.NEW


def test_sparring_form_creates_request_and_requester_follows_it(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    client = Client()
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/netvaerk/sparring/",
            {
                "subject": "Generalforsamling",
                "description": "Hvordan indkalder vi?",
                "contact_method": "email",
            },
        )

    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert "Hvordan indkalder vi?" in detail.text
    assert [m.to for m in mail.outbox] == [[user.email]]


def test_sparring_form_phone_without_number_is_400():
    client = Client()
    client.force_login(UserFactory())

    response = client.post(
        "/netvaerk/sparring/",
        {"subject": "X", "description": "Y", "contact_method": "phone"},
    )

    assert response.status_code == 400
    assert "Skriv det telefonnummer, vi skal ringe til." in response.text


def test_personal_data_export_contains_networks(world):
    client = client_for(world, "member")

    data = json.loads(client.get("/mine-sider/dine-data/eksport.json").content)

    assert [m["status"] for m in data["networks"]["memberships"]] == ["active"]


def test_dashboard_shows_next_meeting(world):
    response = client_for(world, "member").get("/mine-sider/")

    assert world["meeting"].title in response.text
