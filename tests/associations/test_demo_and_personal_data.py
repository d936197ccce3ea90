import io
import json

import pytest
from django.core.management import call_command

from accounts.models import User
from associations import queries
from associations.models import (
    Activity,
    Association,
    AssociationInvitation,
    AssociationRole,
    ChildRecordDeclaration,
    Fair,
    FairStand,
    RoleKind,
    Venue,
)
from tests.associations.factories import AdminRoleFactory, DeclarationFactory, RoleFactory

pytestmark = pytest.mark.django_db

MODELS = (
    Association,
    AssociationRole,
    AssociationInvitation,
    Venue,
    Activity,
    ChildRecordDeclaration,
    Fair,
    FairStand,
)


def _counts():
    return [model.objects.count() for model in MODELS]


def test_seed_demo_adds_associations_and_a_frivillig_fredag_fair_once(demo_site):
    first = _counts()
    call_command("seed_demo", stdout=io.StringIO())

    assert _counts() == first
    assert Association.objects.filter(is_public=True).count() >= 6
    assert Association.objects.filter(is_public=False).exists()
    fair = Fair.objects.get()
    assert fair.date == queries.next_frivillig_fredag()
    assert fair.stands.count() >= 4
    volunteer_role = AssociationRole.objects.get(
        user__email="frivillig@frivilligloeft.test", role=RoleKind.CHAIR
    )
    assert volunteer_role.is_admin
    # Several roles per person, and an invitation waiting for someone without a profile.
    lars = AssociationRole.objects.filter(
        association=volunteer_role.association, user__full_name="Lars Mikkelsen"
    )
    assert sorted(lars.values_list("role", flat=True)) == ["board_member", "treasurer"]
    assert AssociationInvitation.objects.get(association=volunteer_role.association).is_usable
    overview = queries.board_competence_overview(volunteer_role.association)
    assert any(volunteer_role.user in entry.people for entry in overview.covered)
    assert any(entry.is_gap and entry.suggested_courses for entry in overview.needs)


def test_personal_data_export_lists_roles(client):
    role = AdminRoleFactory(association__name="Ubby Syklub", consent_show_competences=True)
    client.force_login(role.user)

    response = client.get("/mine-sider/dine-data/eksport.json")

    data = json.loads(response.content)
    assert data["associations"]["roles"] == [
        {
            "association": "Ubby Syklub",
            "role": "chair",
            "is_admin": True,
            "show_completed_courses_to_board": True,
            "since": role.created_at.isoformat(),
        }
    ]


def test_personal_data_erase_removes_roles_keeps_declarations():
    role = RoleFactory()
    declaration = DeclarationFactory(association=role.association, declared_by=role.user)
    from associations.personal_data import erase_data

    erase_data(role.user)
    User.objects.filter(pk=role.user.pk).delete()

    assert not AssociationRole.objects.exists()
    declaration.refresh_from_db()
    assert declaration.declared_by is None


def test_the_demo_associations_come_from_the_services(demo_site):
    """Roles given by the consultant, declarations (last year's a year ago), venues,
    activities, needs, invitations and stands by the association's admins, each logged."""
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    from associations.models import ChildRecordDeclaration, FairStand

    consultant = "konsulent@frivilligloeft.test"
    for role in AssociationRole.objects.all():
        entry = ModelLogEntry.objects.for_instance(role).get(action="wagtail.create")
        assert entry.user.email == consultant
    this_year = timezone.localdate().year
    for declaration in ChildRecordDeclaration.objects.select_related("declared_by"):
        assert declaration.declared_at.year in (declaration.year, declaration.year - 1)
        assert AssociationRole.objects.filter(
            association=declaration.association_id, user=declaration.declared_by, is_admin=True
        ).exists()
    assert ChildRecordDeclaration.objects.filter(year=this_year - 1).exists()
    for stand in FairStand.objects.all():
        assert ModelLogEntry.objects.for_instance(stand).filter(action="wagtail.create").exists()
    assert Association.objects.filter(verified_at__isnull=False).exists()
