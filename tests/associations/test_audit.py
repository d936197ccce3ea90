"""Association services log who did what in Wagtail's history (issue 19)."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from associations import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def association_and_admin():
    from tests.associations.factories import AssociationFactory, RoleFactory

    association = AssociationFactory()
    admin = RoleFactory(association=association, is_admin=True).user
    return association, admin


def test_verifying_is_logged_and_shown_in_the_association_history(client):
    from tests.associations.factories import AssociationFactory

    association = AssociationFactory(verified_by_staff=False)
    staff = UserFactory(is_staff=True, is_superuser=True)
    services.verify_association(association, by=staff)
    (entry,) = ModelLogEntry.objects.for_instance(association)
    assert (entry.action, entry.user_id) == ("frivilligloeft.associations.verified", staff.pk)

    client.force_login(staff)
    response = client.get(reverse("association_admin:history", args=[association.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Verified by staff" in content or "Verificeret af personalet" in content


def test_a_refused_change_writes_no_entry(association_and_admin):
    association, admin = association_and_admin
    with pytest.raises(services.AssociationError):
        services.update_association(association, {"name": "X"}, by=UserFactory())
    (role,) = association.roles.all()
    with pytest.raises(services.AssociationError):
        services.remove_person(role, by=admin)
    assert not ModelLogEntry.objects.filter(
        object_id__in=[str(association.pk), str(role.pk)]
    ).exists()


def test_a_change_by_an_admin_is_logged_with_them(association_and_admin):
    association, admin = association_and_admin
    services.update_association(association, {"name": "Nyt navn"}, by=admin)
    (entry,) = ModelLogEntry.objects.for_instance(association)
    assert (entry.action, entry.user_id) == ("wagtail.edit", admin.pk)
