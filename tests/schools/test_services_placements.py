"""The placement transitions in schools.services: which move exists and who may make it."""

import datetime

import pytest
from django.core import mail

from schools import services
from schools.models import (
    EvaluationSide,
    OfferStatus,
    Placement,
    PlacementState,
)
from schools.rules import Actor
from schools.signals import placement_completed
from tests.factories import UserFactory
from tests.schools.factories import (
    PlacementFactory,
)

S = PlacementState


TODAY = datetime.date(2026, 3, 2)


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
