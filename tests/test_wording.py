"""Words people tripped over (issue 20): the right term in the right place."""

import pytest
from django.urls import reverse

from tests.networks.factories import CoordinatorFactory, MeetingFactory
from tests.schools.factories import OfferFactory, SchoolFactory, school_coordinator

pytestmark = pytest.mark.django_db


def test_network_meeting_table_is_headed_meeting_not_course_session(client):
    coordinator = CoordinatorFactory()
    MeetingFactory(network=coordinator.network)
    client.force_login(coordinator.user)

    response = client.get(reverse("networks:manage", args=[coordinator.network.slug]))

    assert '<th scope="col">Møde</th>' in response.text
    assert "Kursusgang" not in response.text


def test_pupil_rows_do_not_call_the_class_optional(client):
    offer = OfferFactory()
    client.force_login(school_coordinator(SchoolFactory()))

    response = client.get(reverse("schools:request_places", args=[offer.pk]))

    assert "Klasse" in response.text
    assert "(valgfrit)" not in response.text.split('class="pupils"')[1]
    assert "med både fornavn og klasse" in response.text
