import pytest
from django.db import OperationalError, ProgrammingError, connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from core.middleware import DatabaseUnavailableMiddleware


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
    middleware = DatabaseUnavailableMiddleware(lambda r: HttpResponse())

    response = middleware.process_exception(request, OperationalError("database is locked"))

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Mange bruger Frivilligløft lige nu" in response.content.decode()


def test_bugs_in_queries_are_not_hidden_as_outages():
    request = RequestFactory().get("/")
    middleware = DatabaseUnavailableMiddleware(lambda r: HttpResponse())

    assert middleware.process_exception(request, ProgrammingError("syntax error")) is None
    assert middleware.process_exception(request, ValueError("NUL")) is None
    if connection.vendor == "sqlite":
        # SQLite says "outage" and "bug" with one class; only the outage is a 503.
        for bug in ("no such table: x", 'fts5: syntax error near ""'):
            assert middleware.process_exception(request, OperationalError(bug)) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/courses/?topic=%00",
        "/api/v1/courses/?%00=1",
        "/kurser/?q=ab%00cd",
        "/en/konto/oidc/kommune/login/callback/?code=%00&state=%00",
    ],
)
def test_a_nul_in_the_query_string_is_a_400_before_any_lookup(client, url, home_page):
    """PostgreSQL refuses NUL in text: a lookup with one would answer 500."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 400
    assert not [query for query in queries if "\x00" in query["sql"]]
    if url.startswith("/api/"):
        assert response.json() == {"detail": "Adressen indeholder et tegn, som ikke er tilladt."}
        assert response["Access-Control-Allow-Origin"] == "*"
    elif url.startswith("/en/"):
        assert "We could not understand the request" in response.text
    else:
        assert "Vi kunne ikke forstå forespørgslen" in response.text


@pytest.mark.django_db
def test_a_cookie_with_a_nul_is_ignored(client, home_page):
    client.cookies["sessionid"] = "abcdefghij\x00klmnop"

    response = client.get("/")

    assert response.status_code == 200
