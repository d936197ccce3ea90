"""/bevis/'s lookup limit counts per client behind the load balancer (core.http.client_ip)."""

import pytest

from certificates import services
from certificates.views import public

BALANCER = "10.0.0.5"


@pytest.fixture
def certificate(completed):
    # The PDF is made on its first download (as for the demo's certificates): most of these
    # tests never open it, and rendering it was most of their time.
    return services.issue_course_certificate(completed, with_pdf=False)


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(public, "RATE_LIMIT", (2, 600))


def lookup(client, url, client_address):
    return client.get(
        url, REMOTE_ADDR=BALANCER, headers={"X-Forwarded-For": client_address}
    ).status_code


def test_each_client_behind_the_proxy_has_its_own_budget(
    client, certificate, settings, small_limit
):
    settings.TRUSTED_PROXY_COUNT = 1
    url = certificate.get_verification_url()

    assert [lookup(client, url, "203.0.113.1") for _ in range(3)] == [200, 200, 429]
    assert lookup(client, url, "203.0.113.2") == 200


def test_without_a_configured_proxy_a_forged_header_buys_no_budget(
    client, certificate, settings, small_limit
):
    settings.TRUSTED_PROXY_COUNT = 0
    url = certificate.get_verification_url()

    statuses = [lookup(client, url, f"203.0.113.{n}") for n in range(3)]

    assert statuses == [200, 200, 429]
