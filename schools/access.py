"""Who may see and do what in schools. Views turn a "no" into a 404 so nothing leaks.

Three kinds of people act on placements and theme weeks: the coordinators of the school, the
admins of the association (through `associations.queries`), and municipal staff with the
schools permissions (volunteer consultants, superusers).
"""

from enum import StrEnum

from associations.queries import associations_administered_by, is_association_admin
from schools.models import InternshipOffer, Placement, School, SchoolCoordinator, ThemeWeek


class Actor(StrEnum):
    SCHOOL = "school"
    ASSOCIATION = "association"
    STAFF = "staff"


def is_schools_staff(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("schools.change_placement"))


def is_school_coordinator(user, school: School | int) -> bool:
    if not user.is_authenticated:
        return False
    school_id = school if isinstance(school, int) else school.pk
    return SchoolCoordinator.objects.filter(school_id=school_id, user_id=user.pk).exists()


def schools_coordinated_by(user):
    if not user.is_authenticated:
        return School.objects.none()
    return School.objects.filter(coordinator_roles__user_id=user.pk).order_by("name")


def administered_association_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(associations_administered_by(user).values_list("pk", flat=True))


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
