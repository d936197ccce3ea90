"""accounts.sessions: Django's database sessions, the row read with a prepared query."""

import logging
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.exceptions import SuspiciousSession
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import sessions
from accounts.sessions import SessionStore
from tests.factories import DEFAULT_PASSWORD, UserFactory


def _stored(data: dict, *, expires_in: timedelta = timedelta(days=1)) -> str:
    """A session saved by Django's own engine (as every session before this one), with an
    expiry `expires_in` from now."""
    store = DjangoSessionStore()
    store.update(data)
    store.save()
    Session.objects.filter(pk=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


def _load_both(key: str) -> list[tuple[dict, str | None]]:
    """What our store and Django's read for `key`: (data, session key afterwards)."""
    loaded = []
    for engine in (SessionStore, DjangoSessionStore):
        store = engine(session_key=key)
        loaded.append((store.load(), store.session_key))
    return loaded


def test_the_site_uses_it():
    assert settings.SESSION_ENGINE == "accounts.sessions"


@pytest.mark.django_db
def test_reads_a_session_django_saved_in_one_query(django_assert_num_queries):
    key = _stored({"answer": 42, "nested": {"a": [1, 2]}})

    with django_assert_num_queries(1):
        data = SessionStore(session_key=key).load()

    assert data == {"answer": 42, "nested": {"a": [1, 2]}}
    assert _load_both(key)[0] == _load_both(key)[1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "expires_in",
    [timedelta(seconds=-1), timedelta(0), timedelta(microseconds=1), timedelta(days=-30)],
    ids=["a second ago", "now", "a microsecond from now", "a month ago"],
)
def test_an_expired_session_is_not_used_as_django_decides(monkeypatch, expires_in):
    now = timezone.now()
    key = _stored({"answer": 42})
    Session.objects.filter(pk=key).update(expire_date=now + expires_in)
    monkeypatch.setattr(timezone, "now", lambda: now)

    ours, django = _load_both(key)

    assert ours == django
    assert ours == (({"answer": 42}, key) if expires_in > timedelta(0) else ({}, None))


@pytest.mark.django_db
def test_an_unknown_key_is_forgotten_as_django_forgets_it():
    ours, django = _load_both("a" * 32)

    assert ours == django == ({}, None)


@pytest.mark.django_db
def test_tampered_session_data_is_treated_as_django_treats_it(client, caplog):
    user = UserFactory()
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    row = Session.objects.get(pk=key)
    row.session_data = row.session_data[:-1] + ("B" if row.session_data[-1] == "A" else "A")
    row.save()

    with caplog.at_level(logging.WARNING, logger="django.security"):
        ours, django = _load_both(key)
        response = client.get("/mine-sider/")

    # An empty session under the same key, logged as suspicious; nobody logged in.
    assert ours == django == ({}, key)
    warnings = [r for r in caplog.records if r.name == "django.security.SuspiciousSession"]
    assert [r.getMessage() for r in warnings] == ["Session data corrupted"] * 3
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


@pytest.mark.django_db
def test_a_suspicious_read_is_logged_and_the_key_forgotten_as_django_does(monkeypatch, caplog):
    key = _stored({"answer": 42})

    def suspicious(*arguments):
        raise SuspiciousSession("Something is off")

    monkeypatch.setattr(sessions._session_by_key(Session), "instance", suspicious)
    store = SessionStore(session_key=key)
    with caplog.at_level(logging.WARNING, logger="django.security"):
        assert store.load() == {}

    assert store.session_key is None
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        ("django.security.SuspiciousSession", "Something is off")
    ]


@pytest.mark.django_db
def test_an_expired_session_does_not_log_anyone_in(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/mine-sider/").status_code == 200

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    response = client.get("/mine-sider/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


@pytest.mark.django_db
def test_a_session_saved_by_djangos_engine_keeps_its_person_logged_in(client):
    user = UserFactory()
    # As sessions made before this engine hold them, with either backend path.
    for backend in (
        "django.contrib.auth.backends.ModelBackend",
        "allauth.account.auth_backends.AuthenticationBackend",
    ):
        key = _stored(
            {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: backend,
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
        )
        client.cookies[settings.SESSION_COOKIE_NAME] = key

        response = client.get("/mine-sider/")

        assert response.status_code == 200
        assert response.wsgi_request.user == user
        assert type(response.wsgi_request.session) is SessionStore


@pytest.mark.django_db
def test_login_cycles_the_key_and_logout_ends_the_session(client):
    user = UserFactory()
    client.get("/konto/login/")
    anonymous = client.session
    anonymous["before"] = True
    anonymous.save()
    before = anonymous.session_key

    response = client.post("/konto/login/", {"login": user.email, "password": DEFAULT_PASSWORD})

    assert response.status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(pk=before).exists()
    assert client.session["before"] is True  # cycle_key keeps the data
    assert client.get("/mine-sider/").status_code == 200

    client.post("/konto/logout/")

    assert not Session.objects.filter(pk=after).exists()
    assert client.get("/mine-sider/").status_code == 302


@pytest.mark.django_db
def test_what_is_saved_in_the_session_is_read_by_the_next_request(client):
    client.force_login(UserFactory())
    session = client.session
    session["answer"] = 42
    session.save()

    response = client.get("/mine-sider/")

    assert response.wsgi_request.session["answer"] == 42


@pytest.mark.django_db
def test_a_logged_in_page_makes_the_queries_djangos_engine_makes(settings, home_page):
    user = UserFactory()
    engines = ("accounts.sessions", "django.contrib.sessions.backends.db")
    clients = {}
    for engine in engines:
        settings.SESSION_ENGINE = engine
        clients[engine] = Client()
        clients[engine].force_login(user)
        clients[engine].get("/")  # its middleware loads the engine of the moment
    queries = {}
    for engine in engines:
        settings.SESSION_ENGINE = engine
        with CaptureQueriesContext(connection) as captured:
            response = clients[engine].get("/")
        assert response.status_code == 200
        assert response.wsgi_request.user == user
        assert type(response.wsgi_request.session).__module__ == engine
        queries[engine] = [query["sql"].split(" FROM ")[1].split()[0] for query in captured]

    assert queries["accounts.sessions"] == queries["django.contrib.sessions.backends.db"]
    assert {'"django_session"', '"accounts_user"'} <= set(queries["accounts.sessions"])
