"""Who the client is behind proxies (core/http.py), and allauth's login limit per client."""

import pytest
from django.test import RequestFactory

from core.http import client_ip
from tests.factories import UserFactory


def request(xff=None, remote="10.0.0.1", **headers):
    if xff is not None:
        headers["X-Forwarded-For"] = xff
    return RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers)


@pytest.mark.parametrize(
    ("proxies", "xff", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy configured: a sent header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client wrote the first entry
        (2, "6.6.6.6, 203.0.113.9, 192.0.2.10", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.1"),  # fewer entries than proxies: not through them
        (1, "2001:db8::7", "2001:db8::7"),
        (1, "not-an-address", "10.0.0.1"),
        (1, None, "10.0.0.1"),
    ],
    ids=["ignored", "one", "spoofed", "two", "short", "ipv6", "garbage", "absent"],
)
def test_client_ip_counts_trusted_proxies_from_the_right(settings, proxies, xff, expected):
    settings.TRUSTED_PROXY_COUNT = proxies

    assert client_ip(request(xff)) == expected


def test_client_ip_from_a_header_the_proxy_sets(settings):
    settings.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"

    assert client_ip(request(xff="6.6.6.6", **{"X-Real-IP": "203.0.113.9"})) == "203.0.113.9"
    assert client_ip(request()) == "10.0.0.1"


@pytest.mark.django_db
def test_one_client_behind_the_proxy_cannot_lock_out_the_others(client, settings):
    """All requests arrive from the load balancer's address; the limit follows the client."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {"login": "3/m/ip"}
    balancer = "10.0.0.5"

    def failed_login(client_address, n):
        return client.post(
            "/konto/login/",
            {"login": f"nogen{n}@example.org", "password": "forkert-kodeord"},
            REMOTE_ADDR=balancer,
            headers={"X-Forwarded-For": f"6.6.6.6, {client_address}"},
        )

    statuses = [failed_login("203.0.113.1", n).status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]

    other = UserFactory()
    response = client.post(
        "/konto/login/",
        {"login": other.email, "password": "korrekt-hest-batteri-42"},
        REMOTE_ADDR=balancer,
        headers={"X-Forwarded-For": "203.0.113.2"},
    )
    assert response.status_code == 302
