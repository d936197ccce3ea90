"""School services log who did what in Wagtail's history (issue 19)."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from schools import services
from schools.models import PlacementState
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_accepting_a_placement_is_logged_and_shown_in_its_history(matrix, client):
    placement, admin = matrix["placement_a"], matrix["admin_a"]
    services.accept_placement(placement, by=admin)
    (entry,) = ModelLogEntry.objects.for_instance(placement)
    assert (entry.action, entry.user_id) == ("frivilligloeft.schools.status", admin.pk)
    assert entry.data == {"to": PlacementState.ACCEPTED}

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("placements:history", args=[placement.pk]))
    assert response.status_code == 200
    assert f"{PlacementState.ACCEPTED}" in response.content.decode()


def test_a_refused_move_writes_no_entry(matrix):
    placement = matrix["placement_a"]
    with pytest.raises(services.SchoolError):
        services.accept_placement(placement, by=matrix["admin_b"])
    assert not ModelLogEntry.objects.for_instance(placement).exists()
