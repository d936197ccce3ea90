import datetime

import pytest
from django.utils import timezone

from accounts.roles import Role
from associations import queries, services
from associations.models import AssociationRole, ChildRecordDeclaration, FairStand, RoleKind
from associations.services import AssociationError
from tests.associations.factories import (
    ActivityFactory,
    AdminRoleFactory,
    AssociationFactory,
    CategoryFactory,
    FairFactory,
    RoleFactory,
    StandFactory,
    VenueFactory,
)
from tests.courses.factories import TopicFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_role():
    return AdminRoleFactory()


@pytest.fixture
def admins_second_role(admin_role):
    """The association's only admin holds a second role, treasurer, also as admin."""
    return AssociationRole.objects.create(
        association=admin_role.association,
        user=admin_role.user,
        role=RoleKind.TREASURER,
        is_admin=True,
    )


@pytest.fixture
def two_roles(admin_role):
    """One person who is both treasurer and board member of the admin's association: the two
    roles, treasurer first."""
    treasurer = RoleFactory(association=admin_role.association, role=RoleKind.TREASURER)
    board = RoleFactory(
        association=admin_role.association, user=treasurer.user, role=RoleKind.BOARD_MEMBER
    )
    return treasurer, board


def test_create_association_makes_creator_admin_with_unique_slug():
    creator = UserFactory()
    AssociationFactory(slug="hoeng-boldklub")
    category = CategoryFactory()

    association = services.create_association(
        {"name": "Høng Boldklub", "town": "Høng", "categories": [category]}, by=creator
    )

    assert association.slug == "hoeng-boldklub-2"
    assert list(association.categories.all()) == [category]
    role = AssociationRole.objects.get(association=association)
    assert (role.user, role.role, role.is_admin) == (creator, RoleKind.CHAIR, True)


def test_create_association_second_with_same_name_gets_new_slug():
    creator = UserFactory()
    first = services.create_association({"name": "Ubby Løbeklub", "town": "Ubby"}, by=creator)
    second = services.create_association({"name": "Ubby Løbeklub", "town": "Ubby"}, by=creator)
    assert (first.slug, second.slug) == ("ubby-loebeklub", "ubby-loebeklub-2")


def test_update_association_by_admin_changes_fields(admin_role):
    services.update_association(
        admin_role.association, {"name": "Nyt navn", "cvr": "29189846"}, by=admin_role.user
    )
    admin_role.association.refresh_from_db()
    assert (admin_role.association.name, admin_role.association.cvr) == ("Nyt navn", "29189846")


@pytest.mark.parametrize("who", ["stranger", "board_member"])
def test_update_association_by_non_admin_is_refused(who):
    association = AssociationFactory(name="Før")
    actor = UserFactory() if who == "stranger" else RoleFactory(association=association).user
    with pytest.raises(AssociationError):
        services.update_association(association, {"name": "Efter"}, by=actor)
    association.refresh_from_db()
    assert association.name == "Før"


def test_add_person_by_email_gives_role(admin_role):
    person = UserFactory(email="ida@example.org")
    role = services.add_person(
        admin_role.association,
        "IDA@example.org ",
        by=admin_role.user,
        role=RoleKind.VOLUNTEER_LEADER,
    )
    assert (role.user, role.role, role.is_admin) == (person, RoleKind.VOLUNTEER_LEADER, False)


def test_add_person_unknown_email_is_refused(admin_role):
    with pytest.raises(AssociationError, match="profil"):
        services.add_person(
            admin_role.association, "nobody@example.org", by=admin_role.user, role=RoleKind.CHAIR
        )


def test_add_person_twice_in_the_same_role_is_refused(admin_role):
    person = RoleFactory(association=admin_role.association, role=RoleKind.TREASURER).user
    with pytest.raises(AssociationError, match="allerede denne rolle"):
        services.add_person(
            admin_role.association, person.email, by=admin_role.user, role=RoleKind.TREASURER
        )


