import datetime

import pytest
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from schools import services
from schools.access import Actor
from schools.models import (
    ContributionStatus,
    EvaluationSide,
    OfferStatus,
    Placement,
    PlacementState,
    ThemeWeekStatus,
)
from schools.signals import placement_completed
from tests.associations.factories import DeclarationFactory
from tests.factories import UserFactory
from tests.schools.factories import (
    ContributionFactory,
    OfferFactory,
    PlacementFactory,
    SchoolFactory,
    ThemeWeekFactory,
    association_admin,
    school_coordinator,
)

S = PlacementState
TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def world(db):
    offer = OfferFactory(places=4)
    school = SchoolFactory()
    return {
        "offer": offer,
        "the_school": school,
        Actor.SCHOOL: school_coordinator(school),
        Actor.ASSOCIATION: association_admin(offer.association),
        Actor.STAFF: UserFactory(roles=[Role.VOLUNTEER_CONSULTANT]),
        "stranger": UserFactory(),
        "other_school": school_coordinator(),
    }


def _move(placement, target, user):
    if target == S.ACCEPTED:
        return services.accept_placement(placement, by=user)
    if target == S.DECLINED:
        return services.decline_placement(placement, by=user, note="Ikke i år.")
    if target == S.AGREED:
        return services.agree_placement(
            placement, by=user, starts_on=TODAY, ends_on=TODAY + datetime.timedelta(days=4)
        )
    if target == S.COMPLETED:
        return services.confirm_hours(placement, by=user, hours=10)
    if target == S.CANCELLED:
        return services.cancel_placement(placement, by=user, reason="Syg.")
    raise AssertionError(target)


ALLOWED = [
    (current, target, actor)
    for (current, target), actors in services.PLACEMENT_TRANSITIONS.items()
    for actor in sorted(actors)
    if target != S.EVALUATED
]


@pytest.mark.parametrize(
    ("current", "target", "actor"), ALLOWED, ids=[f"{c}-{t}-{a}" for c, t, a in ALLOWED]
)
def test_placement_allowed_transition(
    world, current, target, actor, django_capture_on_commit_callbacks
):
    placement = PlacementFactory(offer=world["offer"], school=world["the_school"], state=current)

    with django_capture_on_commit_callbacks(execute=True):
        result = _move(placement, target, world[actor])

    assert result.state == target
    assert Placement.objects.get(pk=placement.pk).state == target
    assert len(mail.outbox) >= 1


FORBIDDEN_BY_STATE = [
    (S.REQUESTED, S.AGREED, Actor.SCHOOL),
    (S.REQUESTED, S.COMPLETED, Actor.ASSOCIATION),
    (S.ACCEPTED, S.COMPLETED, Actor.ASSOCIATION),
    (S.DECLINED, S.ACCEPTED, Actor.ASSOCIATION),
    (S.DECLINED, S.CANCELLED, Actor.SCHOOL),
    (S.CANCELLED, S.ACCEPTED, Actor.ASSOCIATION),
    (S.CANCELLED, S.AGREED, Actor.SCHOOL),
    (S.COMPLETED, S.CANCELLED, Actor.SCHOOL),
    (S.COMPLETED, S.AGREED, Actor.ASSOCIATION),
    (S.EVALUATED, S.CANCELLED, Actor.STAFF),
    (S.AGREED, S.ACCEPTED, Actor.ASSOCIATION),
]
FORBIDDEN_BY_ROLE = [
    (S.REQUESTED, S.ACCEPTED, Actor.SCHOOL),
    (S.REQUESTED, S.ACCEPTED, Actor.STAFF),
    (S.REQUESTED, S.DECLINED, Actor.SCHOOL),
    (S.REQUESTED, S.CANCELLED, Actor.ASSOCIATION),
    (S.ACCEPTED, S.AGREED, Actor.STAFF),
    (S.AGREED, S.COMPLETED, Actor.SCHOOL),
    (S.AGREED, S.COMPLETED, Actor.STAFF),
    (S.REQUESTED, S.ACCEPTED, "stranger"),
    (S.REQUESTED, S.CANCELLED, "other_school"),
    (S.AGREED, S.CANCELLED, "stranger"),
]


@pytest.mark.parametrize(
    ("current", "target", "who"),
    FORBIDDEN_BY_STATE + FORBIDDEN_BY_ROLE,
    ids=[f"{c}-{t}-{w}" for c, t, w in FORBIDDEN_BY_STATE + FORBIDDEN_BY_ROLE],
)
def test_placement_forbidden_transition_changes_nothing(world, current, target, who):
    placement = PlacementFactory(offer=world["offer"], school=world["the_school"], state=current)

    with pytest.raises(services.SchoolError):
        _move(placement, target, world[who])

    assert Placement.objects.get(pk=placement.pk).state == current


