"""Mine sider's front page asks the same number of queries however much a person has: each
panel (accounts.registry) is a constant number of queries (issue 17)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.courses.factories import CourseFactory, SignupFactory, waitlist
from tests.factories import UserFactory
from tests.networks.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def give(person, count: int) -> None:
    for _ in range(count):
        SignupFactory(course=CourseFactory(), user=person)
        full = CourseFactory(capacity=1)
        SignupFactory(course=full)
        waitlist(full, [person])
        MembershipFactory(user=person)


def queries_for(client, count: int) -> int:
    person = UserFactory()
    give(person, count)
    client.force_login(person)
    client.get("/mine-sider/")  # warm: the session, the caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/mine-sider/")
    assert response.status_code == 200
    return len(queries)


def test_mine_sider_query_count_does_not_grow(client):
    queries_for(client, 0)  # warm what is cached per site (the guides link, the footer)
    assert queries_for(client, 1) == queries_for(client, 12)
