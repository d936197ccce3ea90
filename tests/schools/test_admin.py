import pytest

from accounts.roles import Role
from schools.models import PlacementState
from tests.factories import UserFactory
from tests.schools.factories import (
    ContributionFactory,
    OfferFactory,
    PlacementFactory,
    SchoolCoordinatorFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/admin/skoler/",
        "/admin/skoler/koordinatorer/",
        "/admin/skoler/praktik/",
        "/admin/skoler/forloeb/",
        "/admin/skoler/temauger/",
        "/admin/skoler/bidrag/",
    ],
)
def test_consultant_sees_the_schools_admin(consultant_client, path):
    SchoolCoordinatorFactory()
    PlacementFactory(state=PlacementState.AGREED)
    ContributionFactory()

    response = consultant_client.get(path)

    assert response.status_code == 200


def test_placements_are_read_only_in_the_admin(consultant_client):
    placement = PlacementFactory(pupils=[("Ida", "8.A")])

    inspect = consultant_client.get(f"/admin/skoler/forloeb/inspect/{placement.pk}/")
    edit = consultant_client.get(f"/admin/skoler/forloeb/edit/{placement.pk}/")
    delete = consultant_client.get(f"/admin/skoler/forloeb/delete/{placement.pk}/")

    assert inspect.status_code == 200
    assert edit.status_code == 302
    assert edit["Location"].endswith(f"/admin/skoler/forloeb/inspect/{placement.pk}/")
    assert delete.status_code == 404


@pytest.mark.parametrize("prefix", ["forloeb", "bidrag"], ids=["placement", "contribution"])
def test_edit_link_of_a_read_only_list_with_a_malformed_id_is_404(consultant_client, prefix):
    # The redirect to the inspect view could not reverse a non-numeric id: a 500 (found by
    # the fuzz test).
    response = consultant_client.get(f"/admin/skoler/{prefix}/edit/abc/")

    assert response.status_code == 404


@pytest.mark.indexes
def test_offer_status_is_not_editable_in_the_admin(consultant_client):
    offer = OfferFactory()

    response = consultant_client.get(f"/admin/skoler/praktik/edit/{offer.pk}/")

    assert response.status_code == 200
    assert 'name="status"' not in response.content.decode()
    assert 'name="title"' in response.content.decode()


def test_editors_do_not_see_the_schools_admin(client):
    client.force_login(UserFactory(roles=[Role.EDITOR]))

    response = client.get("/admin/skoler/forloeb/")

    assert response.status_code == 302


def test_seed_demo_is_idempotent_and_follows_the_rules(demo_site):
    import io

    from django.core.management import call_command

    from associations.queries import has_current_child_record_declaration
    from schools.models import InternshipOffer, Placement, PlacementPupil, ThemeWeek

    counts = (Placement.objects.count(), PlacementPupil.objects.count(), ThemeWeek.objects.count())
    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    assert counts == (
        Placement.objects.count(),
        PlacementPupil.objects.count(),
        ThemeWeek.objects.count(),
    )
    assert "skole@frivilligloeft.test" in out.getvalue()
    assert set(Placement.objects.values_list("state", flat=True)) >= {
        "requested",
        "accepted",
        "agreed",
        "completed",
        "evaluated",
        "declined",
    }
    for offer in InternshipOffer.objects.filter(involves_children_under_15=True):
        assert has_current_child_record_declaration(offer.association)