def test_every_state_pair_outside_the_table_is_refused(world):
    """No move exists except those in PLACEMENT_TRANSITIONS, whoever tries."""
    superuser = UserFactory(is_superuser=True)
    for current in S.values:
        for target in (S.ACCEPTED, S.DECLINED, S.AGREED, S.COMPLETED, S.CANCELLED):
            if (current, target) in services.PLACEMENT_TRANSITIONS or current == target:
                continue
            placement = PlacementFactory(
                offer=world["offer"], school=world["the_school"], state=current
            )
            with pytest.raises(services.SchoolError):
                _move(placement, target, superuser)
            assert Placement.objects.get(pk=placement.pk).state == current


def test_request_keeps_first_name_and_class_only(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        placement = services.request_placement(
            world["offer"],
            world["the_school"],
            [
                services.Pupil(" Idalina ", "8.A"),
                services.Pupil("Noah", "8.B"),
                services.Pupil("", ""),
            ],
            by=world[Actor.SCHOOL],
            message="De kan komme onsdage.",
        )

    assert placement.state == S.REQUESTED
    assert placement.pupil_count == 2
    assert [(p.first_name, p.class_name) for p in placement.pupils.all()] == [
        ("Idalina", "8.A"),
        ("Noah", "8.B"),
    ]
    assert [m.to for m in mail.outbox] == [["praktik@example.org"]]
    assert "Idalina" not in mail.outbox[0].body  # names stay on the site, not in email


def test_request_by_another_schools_coordinator_is_refused(world):
    with pytest.raises(services.SchoolError):
        services.request_placement(
            world["offer"],
            world["the_school"],
            [services.Pupil("Ida", "8.A")],
            by=world["other_school"],
        )


@pytest.mark.parametrize("status", [OfferStatus.DRAFT, OfferStatus.FILLED, OfferStatus.CLOSED])
def test_request_on_an_offer_that_is_not_published_is_refused(world, status):
    world["offer"].status = status
    world["offer"].save()

    with pytest.raises(services.SchoolError):
        services.request_placement(
            world["offer"],
            world["the_school"],
            [services.Pupil("Ida", "8.A")],
            by=world[Actor.SCHOOL],
        )


def test_request_for_more_pupils_than_free_places_is_refused(world):
    PlacementFactory(offer=world["offer"], state=S.ACCEPTED, pupil_count=3, pupils=[("A", "1")] * 3)

    with pytest.raises(services.SchoolError, match="1"):
        services.request_placement(
            world["offer"],
            world["the_school"],
            [services.Pupil("Idalina", "8.A"), services.Pupil("Noah", "8.A")],
            by=world[Actor.SCHOOL],
        )


def test_accept_refuses_to_overbook_and_fills_the_offer(world):
    offer = world["offer"]
    first = PlacementFactory(offer=offer, pupil_count=3, pupils=[("A", "1")] * 3)
    second = PlacementFactory(offer=offer, pupil_count=2, pupils=[("B", "1")] * 2)
    third = PlacementFactory(offer=offer, pupil_count=1)
    admin = world[Actor.ASSOCIATION]

    services.accept_placement(first, by=admin)
    with pytest.raises(services.SchoolError):
        services.accept_placement(second, by=admin)
    services.accept_placement(third, by=admin)

    offer.refresh_from_db()
    assert offer.status == OfferStatus.FILLED
    assert services.places_held(offer) == 4
    assert Placement.objects.get(pk=second.pk).state == S.REQUESTED


def test_cancelling_an_accepted_placement_reopens_a_filled_offer(world):
    offer = world["offer"]
    placement = PlacementFactory(
        offer=offer, school=world["the_school"], pupil_count=4, pupils=[("A", "1")] * 4
    )
    services.accept_placement(placement, by=world[Actor.ASSOCIATION])
    offer.refresh_from_db()
    assert offer.status == OfferStatus.FILLED

    services.cancel_placement(placement, by=world[Actor.SCHOOL], reason="Skemaet ændrede sig.")

    offer.refresh_from_db()
    assert offer.status == OfferStatus.PUBLISHED


def test_accept_twice_returns_the_same_placement(world):
    placement = PlacementFactory(offer=world["offer"])
    services.accept_placement(placement, by=world[Actor.ASSOCIATION])

    again = services.accept_placement(placement, by=world[Actor.ASSOCIATION])

    assert again.state == S.ACCEPTED
    assert services.places_held(world["offer"]) == 1


def test_confirm_hours_sends_placement_completed_after_commit(
    world, django_capture_on_commit_callbacks
):
    placement = PlacementFactory(offer=world["offer"], school=world["the_school"], state=S.AGREED)
    received = []

    def listener(sender, placement, **kwargs):
        received.append(placement.pk)

    placement_completed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.confirm_hours(placement, by=world[Actor.ASSOCIATION], hours=14)
        assert received == []  # not before the transaction commits
        for callback in callbacks:
            callback()
    finally:
        placement_completed.disconnect(listener)

    assert received == [placement.pk]
    placement.refresh_from_db()
    assert placement.hours_confirmed == 14
    assert placement.completed_by == world[Actor.ASSOCIATION]


def test_refused_confirmation_sends_no_signal(world, django_capture_on_commit_callbacks):
    placement = PlacementFactory(offer=world["offer"], school=world["the_school"], state=S.ACCEPTED)
    received = []

    def listener(sender, placement, **kwargs):
        received.append(placement.pk)

    placement_completed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.SchoolError):
            services.confirm_hours(placement, by=world[Actor.ASSOCIATION], hours=14)
    finally:
        placement_completed.disconnect(listener)
    assert received == []