def test_add_person_a_second_role_keeps_both_and_the_persons_admin_right(admin_role):
    chair = admin_role.user
    other_admin = AdminRoleFactory(association=admin_role.association).user

    treasurer = services.add_person(
        admin_role.association, chair.email, by=other_admin, role=RoleKind.TREASURER
    )

    roles = AssociationRole.objects.filter(association=admin_role.association, user=chair)
    assert sorted(roles.values_list("role", "is_admin")) == [
        (RoleKind.CHAIR, True),
        (RoleKind.TREASURER, True),
    ]
    assert treasurer.is_admin


def test_add_person_an_admin_role_makes_all_the_persons_roles_admin(admin_role):
    volunteer = RoleFactory(association=admin_role.association, role=RoleKind.VOLUNTEER_LEADER)

    services.add_person(
        admin_role.association,
        volunteer.user.email,
        by=admin_role.user,
        role=RoleKind.TREASURER,
        is_admin=True,
    )

    volunteer.refresh_from_db()
    assert volunteer.is_admin


def test_the_last_admin_may_drop_one_of_two_roles_but_not_the_last(admin_role, admins_second_role):
    services.remove_person(admins_second_role, by=admin_role.user)

    assert not AssociationRole.objects.filter(pk=admins_second_role.pk).exists()
    with pytest.raises(AssociationError, match="mindst én administrator"):
        services.remove_person(admin_role, by=admin_role.user)


@pytest.mark.usefixtures("admins_second_role")
def test_the_last_admin_with_two_roles_cannot_step_down_on_either(admin_role):
    with pytest.raises(AssociationError, match="mindst én administrator"):
        services.change_role(admin_role, by=admin_role.user, kind=RoleKind.CHAIR, is_admin=False)


def test_change_role_to_a_role_the_person_already_has_is_refused(admin_role, two_roles):
    _, board = two_roles
    with pytest.raises(AssociationError, match="allerede denne rolle"):
        services.change_role(board, by=admin_role.user, kind=RoleKind.TREASURER, is_admin=False)


def test_change_role_admin_right_applies_to_all_the_persons_roles(admin_role, two_roles):
    treasurer, board = two_roles

    services.change_role(board, by=admin_role.user, kind=RoleKind.BOARD_MEMBER, is_admin=True)

    treasurer.refresh_from_db()
    assert treasurer.is_admin


def test_competence_consent_holds_for_all_the_persons_roles(admin_role, two_roles):
    treasurer, board = two_roles

    services.set_competence_consent(board, by=treasurer.user, consent=True)

    treasurer.refresh_from_db()
    assert treasurer.consent_show_competences
    overview = queries.board_competence_overview(admin_role.association)
    assert [role.user for role in overview.board].count(treasurer.user) == 1


def test_add_person_by_non_admin_is_refused():
    role = RoleFactory()
    with pytest.raises(AssociationError):
        services.add_person(
            role.association, UserFactory().email, by=role.user, role=RoleKind.BOARD_MEMBER
        )


def test_change_role_last_admin_cannot_lose_admin_right(admin_role):
    with pytest.raises(AssociationError, match="mindst én administrator"):
        services.change_role(admin_role, by=admin_role.user, kind=RoleKind.CHAIR, is_admin=False)
    admin_role.refresh_from_db()
    assert admin_role.is_admin


def test_change_role_with_other_admin_can_step_down(admin_role):
    AdminRoleFactory(association=admin_role.association)
    services.change_role(admin_role, by=admin_role.user, kind=RoleKind.BOARD_MEMBER, is_admin=False)
    admin_role.refresh_from_db()
    assert (admin_role.role, admin_role.is_admin) == (RoleKind.BOARD_MEMBER, False)


def test_remove_person_last_admin_is_refused(admin_role):
    with pytest.raises(AssociationError):
        services.remove_person(admin_role, by=admin_role.user)
    assert AssociationRole.objects.filter(pk=admin_role.pk).exists()


def test_remove_person_by_admin_and_by_themselves(admin_role):
    first = RoleFactory(association=admin_role.association)
    second = RoleFactory(association=admin_role.association)

    services.remove_person(first, by=admin_role.user)
    services.remove_person(second, by=second.user)

    assert list(AssociationRole.objects.filter(association=admin_role.association)) == [admin_role]


