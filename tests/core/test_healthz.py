"""Health checks a load balancer can use (core/views.py), against real faults: the cache on a
dead port, the database on a dead port (PostgreSQL) or an unopenable file (SQLite)."""

import contextlib

import pytest
from django.db import connection

from core.models import EmailStatus, OutgoingEmail
from tests.core.netfaults import dead_port


@contextlib.contextmanager
def database_unreachable():
    """Make the real connection fail to open: PostgreSQL on a port nobody listens on, SQLite
    on a file in a folder that does not exist."""
    settings = connection.settings_dict
    key = "NAME" if connection.vendor == "sqlite" else "PORT"
    original = settings[key]
    connection.close()
    settings[key] = "/nonexistent-frivilligloeft/db.sqlite3" if key == "NAME" else str(dead_port())
    try:
        yield
    finally:
        connection.close()
        settings[key] = original


def test_liveness_answers_without_the_database(client):
    with database_unreachable():
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_ready_when_database_and_cache_answer(client):
    OutgoingEmail.objects.create(
        queued_at="2026-01-01T10:00:00Z",
        to=["a@example.org"],
        subject="Venter",
        body="x",
        message_id="<w@t>",
        status=EmailStatus.PENDING,
    )

    response = client.get("/healthz/ready")

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["database"], body["cache"]) == ("ok", "ok", "ok")
    assert body["email"]["waiting"] == 1
    assert body["email"]["oldest_waiting_seconds"] > 0


@pytest.mark.django_db
def test_ready_names_a_cache_outage_but_keeps_serving(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{dead_port()}/0",
        }
    }

    response = client.get("/healthz/ready")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "unreachable"
    assert response.json()["degraded"] == ["cache"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ready_is_503_without_a_database(client):
    with database_unreachable():
        response = client.get("/healthz/ready")

    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
    assert response.json()["status"] == "error"


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/healthz/ready").status_code == 405