def test_both_evaluations_make_the_placement_evaluated(world):
    placement = PlacementFactory(
        offer=world["offer"], school=world["the_school"], state=S.COMPLETED
    )

    services.submit_evaluation(
        placement, by=world[Actor.SCHOOL], side=EvaluationSide.SCHOOL, rating=4, went_well="Alt."
    )
    assert Placement.objects.get(pk=placement.pk).state == S.COMPLETED
    services.submit_evaluation(
        placement, by=world[Actor.ASSOCIATION], side=EvaluationSide.ASSOCIATION, rating=3
    )

    assert Placement.objects.get(pk=placement.pk).state == S.EVALUATED


def test_evaluation_twice_or_by_the_wrong_side_is_refused(world):
    placement = PlacementFactory(
        offer=world["offer"], school=world["the_school"], state=S.COMPLETED
    )
    services.submit_evaluation(
        placement, by=world[Actor.SCHOOL], side=EvaluationSide.SCHOOL, rating=4
    )

    with pytest.raises(services.SchoolError):
        services.submit_evaluation(
            placement, by=world[Actor.SCHOOL], side=EvaluationSide.SCHOOL, rating=2
        )
    with pytest.raises(services.SchoolError):
        services.submit_evaluation(
            placement, by=world[Actor.SCHOOL], side=EvaluationSide.ASSOCIATION, rating=2
        )


def test_evaluation_before_the_hours_are_confirmed_is_refused(world):
    placement = PlacementFactory(offer=world["offer"], school=world["the_school"], state=S.AGREED)

    with pytest.raises(services.SchoolError):
        services.submit_evaluation(
            placement, by=world[Actor.SCHOOL], side=EvaluationSide.SCHOOL, rating=4
        )


# --- Offers and the børneattest rule --------------------------------------------------------


def test_publishing_an_offer_for_under_15s_needs_a_current_declaration(world):
    offer = OfferFactory(status=OfferStatus.DRAFT, involves_children_under_15=True)
    admin = association_admin(offer.association)

    with pytest.raises(services.SchoolError, match="børneattest"):
        services.change_offer_status(offer, OfferStatus.PUBLISHED, by=admin)
    DeclarationFactory(association=offer.association, year=timezone.localdate().year - 1)
    with pytest.raises(services.SchoolError):
        services.change_offer_status(offer, OfferStatus.PUBLISHED, by=admin)
    DeclarationFactory(association=offer.association)
    offer = services.change_offer_status(offer, OfferStatus.PUBLISHED, by=admin)

    assert offer.status == OfferStatus.PUBLISHED
    assert offer.published_at is not None


def test_publishing_an_offer_for_over_15s_needs_no_declaration(world):
    offer = OfferFactory(status=OfferStatus.DRAFT, involves_children_under_15=False)

    offer = services.change_offer_status(
        offer, OfferStatus.PUBLISHED, by=association_admin(offer.association)
    )

    assert offer.status == OfferStatus.PUBLISHED


def test_a_published_offer_cannot_be_changed_to_involve_under_15s_without_declaration(world):
    with pytest.raises(services.SchoolError):
        services.update_offer(
            world["offer"], by=world[Actor.ASSOCIATION], involves_children_under_15=True
        )