def test_remove_person_by_other_non_admin_is_refused(admin_role):
    first = RoleFactory(association=admin_role.association)
    second = RoleFactory(association=admin_role.association)
    with pytest.raises(AssociationError):
        services.remove_person(first, by=second.user)


def test_consultant_steps_in_for_an_association_without_admins():
    association = AssociationFactory()
    consultant = UserFactory(roles=[Role.VOLUNTEER_CONSULTANT])
    leaving = RoleFactory(association=association)

    role = services.add_person(
        association, UserFactory(email="ny@example.org").email, by=consultant, role=RoleKind.CHAIR
    )
    role = services.change_role(role, by=consultant, kind=RoleKind.CHAIR, is_admin=True)
    services.remove_person(leaving, by=consultant)

    assert list(association.roles.values_list("user__email", "is_admin")) == [
        ("ny@example.org", True)
    ]
    # The last-admin rule holds for staff too.
    with pytest.raises(AssociationError, match="mindst én administrator"):
        services.remove_person(role, by=consultant)


@pytest.mark.parametrize("role", [Role.EDITOR, Role.COURSE_ADMINISTRATOR])
def test_other_staff_cannot_manage_an_associations_people(role):
    staff = UserFactory(roles=[role])
    member = RoleFactory()
    with pytest.raises(AssociationError):
        services.add_person(member.association, UserFactory().email, by=staff, role=RoleKind.CHAIR)
    with pytest.raises(AssociationError):
        services.change_role(member, by=staff, kind=RoleKind.CHAIR, is_admin=True)
    with pytest.raises(AssociationError):
        services.remove_person(member, by=staff)


def test_set_competence_consent_only_by_the_person(admin_role):
    role = RoleFactory(association=admin_role.association)
    with pytest.raises(AssociationError):
        services.set_competence_consent(role, by=admin_role.user, consent=True)
    services.set_competence_consent(role, by=role.user, consent=True)
    role.refresh_from_db()
    assert role.consent_show_competences


def test_save_venue_and_activity_with_own_venue(admin_role):
    association = admin_role.association
    venue = services.save_venue(
        association, {"name": "Hallen", "address": "Vej 1", "capacity": 80}, by=admin_role.user
    )
    activity = services.save_activity(
        association,
        {"title": "Træning", "schedule": "tirsdage 17–19", "venue": venue},
        by=admin_role.user,
    )
    assert (activity.venue, activity.association) == (venue, association)

    services.delete_venue(venue, by=admin_role.user)
    activity.refresh_from_db()
    assert activity.venue is None


def test_save_activity_with_other_associations_venue_is_refused(admin_role):
    with pytest.raises(AssociationError, match="egne lokaliteter"):
        services.save_activity(
            admin_role.association, {"title": "X", "venue": VenueFactory()}, by=admin_role.user
        )


def test_save_activity_ending_before_start_is_refused(admin_role):
    now = timezone.now()
    with pytest.raises(AssociationError):
        services.save_activity(
            admin_role.association,
            {"title": "X", "starts_at": now, "ends_at": now - datetime.timedelta(hours=1)},
            by=admin_role.user,
        )


def test_save_activity_of_other_association_is_refused(admin_role):
    with pytest.raises(AssociationError):
        services.save_activity(
            admin_role.association, {"title": "X"}, by=admin_role.user, activity=ActivityFactory()
        )


def test_delete_activity_by_non_admin_is_refused():
    activity = ActivityFactory()
    with pytest.raises(AssociationError):
        services.delete_activity(activity, by=UserFactory())


def test_declare_child_records_is_idempotent_and_counts(admin_role):
    year = timezone.localdate().year
    first = services.declare_child_records(admin_role.association, by=admin_role.user)
    other_admin = AdminRoleFactory(association=admin_role.association).user
    again = services.declare_child_records(admin_role.association, year, by=other_admin)

    assert (first.pk, first.year, again.declared_by) == (again.pk, year, admin_role.user)
    assert queries.has_current_child_record_declaration(admin_role.association)
    assert ChildRecordDeclaration.objects.count() == 1


