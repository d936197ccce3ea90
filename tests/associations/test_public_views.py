"""The public association pages: the directory, an association's page and the volunteer
fairs, with their query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.associations.factories import (
    ActivityFactory,
    AdminRoleFactory,
    AssociationFactory,
    CategoryFactory,
    DeclarationFactory,
    FairFactory,
    RoleFactory,
    StandFactory,
    VenueFactory,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# --- Directory and association page -------------------------------------------------------


def test_directory_lists_public_associations_only(client):
    AssociationFactory(name="Høng Gymnastikforening")
    AssociationFactory(name="Skjult Forening", is_public=False)

    response = client.get("/foreninger/")

    assert response.status_code == 200
    assert "Høng Gymnastikforening" in response.text
    assert "Skjult Forening" not in response.text


def test_directory_filters_by_category_area_volunteers_and_text(client):
    sport = CategoryFactory(name="Idræt", slug="idraet")
    wanted = AssociationFactory(name="Gørlev IF", town="Gørlev", categories=[sport])
    ActivityFactory(association=wanted, title="Fodbold U10", looking_for_volunteers=True)
    AssociationFactory(name="Ubby Syklub", town="Ubby")

    def names(query):
        response = client.get("/foreninger/", query)
        assert response.status_code == 200
        return [a.name for a in response.context["page_obj"]]

    assert names({"category": "idraet"}) == ["Gørlev IF"]
    assert names({"area": "Ubby"}) == ["Ubby Syklub"]
    assert names({"volunteers_wanted": "on"}) == ["Gørlev IF"]
    assert names({"q": "fodbold"}) == ["Gørlev IF"]
    assert names({"q": "syklub ubby"}) == ["Ubby Syklub"]


def test_directory_unknown_category_is_400_with_error(client):
    AssociationFactory()
    response = client.get("/foreninger/", {"category": "findes-ikke"})
    assert response.status_code == 400


def test_directory_htmx_returns_only_results(client):
    AssociationFactory(name="Rørby Borgerforening")
    response = client.get("/foreninger/", headers={"HX-Request": "true"})
    assert "Rørby Borgerforening" in response.text
    assert "<html" not in response.text


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_directory_query_count_is_constant(client, django_assert_num_queries, count):
    category = CategoryFactory()
    for _ in range(count):
        association = AssociationFactory(categories=[category])
        ActivityFactory(association=association, looking_for_volunteers=True)
        DeclarationFactory(association=association)

    with django_assert_num_queries(12):
        response = client.get("/foreninger/")

    assert response.status_code == 200


def test_association_page_shows_activities_venues_and_declaration(client):
    association = AssociationFactory(slug="svebolle-if")
    venue = VenueFactory(association=association, name="Svebølle Hallen")
    ActivityFactory(association=association, title="Håndbold", venue=venue)
    DeclarationFactory(association=association, year=timezone.localdate().year)

    response = client.get("/foreninger/svebolle-if/")

    assert response.status_code == 200
    assert "Håndbold" in response.text
    assert "Svebølle Hallen" in response.text
    assert f"Børneattester indhentet {timezone.localdate().year}" in response.text


def test_association_page_without_declaration_has_no_badge(client):
    association = AssociationFactory(slug="uden")
    DeclarationFactory(association=association, year=timezone.localdate().year - 1)
    response = client.get("/foreninger/uden/")
    assert "Børneattester indhentet" not in response.text


def test_association_page_in_english(client):
    association = AssociationFactory(slug="eng")
    DeclarationFactory(association=association)
    response = client.get("/en/foreninger/eng/")
    assert response.status_code == 200
    assert "Child-record checks obtained" in response.text


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 404), ("stranger", 404), ("board_member", 404), ("admin", 200), ("staff", 200)],
)
def test_hidden_association_page_access(client, who, status):
    association = AssociationFactory(slug="skjult", is_public=False)
    if who == "stranger":
        client.force_login(UserFactory())
    elif who == "board_member":
        client.force_login(RoleFactory(association=association).user)
    elif who == "admin":
        client.force_login(AdminRoleFactory(association=association).user)
    elif who == "staff":
        client.force_login(UserFactory(is_staff=True))
    assert client.get("/foreninger/skjult/").status_code == status


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_association_page_query_count_is_constant(client, django_assert_num_queries, count):
    association = AssociationFactory(slug="maalt", categories=[CategoryFactory()])
    for _ in range(count):
        venue = VenueFactory(association=association)
        ActivityFactory(association=association, venue=venue)
        StandFactory(association=association)

    with django_assert_num_queries(13):
        response = client.get("/foreninger/maalt/")

    assert response.status_code == 200


def test_unpublished_fair_is_404_for_public(client):
    FairFactory(slug="kladde", is_published=False)
    assert client.get("/frivilligmesse/kladde/").status_code == 404


@pytest.mark.parametrize("count", [1, 3], ids=["one", "many"])
def test_fair_programme_query_count_is_constant(client, django_assert_num_queries, count):
    fair = FairFactory(slug="talt")
    category = CategoryFactory()
    for _ in range(count):
        StandFactory(fair=fair, association=AssociationFactory(categories=[category]))

    with django_assert_num_queries(10):
        response = client.get("/frivilligmesse/talt/")

    assert response.status_code == 200


def _query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_pages_run_as_many_queries_for_many_rows_as_for_one(client):
    """Fair list, Mine foreninger and an association's people: no query per row."""
    me = UserFactory()
    client.force_login(me)
    mine = AdminRoleFactory(user=me).association
    FairFactory(is_published=True, date=timezone.localdate() + datetime.timedelta(days=30))
    urls = [
        "/frivilligmesse/",
        "/mine-sider/foreninger/",
        f"/mine-sider/foreninger/{mine.slug}/personer/",
    ]
    for url in urls:
        client.get(url)  # warm per-process caches (site, locale)
    few = [_query_count(client, url) for url in urls]

    for days in range(40, 44):
        FairFactory(is_published=True, date=timezone.localdate() + datetime.timedelta(days=days))
        AdminRoleFactory(user=me)
        RoleFactory(association=mine)
        AdminRoleFactory(association=mine)

    many = [_query_count(client, url) for url in urls]
    # <=, not ==: the site and footer lookups are cached per process and may drop out.
    assert all(m <= f for m, f in zip(many, few, strict=True)), (many, few)