def test_pupils_under_15_are_accepted_only_under_this_years_declaration(world):
    # Published last year under last year's declaration; the new year has none yet.
    offer = OfferFactory(status=OfferStatus.PUBLISHED, involves_children_under_15=True)
    DeclarationFactory(association=offer.association, year=timezone.localdate().year - 1)
    admin = association_admin(offer.association)
    placement = PlacementFactory(offer=offer, pupils=[("Idalina", "6.A")])

    with pytest.raises(services.SchoolError, match="børneattest"):
        services.accept_placement(placement, by=admin)
    placement.refresh_from_db()
    assert placement.state == S.REQUESTED
    DeclarationFactory(association=offer.association)
    assert services.accept_placement(placement, by=admin).state == S.ACCEPTED


def test_places_cannot_go_below_those_held(world):
    PlacementFactory(offer=world["offer"], state=S.AGREED, pupil_count=3, pupils=[("A", "1")] * 3)

    with pytest.raises(services.SchoolError):
        services.update_offer(world["offer"], by=world[Actor.ASSOCIATION], places=2)
    offer = services.update_offer(world["offer"], by=world[Actor.ASSOCIATION], places=3)

    assert offer.status == OfferStatus.FILLED


@pytest.mark.parametrize(
    ("current", "target"),
    list(services.OFFER_TRANSITIONS),
    ids=[f"{c}-{t}" for c, t in services.OFFER_TRANSITIONS],
)
def test_offer_allowed_transitions(world, current, target):
    offer = OfferFactory(status=current)

    offer = services.change_offer_status(offer, target, by=association_admin(offer.association))

    assert offer.status == target


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (OfferStatus.DRAFT, OfferStatus.FILLED),
        (OfferStatus.DRAFT, OfferStatus.CLOSED),
        (OfferStatus.PUBLISHED, OfferStatus.FILLED),
        (OfferStatus.FILLED, OfferStatus.PUBLISHED),
        (OfferStatus.CLOSED, OfferStatus.DRAFT),
    ],
)
def test_offer_forbidden_transitions(world, current, target):
    offer = OfferFactory(status=current)

    with pytest.raises(services.SchoolError):
        services.change_offer_status(offer, target, by=association_admin(offer.association))


def test_another_associations_admin_cannot_publish(world):
    offer = OfferFactory(status=OfferStatus.DRAFT)

    with pytest.raises(services.SchoolError):
        services.change_offer_status(offer, OfferStatus.PUBLISHED, by=association_admin())


def test_unpublishing_an_offer_schools_asked_for_is_refused(world):
    PlacementFactory(offer=world["offer"])

    with pytest.raises(services.SchoolError):
        services.change_offer_status(world["offer"], OfferStatus.DRAFT, by=world[Actor.ASSOCIATION])


def test_create_offer_is_a_draft_and_only_for_admins(world):
    fields = {
        "title": "Hjælper i klubhuset",
        "tasks": "Kaffe og kage.",
        "hours_total": 8,
        "weeks": "Uge 12",
        "places": 2,
        "contact_name": "Bo",
        "contact_email": "bo@example.org",
    }
    association = world["offer"].association

    offer = services.create_offer(association, by=world[Actor.ASSOCIATION], **fields)

    assert offer.status == OfferStatus.DRAFT
    with pytest.raises(services.SchoolError):
        services.create_offer(association, by=world["stranger"], **fields)


# --- Theme weeks --------------------------------------------------------------------------


@pytest.fixture
def theme(db):
    theme_week = ThemeWeekFactory()
    contribution = ContributionFactory(theme_week=theme_week)
    return {
        "theme_week": theme_week,
        "contribution": contribution,
        Actor.SCHOOL: school_coordinator(theme_week.school),
        Actor.ASSOCIATION: association_admin(contribution.association),
        "stranger": association_admin(),
    }


@pytest.mark.parametrize(
    ("current", "target", "actor"),
    [(c, t, a) for (c, t), actors in services.CONTRIBUTION_TRANSITIONS.items() for a in actors],
)
def test_contribution_allowed_transitions(theme, current, target, actor):
    contribution = ContributionFactory(theme_week=theme["theme_week"], status=current)
    contribution.association = theme["contribution"].association
    contribution.save()
    change = {
        ContributionStatus.ACCEPTED: services.accept_contribution,
        ContributionStatus.DECLINED: services.decline_contribution,
        ContributionStatus.WITHDRAWN: services.withdraw_contribution,
    }[target]

    result = change(contribution, by=theme[actor])

    assert result.status == target
    assert result.sequence == 1