@pytest.mark.parametrize("offset", [-1, 2], ids=["last-year", "in-two-years"])
def test_declare_child_records_other_years_are_refused(admin_role, offset):
    with pytest.raises(AssociationError):
        services.declare_child_records(
            admin_role.association, timezone.localdate().year + offset, by=admin_role.user
        )


def test_declare_child_records_at_a_given_time_counts_from_that_year(admin_role):
    """`now=` (the demo declares last year's a year ago): this year and next are those of
    `now`, and the declaration is dated then."""
    a_year_ago = timezone.now() - datetime.timedelta(days=365)
    last_year = timezone.localtime(a_year_ago).year

    declaration = services.declare_child_records(
        admin_role.association, last_year, by=admin_role.user, now=a_year_ago
    )

    assert (declaration.year, declaration.declared_at) == (last_year, a_year_ago)
    assert not queries.has_current_child_record_declaration(admin_role.association)


def test_declare_child_records_by_non_admin_is_refused():
    role = RoleFactory()
    with pytest.raises(AssociationError):
        services.declare_child_records(role.association, by=role.user)


def test_verify_association_only_staff():
    association = AssociationFactory()
    with pytest.raises(AssociationError):
        services.verify_association(association, by=UserFactory())
    services.verify_association(association, by=UserFactory(is_staff=True))
    association.refresh_from_db()
    assert association.verified_by_staff
    assert association.verified_at is not None


def test_competence_needs_add_twice_updates_note_and_remove(admin_role):
    topic = TopicFactory()
    services.add_competence_need(admin_role.association, topic, "økonomi", by=admin_role.user)
    need = services.add_competence_need(
        admin_role.association, topic, "regnskab", by=admin_role.user
    )
    assert need.note == "regnskab"
    services.remove_competence_need(need, by=admin_role.user)
    assert not admin_role.association.competence_needs.exists()


def test_register_stand_before_deadline_then_change(admin_role):
    fair = FairFactory()
    stand = services.register_stand(
        fair, admin_role.association, by=admin_role.user, offer="Prøv bueskydning"
    )
    again = services.register_stand(
        fair,
        admin_role.association,
        by=admin_role.user,
        offer="Prøv bueskydning og petanque",
        volunteers_sought="Trænere",
    )
    assert stand.pk == again.pk
    assert FairStand.objects.get().volunteers_sought == "Trænere"


def test_register_stand_after_deadline_is_refused(admin_role):
    fair = FairFactory()
    with pytest.raises(AssociationError, match="Tilmeldingsfristen"):
        services.register_stand(
            fair,
            admin_role.association,
            by=admin_role.user,
            offer="X",
            today=fair.registration_deadline + datetime.timedelta(days=1),
        )


def test_register_stand_unpublished_fair_or_non_admin_is_refused(admin_role):
    with pytest.raises(AssociationError):
        services.register_stand(
            FairFactory(is_published=False), admin_role.association, by=admin_role.user, offer="X"
        )
    with pytest.raises(AssociationError):
        services.register_stand(FairFactory(), admin_role.association, by=UserFactory(), offer="X")


def test_withdraw_stand_before_deadline(admin_role):
    stand = StandFactory(association=admin_role.association)
    services.withdraw_stand(stand, by=admin_role.user)
    assert not FairStand.objects.exists()


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2024, datetime.date(2024, 9, 27)),
        (2025, datetime.date(2025, 9, 26)),
        (2026, datetime.date(2026, 9, 25)),
        (2027, datetime.date(2027, 9, 24)),
        (2028, datetime.date(2028, 9, 29)),
        (2023, datetime.date(2023, 9, 29)),
    ],
    ids=str,
)
def test_frivillig_fredag_is_last_friday_of_september(year, expected):
    assert queries.frivillig_fredag(year) == expected


def test_next_frivillig_fredag_rolls_over_after_the_day():
    assert queries.next_frivillig_fredag(datetime.date(2026, 9, 25)) == datetime.date(2026, 9, 25)
    assert queries.next_frivillig_fredag(datetime.date(2026, 9, 26)) == datetime.date(2027, 9, 24)
