"""The last admin under real concurrency, on PostgreSQL.

Every admin of an association tries to leave at the same moment (or to take away the others'
admin right). The association row lock in `associations.services` makes them decide one at
a time, so exactly one admin is left. Without `select_for_update()` in `services.common.lock` each
thread sees "there are other admins" and the association ends up with none.
"""

import pytest

from associations import services
from associations.models import AssociationRole, RoleKind
from tests.associations.factories import AdminRoleFactory, AssociationFactory
from tests.courses.test_concurrency import REAL_RACES, race

pytestmark = REAL_RACES

ADMINS = 12


@pytest.mark.parametrize("round_number", range(10), ids=lambda n: f"round-{n + 1}")
def test_admins_leaving_at_once_leave_exactly_one_admin(round_number):
    association = AssociationFactory()
    roles = [AdminRoleFactory(association=association) for _ in range(ADMINS)]

    results, errors = race(
        lambda role=role: services.remove_person(role, by=role.user) for role in roles
    )

    assert len(results) == ADMINS - 1
    assert [type(error) for error in errors] == [services.AssociationError]
    assert AssociationRole.objects.filter(association=association, is_admin=True).count() == 1


@pytest.mark.parametrize("round_number", range(10), ids=lambda n: f"round-{n + 1}")
def test_admins_demoting_each_other_at_once_leave_exactly_one_admin(round_number):
    association = AssociationFactory()
    roles = [AdminRoleFactory(association=association) for _ in range(ADMINS)]
    # Each admin demotes the next one in a ring.
    pairs = [(roles[i].user, roles[(i + 1) % ADMINS]) for i in range(ADMINS)]

    results, errors = race(
        lambda actor=actor, role=role: services.change_role(
            role, by=actor, kind=RoleKind.BOARD_MEMBER, is_admin=False
        )
        for actor, role in pairs
    )

    admins = AssociationRole.objects.filter(association=association, is_admin=True).count()
    assert admins >= 1
    assert len(results) + len(errors) == ADMINS
    assert all(isinstance(error, services.AssociationError) for error in errors)
