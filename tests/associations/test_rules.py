"""associations/rules.py: who may act for an association — its admins of now, and staff with
the role permissions of the Wagtail admin for its people."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.roles import Role
from associations.models import AssociationRole
from associations.rules import administers_an_association, is_association_admin
from tests.associations.factories import AdminRoleFactory, AssociationFactory, RoleFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLE_PERMISSIONS = ("add", "change", "delete")


def test_admin_manages_their_association_and_its_people():
    role = AdminRoleFactory()

    assert is_association_admin(role.user, role.association) is True
    assert administers_an_association(role.user) is True
    assert role.user.has_perm("associations.manage_association", role.association) is True
    for action in ROLE_PERMISSIONS:
        assert role.user.has_perm(f"associations.{action}_roles_of", role.association) is True


def test_admin_of_another_association_may_not_act_here():
    admin = AdminRoleFactory().user
    association = AssociationFactory()

    assert admin.has_perm("associations.manage_association", association) is False
    assert admin.has_perm("associations.add_roles_of", association) is False


def test_member_without_the_admin_right_may_not_act():
    role = RoleFactory()

    assert is_association_admin(role.user, role.association) is False
    assert administers_an_association(role.user) is False
    assert role.user.has_perm("associations.change_roles_of", role.association) is False


def test_volunteer_consultant_manages_people_but_is_no_admin():
    consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    association = AssociationFactory()

    assert consultant.has_perm("associations.manage_association", association) is False
    for action in ROLE_PERMISSIONS:
        assert consultant.has_perm(f"associations.{action}_roles_of", association) is True


def test_anonymous_visitor_may_do_nothing():
    anonymous = AnonymousUser()
    association = AssociationFactory()

    assert is_association_admin(anonymous, association) is False
    assert administers_an_association(anonymous) is False
    assert anonymous.has_perm("associations.add_roles_of", association) is False


def test_former_admin_loses_the_association_at_once():
    role = AdminRoleFactory()
    AssociationRole.objects.filter(pk=role.pk).update(is_admin=False)

    assert role.user.has_perm("associations.manage_association", role.association) is False
    assert role.user.has_perm("associations.delete_roles_of", role.association) is False
