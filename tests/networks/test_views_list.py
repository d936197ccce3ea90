"""The network list with its filters, and the query counts of the network pages."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from networks.models import (
    Rsvp,
)
from tests.factories import UserFactory
from tests.networks.factories import (
    CoordinatorFactory,
    MeetingFactory,
    MembershipFactory,
    NetworkFactory,
    SparringRequestFactory,
)

pytestmark = pytest.mark.django_db


def test_list_hides_unlisted_networks_and_filters_by_audience():
    NetworkFactory(name="Alfanetværket", audience="board")
    NetworkFactory(name="Betanetværket", is_listed=False)
    NetworkFactory(name="Gammanetværket", audience="leaders")

    everything = Client().get("/netvaerk/")
    boards = Client().get("/netvaerk/?audience=board")

    assert "Alfanetværket" in everything.text
    assert "Gammanetværket" in everything.text
    assert "Betanetværket" not in everything.text
    assert "Alfanetværket" in boards.text
    assert "Gammanetværket" not in boards.text


def test_list_with_unknown_filter_value_is_400():
    response = Client().get("/netvaerk/?audience=astronauts")

    assert response.status_code == 400
    assert "Ingen netværk passer til dine filtre." in response.text


def test_list_htmx_returns_only_the_results():
    NetworkFactory(name="Synlig")

    response = Client().get("/netvaerk/", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="network-results"' in response.text


def _networks(count):
    for _ in range(count):
        membership = MembershipFactory()
        MeetingFactory(network=membership.network)
        membership.network.topics.create(name=f"Emne {membership.pk}", slug=f"emne-{membership.pk}")


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_list_query_count_is_constant_for_a_logged_in_person(
    client, django_assert_num_queries, count
):
    _networks(count)
    user = UserFactory()
    client.force_login(user)

    with django_assert_num_queries(16):
        response = client.get("/netvaerk/")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_list_query_count_is_constant_for_anonymous(client, django_assert_num_queries, count):
    _networks(count)

    with django_assert_num_queries(12):
        client.get("/netvaerk/")


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_network_page_query_count_is_constant(client, django_assert_num_queries, count):
    coordinator = CoordinatorFactory(network__slug="maalt")
    network = coordinator.network
    for _ in range(count):
        member = MembershipFactory(network=network, show_name_to_members=True)
        meeting = MeetingFactory(network=network)
        Rsvp.objects.create(meeting=meeting, user=member.user, answer="yes")
        MeetingFactory(network=network, starts_at=timezone.now() - timedelta(days=5), notes="N")
    client.force_login(member.user)

    with django_assert_num_queries(18):
        response = client.get("/netvaerk/maalt/")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_mine_netvaerk_query_count_is_constant(client, django_assert_num_queries, count):
    user = UserFactory()
    for _ in range(count):
        membership = MembershipFactory(user=user)
        meeting = MeetingFactory(network=membership.network)
        Rsvp.objects.create(meeting=meeting, user=user, answer="maybe")
        SparringRequestFactory(requester=user)
    client.force_login(user)

    with django_assert_num_queries(14):
        response = client.get("/mine-sider/netvaerk/")

    assert response.status_code == 200
