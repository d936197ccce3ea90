"""Query counts of the school pages, and Mine sider's long placement history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schools.models import (
    ContributionStatus,
    OfferStatus,
    PlacementState,
)
from tests.associations.factories import AssociationFactory
from tests.schools.factories import (
    ContributionFactory,
    OfferFactory,
    PlacementFactory,
    SchoolFactory,
    ThemeWeekFactory,
    association_admin,
    school_coordinator,
)
from tests.schools.helpers import PUPIL_A

pytestmark = pytest.mark.django_db


def _offers(count):
    for _ in range(count):
        offer = OfferFactory(association=AssociationFactory())
        PlacementFactory(offer=offer, state=PlacementState.ACCEPTED)


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_offer_list_query_count_is_constant(client, django_assert_num_queries, count):
    _offers(count)

    with django_assert_num_queries(10):
        response = client.get(reverse("schools:offers"))

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_mine_query_count_is_constant(client, django_assert_num_queries, count):
    school = SchoolFactory()
    coordinator = school_coordinator(school)
    for _ in range(count):
        offer = OfferFactory()
        PlacementFactory(offer=offer, school=school, pupils=[("Ida", "8.A"), ("Bo", "8.B")])
        ThemeWeekFactory(school=school)
        association_admin(offer.association)
        offer.association.roles.create(user=coordinator, role="contact", is_admin=True)
    client.force_login(coordinator)

    # 20 before paging; +2 page counts, +1 count of requests waiting for an answer.
    with django_assert_num_queries(22):
        response = client.get(reverse("my_schools:index"))

    assert response.status_code == 200


def test_mine_pages_a_long_placement_history_and_counts_every_waiting_request(client):
    school = SchoolFactory()
    coordinator = school_coordinator(school)
    offer = OfferFactory()
    offer.association.roles.create(user=coordinator, role="contact", is_admin=True)
    for number in range(23):
        PlacementFactory(offer=offer, school=school, pupils=[(f"Elev{number:02d}-X", "8.A")])
    client.force_login(coordinator)

    first = client.get(reverse("my_schools:index")).content.decode()
    second = client.get(reverse("my_schools:index"), {"skoleside": 2}).content.decode()

    # The newest first, 20 a page; both lists (school and association) are paged on their own.
    assert "Elev22-X" in first
    assert "Elev02-X" not in first.split('id="association-heading"')[0]
    assert "Elev02-X" in second.split('id="association-heading"')[0]
    assert "Elev22-X" not in second.split('id="association-heading"')[0]
    assert "?skoleside=2#school-placements" in first
    assert "?foreningsside=2#association-placements" in first
    assert "23 anmodninger fra skoler venter på jeres svar." in first


# Not named "page": Playwright has a fixture by that name (see tests/conftest.py).
@pytest.mark.parametrize("number", ["0", "abc", "999", "-1"])
def test_mine_shrugs_off_a_bad_page_number(client, number):
    school = SchoolFactory()
    coordinator = school_coordinator(school)
    PlacementFactory(school=school, pupils=[(PUPIL_A, "8.A")])
    client.force_login(coordinator)

    response = client.get(reverse("my_schools:index"), {"skoleside": number})

    assert response.status_code == 200
    assert PUPIL_A in response.content.decode()


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_theme_week_pages_query_count_is_constant(client, django_assert_num_queries, count):
    theme_week = ThemeWeekFactory()
    for _ in range(count):
        ContributionFactory(theme_week=theme_week, status=ContributionStatus.ACCEPTED)
        ThemeWeekFactory()
    client.force_login(school_coordinator(theme_week.school))

    with django_assert_num_queries(16):
        assert client.get(theme_week.get_absolute_url()).status_code == 200
    with django_assert_num_queries(7):
        assert client.get(reverse("schools:theme_weeks")).status_code == 200


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_placement_page_query_count_is_constant(client, django_assert_num_queries, count):
    placement = PlacementFactory(pupil_count=count, pupils=[("Ida", "8.A")] * count)
    client.force_login(school_coordinator(placement.school))

    with django_assert_num_queries(16):
        response = client.get(placement.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_association_overview_query_count_is_constant(client, django_assert_num_queries, count):
    association = AssociationFactory()
    for _ in range(count):
        offer = OfferFactory(association=association)
        PlacementFactory(offer=offer, pupils=[("Ida", "8.A")])
    client.force_login(association_admin(association))

    with django_assert_num_queries(14):
        response = client.get(reverse("schools:association", args=[association.slug]))

    assert response.status_code == 200


def test_schools_front_page_query_count_is_constant(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("schools:index")).status_code == 200
        return len(queries)

    OfferFactory(status=OfferStatus.PUBLISHED)
    ThemeWeekFactory()
    count()  # warm per-process caches
    few = count()
    for _ in range(4):
        OfferFactory(status=OfferStatus.PUBLISHED)
        ThemeWeekFactory()

    # <=, not ==: the site and footer lookups are cached per process and may drop out.
    assert count() <= few
