"""schools/rules.py: who may request places, manage an offer, follow a placement, run a theme
week and act on a contribution — from the roles of now."""

import pytest
from django.contrib.auth.models import AnonymousUser

from associations.models import AssociationRole
from schools.models import SchoolCoordinator
from schools.rules import (
    Actor,
    acts_on_contribution,
    acts_on_offer,
    coordinates_a_school,
    is_school_coordinator,
    is_schools_staff,
    placement_actors,
    runs_theme_week,
    takes_part_in_placement,
)
from tests.schools.factories import (
    ContributionFactory,
    ThemeWeekFactory,
    association_admin,
    school_coordinator,
)

pytestmark = pytest.mark.django_db


def test_school_coordinator_follows_their_schools_placement_only(matrix):
    coordinator = matrix["coordinator_a"]

    assert is_school_coordinator(coordinator, matrix["placement_a"].school) is True
    assert coordinates_a_school(coordinator) is True
    assert placement_actors(coordinator, matrix["placement_a"]) == {Actor.SCHOOL}
    assert coordinator.has_perm("schools.follow_placement", matrix["placement_a"]) is True
    assert coordinator.has_perm("schools.follow_placement", matrix["placement_b"]) is False
    assert coordinator.has_perm("schools.request_places") is True
    assert coordinator.has_perm("schools.manage_offer", matrix["offer_a"]) is False


def test_association_admin_manages_their_offer_and_follows_its_placements(matrix):
    admin = matrix["admin_a"]

    assert acts_on_offer(admin, matrix["offer_a"]) is True
    assert admin.has_perm("schools.manage_offer", matrix["offer_a"]) is True
    assert admin.has_perm("schools.manage_offer", matrix["offer_b"]) is False
    assert takes_part_in_placement(admin, matrix["placement_a"]) is True
    assert admin.has_perm("schools.follow_placement", matrix["placement_b"]) is False
    assert admin.has_perm("schools.request_places") is False
    assert admin.has_perm("schools.offer_contribution") is True


def test_schools_staff_act_on_every_offer_placement_and_theme_week(matrix):
    staff = matrix["staff"]
    theme_week = ThemeWeekFactory()

    assert is_schools_staff(staff) is True
    assert staff.has_perm("schools.manage_offer", matrix["offer_b"]) is True
    assert placement_actors(staff, matrix["placement_b"]) == {Actor.STAFF}
    assert staff.has_perm("schools.run_theme_week", theme_week) is True
    assert staff.has_perm("schools.request_places") is False


def test_stranger_may_do_nothing(matrix):
    stranger = matrix["stranger"]

    assert is_schools_staff(stranger) is False
    assert stranger.has_perm("schools.follow_placement", matrix["placement_a"]) is False
    assert stranger.has_perm("schools.manage_offer", matrix["offer_a"]) is False
    assert stranger.has_perm("schools.request_places") is False
    assert stranger.has_perm("schools.post_theme_week") is False
    assert stranger.has_perm("schools.offer_contribution") is False


def test_anonymous_visitor_may_do_nothing(matrix):
    anonymous = AnonymousUser()

    assert is_school_coordinator(anonymous, matrix["placement_a"].school) is False
    assert placement_actors(anonymous, matrix["placement_a"]) == set()
    assert anonymous.has_perm("schools.follow_placement", matrix["placement_a"]) is False
    assert anonymous.has_perm("schools.manage_offer", matrix["offer_a"]) is False
    assert anonymous.has_perm("schools.post_theme_week") is False


def test_former_coordinator_and_former_admin_lose_access_at_once(matrix):
    coordinator, admin = matrix["coordinator_a"], matrix["admin_a"]
    SchoolCoordinator.objects.filter(user=coordinator).delete()
    AssociationRole.objects.filter(user=admin).delete()

    assert coordinator.has_perm("schools.follow_placement", matrix["placement_a"]) is False
    assert coordinator.has_perm("schools.request_places") is False
    assert admin.has_perm("schools.manage_offer", matrix["offer_a"]) is False
    assert admin.has_perm("schools.offer_contribution") is False


def test_theme_week_is_run_by_its_schools_coordinators():
    theme_week = ThemeWeekFactory()
    own = school_coordinator(theme_week.school)
    other = school_coordinator()

    assert runs_theme_week(own, theme_week) is True
    assert own.has_perm("schools.post_theme_week") is True
    assert other.has_perm("schools.run_theme_week", theme_week) is False


def test_contribution_is_acted_on_by_the_school_and_the_offering_association():
    contribution = ContributionFactory()
    school = school_coordinator(contribution.theme_week.school)
    admin = association_admin(contribution.association)

    assert acts_on_contribution(school, contribution) is True
    assert admin.has_perm("schools.act_on_contribution", contribution) is True
    assert school_coordinator().has_perm("schools.act_on_contribution", contribution) is False
