"""Who may see and do what in schools: predicates and object permissions (django-rules).

Three kinds of people act on placements and theme weeks: the coordinators of the school, the
admins of the association (through `associations.rules`), and municipal staff with the
schools permissions (volunteer consultants, superusers). Each is an `Actor`; the services'
transition tables say which actor may make which move. Everything is decided from the
person's roles at the time of the request; nothing is stored. Views turn a "no" into a 404.
"""

from enum import StrEnum

import rules

from associations.queries import (
    ids_of_associations_administered_by,
)
from associations.rules import administers_an_association, is_association_admin
from schools.models import (
    InternshipOffer,
    Placement,
    School,
    SchoolCoordinator,
    ThemeWeek,
    ThemeWeekContribution,
)


class Actor(StrEnum):
    SCHOOL = "school"
    ASSOCIATION = "association"
    STAFF = "staff"


@rules.predicate
def is_schools_staff(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("schools.change_placement"))


@rules.predicate
def is_school_coordinator(user, school: School | int | None) -> bool:
    if school is None or not user.is_authenticated:
        return False
    school_id = school if isinstance(school, int) else school.pk
    return SchoolCoordinator.objects.filter(school_id=school_id, user_id=user.pk).exists()


def schools_coordinated_by(user):
    if not user.is_authenticated:
        return School.objects.none()
    return School.objects.filter(coordinator_roles__user_id=user.pk).order_by("name")


@rules.predicate
def coordinates_a_school(user) -> bool:
    return schools_coordinated_by(user).exists()


def administered_association_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return ids_of_associations_administered_by(user)


def offer_actors(user, offer: InternshipOffer) -> set[Actor]:
    actors = set()
    if user.is_authenticated:
        if is_association_admin(user, offer.association):
            actors.add(Actor.ASSOCIATION)
        if is_schools_staff(user):
            actors.add(Actor.STAFF)
    return actors


def placement_actors(user, placement: Placement) -> set[Actor]:
    """The roles `user` has on `placement`: empty means they may not even see it."""
    actors = offer_actors(user, placement.offer)
    if is_school_coordinator(user, placement.school_id):
        actors.add(Actor.SCHOOL)
    return actors


def theme_week_actors(user, theme_week: ThemeWeek) -> set[Actor]:
    actors = set()
    if is_school_coordinator(user, theme_week.school_id):
        actors.add(Actor.SCHOOL)
    if is_schools_staff(user):
        actors.add(Actor.STAFF)
    return actors


def contribution_actors(user, contribution: ThemeWeekContribution) -> set[Actor]:
    actors = theme_week_actors(user, contribution.theme_week)
    if user.is_authenticated and is_association_admin(user, contribution.association):
        actors.add(Actor.ASSOCIATION)
    return actors


@rules.predicate
def acts_on_offer(user, offer: InternshipOffer | None) -> bool:
    """The offering association's admins and schools staff."""
    return offer is not None and bool(offer_actors(user, offer))


@rules.predicate
def takes_part_in_placement(user, placement: Placement | None) -> bool:
    return placement is not None and bool(placement_actors(user, placement))


@rules.predicate
def runs_theme_week(user, theme_week: ThemeWeek | None) -> bool:
    """The coordinators of the theme week's school and schools staff."""
    return theme_week is not None and bool(theme_week_actors(user, theme_week))


@rules.predicate
def acts_on_contribution(user, contribution: ThemeWeekContribution | None) -> bool:
    return contribution is not None and bool(contribution_actors(user, contribution))


rules.add_perm("schools.coordinate_school", is_school_coordinator)
rules.add_perm("schools.request_places", coordinates_a_school)
rules.add_perm("schools.post_theme_week", coordinates_a_school)
rules.add_perm("schools.offer_contribution", administers_an_association)
rules.add_perm("schools.manage_offer", acts_on_offer)
rules.add_perm("schools.follow_placement", takes_part_in_placement)
rules.add_perm("schools.run_theme_week", runs_theme_week)
rules.add_perm("schools.act_on_contribution", acts_on_contribution)