@pytest.mark.parametrize(
    ("current", "change", "who"),
    [
        (ContributionStatus.OFFERED, services.accept_contribution, Actor.ASSOCIATION),
        (ContributionStatus.OFFERED, services.withdraw_contribution, Actor.SCHOOL),
        (ContributionStatus.OFFERED, services.accept_contribution, "stranger"),
        (ContributionStatus.DECLINED, services.accept_contribution, Actor.SCHOOL),
        (ContributionStatus.WITHDRAWN, services.accept_contribution, Actor.SCHOOL),
        (ContributionStatus.DECLINED, services.withdraw_contribution, Actor.ASSOCIATION),
    ],
)
def test_contribution_forbidden_transitions(theme, current, change, who):
    contribution = theme["contribution"]
    contribution.status = current
    contribution.save()

    with pytest.raises(services.SchoolError):
        change(contribution, by=theme[who])


def test_a_decision_on_a_contribution_goes_to_the_associations_admins_of_today(
    theme, django_capture_on_commit_callbacks
):
    """Not to whoever offered it: they may have left the association since."""
    from django.core import mail

    from associations.models import AssociationRole

    contribution = theme["contribution"]
    offerer = UserFactory(email="tidligere.formand@example.org")
    contribution.offered_by = offerer
    contribution.save()
    AssociationRole.objects.filter(user=offerer).delete()  # stepped down (never admin now)
    admin = theme[Actor.ASSOCIATION]

    with django_capture_on_commit_callbacks(execute=True):
        services.accept_contribution(contribution, by=theme[Actor.SCHOOL])

    recipients = [m.to[0] for m in mail.outbox]
    assert admin.email in recipients
    assert offerer.email not in recipients


def test_offer_contribution_within_the_week_only(theme):
    theme_week = theme["theme_week"]
    association = theme["contribution"].association
    day = theme_week.starts_on
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))

    contribution = services.offer_contribution(
        theme_week,
        association,
        by=theme[Actor.ASSOCIATION],
        kind="workshop",
        title="Byg en fuglekasse",
        description="Vi tager værktøj med.",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    assert contribution.status == ContributionStatus.OFFERED
    with pytest.raises(services.SchoolError):
        services.offer_contribution(
            theme_week,
            association,
            by=theme[Actor.ASSOCIATION],
            kind="talk",
            title="For sent",
            description="…",
            starts_at=start + datetime.timedelta(days=30),
            ends_at=start + datetime.timedelta(days=30, hours=1),
        )
    with pytest.raises(services.SchoolError):
        services.offer_contribution(
            theme_week,
            association,
            by=theme["stranger"],
            kind="talk",
            title="Ikke min forening",
            description="…",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
        )


@pytest.mark.parametrize(
    ("current", "target"),
    list(services.THEME_WEEK_TRANSITIONS),
    ids=[f"{c}-{t}" for c, t in services.THEME_WEEK_TRANSITIONS],
)
def test_theme_week_allowed_transitions(theme, current, target):
    theme_week = theme["theme_week"]
    theme_week.status = current
    theme_week.save()

    result = services.change_theme_week_status(theme_week, target, by=theme[Actor.SCHOOL])

    assert result.status == target


def test_theme_week_cannot_be_reopened_after_cancelling_nor_closed_by_an_association(theme):
    theme_week = theme["theme_week"]
    with pytest.raises(services.SchoolError):
        services.change_theme_week_status(
            theme_week, ThemeWeekStatus.CLOSED, by=theme[Actor.ASSOCIATION]
        )
    services.change_theme_week_status(theme_week, ThemeWeekStatus.CANCELLED, by=theme[Actor.SCHOOL])
    with pytest.raises(services.SchoolError):
        services.change_theme_week_status(theme_week, ThemeWeekStatus.OPEN, by=theme[Actor.SCHOOL])


def test_closed_theme_week_takes_no_new_contributions(theme):
    theme_week = theme["theme_week"]
    services.change_theme_week_status(theme_week, ThemeWeekStatus.CLOSED, by=theme[Actor.SCHOOL])
    start = theme["contribution"].starts_at

    with pytest.raises(services.SchoolError):
        services.offer_contribution(
            theme_week,
            theme["contribution"].association,
            by=theme[Actor.ASSOCIATION],
            kind="talk",
            title="For sent",
            description="…",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
        )
