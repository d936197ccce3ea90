import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.test import RequestFactory

from core.middleware import DatabaseBusyMiddleware


@pytest.mark.django_db
def test_public_pages_get_a_strict_nonce_policy(client, home_page):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    # Pages have no inline scripts, so no nonce is spent; a template that needs one uses
    # {{ csp_nonce }} and the header then carries it.
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "object-src 'none'" in policy


@pytest.mark.django_db
def test_admin_gets_the_relaxed_policy(client):
    response = client.get("/admin/login/")

    assert "script-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_security_headers_on_every_page(client, home_page):
    response = client.get("/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_locked_database_answers_503_not_500():
    request = RequestFactory().post("/kurser/x/tilmeld/")
    middleware = DatabaseBusyMiddleware(lambda r: HttpResponse())

    response = middleware.process_exception(request, OperationalError("database is locked"))

    assert response.status_code == 503
    assert response["Retry-After"] == "5"


def test_other_database_errors_are_not_hidden():
    request = RequestFactory().get("/")
    middleware = DatabaseBusyMiddleware(lambda r: HttpResponse())

    assert middleware.process_exception(request, OperationalError("no such table")) is None
