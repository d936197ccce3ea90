"""core.admin_viewsets.SafeViewSetMixin on our Wagtail admin viewsets (each case was a 500
found by the fuzz test, tests/core/test_fuzz.py)."""

import pytest

from associations.models import Association
from tests.associations.factories import AssociationFactory
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory, SparringRequestFactory
from tests.schools.factories import ContributionFactory, PlacementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/emails/",
        "/admin/netvaerk/sparring/",
        "/admin/skoler/forloeb/",
        "/admin/skoler/forloeb/inspect/{placement}/",
        "/admin/skoler/bidrag/",
        "/admin/skoler/bidrag/inspect/{contribution}/",
        "/admin/beviser/",
    ],
    ids=["emails", "sparring", "placements", "placement", "contributions", "contribution", "certs"],
)
def test_read_only_lists_open_for_superusers_without_an_add_link(superuser_client, path):
    # A superuser holds every permission, so Wagtail linked "Add" and "Delete" to views these
    # lists leave out: reversing them failed.
    SparringRequestFactory()
    url = path.format(placement=PlacementFactory().pk, contribution=ContributionFactory().pk)

    response = superuser_client.get(url)

    assert response.status_code == 200
    assert "/add/" not in response.text


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Formands", ["Formandsnetværket"]),
        ("mandsnet", ["Formandsnetværket"]),
        ('"Formands:netværk (', []),
        ("Formands" + "x" * 100_000, []),
    ],
    ids=["word", "part", "search-syntax", "long"],
)
def test_network_list_searches_the_database(consultant_client, query, found):
    # Wagtail's index search limited to the list's fields answered "no such column: name" on
    # SQLite for every search.
    NetworkFactory(name="Formandsnetværket")
    NetworkFactory(name="Kasserernetværket")

    response = consultant_client.get("/admin/netvaerk/", {"q": query})

    assert response.status_code == 200
    assert [str(network) for network in response.context["object_list"]] == found


def test_association_list_searches_by_town_and_cvr(consultant_client):
    # The list searched the index, which holds neither field: every search answered 500.
    AssociationFactory(name="Høng Idrætsforening", town="Høng", cvr="29189846")
    AssociationFactory(name="Gørlev Spejderne", town="Gørlev")

    by_town = consultant_client.get("/admin/foreninger/", {"q": "Høng"})
    by_cvr = consultant_client.get("/admin/foreninger/", {"q": "2918"})

    assert [str(a) for a in by_town.context["object_list"]] == ["Høng Idrætsforening"]
    assert [str(a) for a in by_cvr.context["object_list"]] == ["Høng Idrætsforening"]


def test_an_over_long_search_is_cut_to_a_length_the_database_takes(consultant_client):
    # SQLite refuses a LIKE pattern over 50 000 bytes.
    AssociationFactory(name="Høng Idrætsforening", town="Høng")

    response = consultant_client.get("/admin/foreninger/", {"q": "Høng" + "x" * 100_000})

    assert response.status_code == 200
    assert list(response.context["object_list"]) == []


def test_user_list_search_is_cut_to_a_length_the_database_takes(superuser_client):
    UserFactory(full_name="Vera Frivillig")

    response = superuser_client.get("/admin/users/", {"q": "Vera" + "x" * 100_000})

    assert response.status_code == 200
    assert list(response.context["object_list"]) == []


@pytest.mark.indexes
def test_deleting_an_association_whose_offers_have_placements_is_refused(superuser_client):
    # Deleting the association deletes its offers, which their placements protect
    # (on_delete=PROTECT); Wagtail's delete view does not see that far and raised.
    placement = PlacementFactory(offer__association__name="Høng Idrætsforening")
    association = placement.offer.association
    url = f"/admin/foreninger/delete/{association.pk}/"

    response = superuser_client.post(url, follow=True)

    assert response.redirect_chain == [(url, 302)]
    assert (
        "“Høng Idrætsforening” kan ikke slettes, så længe der er praktikforløb knyttet til det."
        in (response.text)
    )
    assert Association.objects.filter(pk=association.pk).exists()


@pytest.mark.indexes
def test_where_an_association_is_used_lists_its_invitations_without_an_edit_link(
    superuser_client, django_capture_on_commit_callbacks
):
    # Invitations have no edit view (missing_views): the usage screen reversed it, a 500.
    from associations.services import invite_person

    association = AssociationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        invite_person(
            association,
            "ny.traener@example.org",
            by=UserFactory(is_superuser=True, is_staff=True),
            role="volunteer_leader",
        )

    response = superuser_client.get(f"/admin/foreninger/usage/{association.pk}/")

    assert response.status_code == 200
    assert "/admin/foreninger/invitationer/edit/" not in response.text


def test_copy_is_left_out_unless_a_viewset_turns_it_on():
    from associations.wagtail_hooks import AssociationViewSet
    from taxonomy.wagtail_hooks import TopicViewSet

    assert AssociationViewSet.copy_view_enabled is False
    assert TopicViewSet.copy_view_enabled is True
