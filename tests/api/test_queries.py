"""Every list costs the same number of queries for one object as for a full page of them.

A page of 12 (`page_size`): a full page of the default 20 or the largest 100 would cost the
same queries and only take longer to build (fifty guides were a second and a half).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.associations.factories import (
    ActivityFactory,
    AssociationFactory,
    CategoryFactory,
    DeclarationFactory,
    FairFactory,
)
from tests.courses.factories import (
    CourseFactory,
    ProviderFactory,
    SignupFactory,
    TopicFactory,
    waitlist,
)
from tests.factories import UserFactory
from tests.networks.factories import MeetingFactory as NetworkMeetingFactory
from tests.networks.factories import MembershipFactory, NetworkFactory
from tests.schools.factories import ContributionFactory, OfferFactory

pytestmark = pytest.mark.django_db

FULL = 12  # objects on a full page


def make_courses(n):
    topic = TopicFactory(slug="ledelse")
    provider = ProviderFactory()
    for _ in range(n):
        course = CourseFactory(topics=[topic, TopicFactory()], provider=provider, meetings=2)
        SignupFactory(course=course)
        waitlist(course, [UserFactory()], start=1)


def make_networks(n):
    topic = TopicFactory(slug="ledelse")
    for _ in range(n):
        network = NetworkFactory()
        network.topics.set([topic, TopicFactory()])
        MembershipFactory(network=network)
        NetworkMeetingFactory(network=network)
        NetworkMeetingFactory(network=network, starts_at=timezone.now() + timedelta(days=20))


def make_associations(n):
    category = CategoryFactory()
    for _ in range(n):
        association = AssociationFactory(categories=[category, CategoryFactory()])
        ActivityFactory(association=association, looking_for_volunteers=True)
        DeclarationFactory(association=association)


def make_offers(n):
    for _ in range(n):
        OfferFactory(association=AssociationFactory(town="Høng"))


def make_theme_weeks(n):
    for _ in range(n):
        ContributionFactory(status="accepted")


def make_fairs(n):
    for _ in range(n):
        FairFactory()


def make_topics(n):
    for _ in range(n):
        TopicFactory()


def make_providers(n):
    for _ in range(n):
        ProviderFactory()


@pytest.fixture
def make_guides(make_guide, topic):
    def make(n):
        for i in range(n):
            make_guide(title=f"Vejledning {i}", slug=f"vejledning-{i}", topics=[topic])

    return make


# URL, what makes n objects, and the queries the list costs. Courses: the count, the page with
# its seat counts, topics, meetings. Filters that name an object add the lookup of it.
CASES = [
    (f"/api/v1/courses/?page_size={FULL}", make_courses, 4),
    (f"/api/v1/courses/?page_size={FULL}&topic=ledelse&free_seats=false", make_courses, 5),
    (f"/api/v1/topics/?page_size={FULL}", make_topics, 2),
    (f"/api/v1/providers/?page_size={FULL}", make_providers, 2),
    (f"/api/v1/networks/?page_size={FULL}&topic=ledelse", make_networks, 5),
    (f"/api/v1/associations/?page_size={FULL}", make_associations, 3),
    (f"/api/v1/internships/?page_size={FULL}&area=Høng", make_offers, 3),
    (f"/api/v1/theme-weeks/?page_size={FULL}", make_theme_weeks, 2),
    (f"/api/v1/fairs/?page_size={FULL}", make_fairs, 2),
]


@pytest.mark.parametrize(
    ("url", "make", "queries"), CASES, ids=[case[0].split("?")[0] for case in CASES]
)
@pytest.mark.parametrize("count", [1, FULL])
def test_list_query_count_does_not_grow_with_the_list(
    client, django_assert_num_queries, url, make, queries, count
):
    make(count)

    with django_assert_num_queries(queries):
        response = client.get(url)

    assert response.status_code == 200
    assert len(response.json()["results"]) == count


@pytest.mark.parametrize("count", [1, FULL])
def test_guide_list_query_count_does_not_grow_with_the_list(
    client, django_assert_num_queries, make_guides, count
):
    make_guides(count)

    # View restrictions (twice: the index and its guides must be public), the locale, the
    # index, the topic of ?emne=, count, page, topics, and Wagtail's site root paths.
    with django_assert_num_queries(10):
        response = client.get(f"/api/v1/guides/?page_size={FULL}&emne=bestyrelsesarbejde")

    assert len(response.json()["results"]) == count
