"""Placements: the state machine from a school's request to the evaluation.

    requested ──accept──▶ accepted ──agree──▶ agreed ──confirm hours──▶ completed ──▶ evaluated
        │  └──decline──▶ declined      │                 │
        └──────────────┴──cancel──▶ cancelled ◀─────────┘

`PLACEMENT_TRANSITIONS` is the one place that says which move exists and who may make it.
Every function locks the offer row before it counts places, so two accepts cannot overbook.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.audit import record
from schools.models import (
    EvaluationSide,
    InternshipOffer,
    OfferStatus,
    Placement,
    PlacementEvaluation,
    PlacementPupil,
    PlacementState,
    School,
)
from schools.rules import Actor, placement_actors, schools_coordinated_by
from schools.services.common import SchoolError, check_transition, mail_address, mail_school
from schools.services.offers import (
    lock_offer,
    places_held,
    require_child_record_declaration,
    sync_filled_status,
)
from schools.signals import placement_completed

logger = logging.getLogger(__name__)

S = PlacementState
PLACEMENT_TRANSITIONS = {
    (S.REQUESTED, S.ACCEPTED): {Actor.ASSOCIATION},
    (S.REQUESTED, S.DECLINED): {Actor.ASSOCIATION},
    (S.REQUESTED, S.CANCELLED): {Actor.SCHOOL, Actor.STAFF},
    (S.ACCEPTED, S.AGREED): {Actor.SCHOOL, Actor.ASSOCIATION},
    (S.ACCEPTED, S.CANCELLED): {Actor.SCHOOL, Actor.ASSOCIATION, Actor.STAFF},
    (S.AGREED, S.COMPLETED): {Actor.ASSOCIATION},
    (S.AGREED, S.CANCELLED): {Actor.SCHOOL, Actor.ASSOCIATION, Actor.STAFF},
    # Reached when the second side has answered the evaluation (`submit_evaluation`).
    (S.COMPLETED, S.EVALUATED): {Actor.SCHOOL, Actor.ASSOCIATION},
}

MAX_PUPILS_PER_REQUEST = 30


@dataclass(frozen=True)
class Pupil:
    first_name: str
    class_name: str


STATUS = "frivilligloeft.schools.status"


def allowed_moves(placement: Placement, actors: set[Actor]) -> set[str]:
    """The states `actors` may move `placement` to now (for showing the right buttons)."""
    return {
        target
        for (current, target), allowed in PLACEMENT_TRANSITIONS.items()
        if current == placement.state and allowed & actors and target != S.EVALUATED
    }


def _lock(placement: Placement) -> tuple[Placement, InternshipOffer]:
    offer = lock_offer(placement.offer)
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("school")
        .get(pk=placement.pk)
    )
    placement.offer = offer
    return placement, offer


def _move(placement: Placement, target: str, by) -> set[Actor]:
    actors = placement_actors(by, placement)
    check_transition(PLACEMENT_TRANSITIONS, placement.state, target, actors, PlacementState)
    return actors


def _decide(placement: Placement, state: str, note: str, *, by) -> None:
    """Store the association's answer to a request (accepted or declined) and log it."""
    placement.state = state
    placement.decided_at = timezone.now()
    placement.decision_note = note.strip()
    placement.save(update_fields=["state", "decided_at", "decision_note", "updated_at"])
    record(placement, STATUS, by=by, data={"to": placement.state})


def _mail_association(placement: Placement, event: str, **context) -> None:
    mail_address(
        placement.offer.contact_email,
        "placement_update",
        {"placement": placement, "offer": placement.offer, "event": event, **context},
    )


def _mail_school(placement: Placement, event: str, **context) -> None:
    mail_school(
        placement.school,
        "placement_update",
        {"placement": placement, "offer": placement.offer, "event": event, **context},
    )


def request_placement(
    offer: InternshipOffer, school: School, pupils: Sequence[Pupil], *, by, message: str = ""
) -> Placement:
    """A school coordinator asks for places on a published offer for named pupils.

    Only first name and class are kept. The request may not ask for more places than are
    free now; places are held only when the association accepts.
    """
    pupils = [
        Pupil(p.first_name.strip(), p.class_name.strip()) for p in pupils if p.first_name.strip()
    ]
    if not pupils:
        raise SchoolError(_("Name at least one pupil (first name and class)."))
    if len(pupils) > MAX_PUPILS_PER_REQUEST:
        raise SchoolError(
            _("Ask for at most %(count)s pupils at a time.") % {"count": MAX_PUPILS_PER_REQUEST}
        )
    if any(not p.class_name for p in pupils):
        raise SchoolError(_("Give the class of every pupil."))
    if not schools_coordinated_by(by).filter(pk=school.pk).exists():
        raise SchoolError(_("Only the school's coordinators can ask for places."))
    with transaction.atomic():
        offer = lock_offer(offer)
        if offer.status != OfferStatus.PUBLISHED:
            raise SchoolError(_("This offer does not take requests at the moment."))
        free = offer.places - places_held(offer)
        if len(pupils) > free:
            raise SchoolError(
                ngettext(
                    "Only %(free)s place is free on this offer.",
                    "Only %(free)s places are free on this offer.",
                    free,
                )
                % {"free": free}
            )
        placement = Placement.objects.create(
            offer=offer,
            school=school,
            requested_by=by,
            message=message.strip(),
            pupil_count=len(pupils),
        )
        PlacementPupil.objects.bulk_create(
            PlacementPupil(placement=placement, first_name=p.first_name, class_name=p.class_name)
            for p in pupils
        )
        record(placement, "wagtail.create", by=by)
        _mail_association(placement, "requested")
    logger.info("Placement %s requested on offer %s by user %s", placement.pk, offer.pk, by.pk)
    return placement


def accept_placement(placement: Placement, *, by, note: str = "") -> Placement:
    """The association accepts: the pupils' places are held, if there still are enough."""
    with transaction.atomic():
        placement, offer = _lock(placement)
        if placement.state == S.ACCEPTED:
            return placement
        _move(placement, S.ACCEPTED, by)
        if offer.status == OfferStatus.CLOSED:
            raise SchoolError(_("The offer is closed. Reopen it before accepting pupils."))
        require_child_record_declaration(offer)
        held = places_held(offer)
        if held + placement.pupil_count > offer.places:
            free = max(offer.places - held, 0)
            raise SchoolError(
                ngettext(
                    "There are not enough free places: %(free)s free, %(asked)s asked for. "
                    "Add places to the offer or decline the request.",
                    "There are not enough free places: %(free)s free, %(asked)s asked for. "
                    "Add places to the offer or decline the request.",
                    free,
                )
                % {"free": free, "asked": placement.pupil_count}
            )
        _decide(placement, S.ACCEPTED, note, by=by)
        sync_filled_status(offer, held + placement.pupil_count)
        _mail_school(placement, "accepted", note=placement.decision_note)
    return placement


def decline_placement(placement: Placement, *, by, note: str = "") -> Placement:
    with transaction.atomic():
        placement, _offer = _lock(placement)
        if placement.state == S.DECLINED:
            return placement
        _move(placement, S.DECLINED, by)
        _decide(placement, S.DECLINED, note, by=by)
        _mail_school(placement, "declined", note=placement.decision_note)
    return placement


def agree_placement(placement: Placement, *, by, starts_on, ends_on) -> Placement:
    """The two sides have agreed the days: the placement is settled."""
    if starts_on and ends_on and ends_on < starts_on:
        raise SchoolError(_("The last day cannot be before the first day."))
    with transaction.atomic():
        placement, _offer = _lock(placement)
        actors = _move(placement, S.AGREED, by)
        placement.state = S.AGREED
        placement.starts_on = starts_on
        placement.ends_on = ends_on
        placement.agreed_at = timezone.now()
        placement.save(update_fields=["state", "starts_on", "ends_on", "agreed_at", "updated_at"])
        record(placement, STATUS, by=by, data={"to": placement.state})
        if Actor.SCHOOL in actors:
            _mail_association(placement, "agreed")
        if Actor.ASSOCIATION in actors:
            _mail_school(placement, "agreed")
    return placement


def confirm_hours(placement: Placement, *, by, hours: int) -> Placement:
    """The association confirms the hours the pupils did; `placement_completed` is sent after
    commit, so certificates are issued only for a confirmation that was saved."""
    with transaction.atomic():
        placement, _offer = _lock(placement)
        _move(placement, S.COMPLETED, by)
        if hours < 1 or hours > 1000:
            raise SchoolError(_("Give the number of hours, between 1 and 1000."))
        placement.state = S.COMPLETED
        placement.hours_confirmed = hours
        placement.completed_at = timezone.now()
        placement.completed_by = by
        placement.save(
            update_fields=["state", "hours_confirmed", "completed_at", "completed_by", "updated_at"]
        )
        record(placement, STATUS, by=by, data={"to": placement.state})
        _mail_school(placement, "completed")
        transaction.on_commit(
            lambda: placement_completed.send(sender=Placement, placement=placement)
        )
    logger.info("Placement %s completed with %s hours (user %s)", placement.pk, hours, by.pk)
    return placement


def cancel_placement(placement: Placement, *, by, reason: str = "") -> Placement:
    """Either side (or staff) calls it off before the hours are confirmed; held places free up."""
    with transaction.atomic():
        placement, offer = _lock(placement)
        if placement.state == S.CANCELLED:
            return placement
        actors = _move(placement, S.CANCELLED, by)
        placement.state = S.CANCELLED
        placement.cancelled_at = timezone.now()
        placement.cancellation_reason = reason.strip()
        placement.save(update_fields=["state", "cancelled_at", "cancellation_reason", "updated_at"])
        record(placement, STATUS, by=by, data={"to": placement.state})
        sync_filled_status(offer)
        if Actor.SCHOOL not in actors:
            _mail_school(placement, "cancelled", reason=placement.cancellation_reason)
        if Actor.ASSOCIATION not in actors:
            _mail_association(placement, "cancelled", reason=placement.cancellation_reason)
    return placement


def submit_evaluation(
    placement: Placement,
    *,
    by,
    side: str,
    rating: int,
    went_well: str = "",
    could_improve: str = "",
    would_repeat: bool = True,
) -> PlacementEvaluation:
    """One side's evaluation of a completed placement; when both have answered, the
    placement is evaluated. Each side answers once."""
    with transaction.atomic():
        placement, _offer = _lock(placement)
        actors = placement_actors(by, placement)
        needed = Actor.SCHOOL if side == EvaluationSide.SCHOOL else Actor.ASSOCIATION
        if needed not in actors:
            raise SchoolError(_("You may not make this change."))
        if placement.state not in (S.COMPLETED, S.EVALUATED):
            raise SchoolError(_("A placement can be evaluated once the hours are confirmed."))
        if PlacementEvaluation.objects.filter(placement=placement, side=side).exists():
            raise SchoolError(_("This side has already evaluated the placement."))
        evaluation = PlacementEvaluation.objects.create(
            placement=placement,
            side=side,
            rating=rating,
            went_well=went_well.strip(),
            could_improve=could_improve.strip(),
            would_repeat=would_repeat,
            submitted_by=by,
        )
        record(placement, "frivilligloeft.schools.evaluated", by=by, data={"side": side})
        answered = PlacementEvaluation.objects.filter(placement=placement).count()
        if answered == len(EvaluationSide.choices) and placement.state == S.COMPLETED:
            check_transition(
                PLACEMENT_TRANSITIONS, placement.state, S.EVALUATED, actors, PlacementState
            )
            placement.state = S.EVALUATED
            placement.evaluated_at = timezone.now()
            placement.save(update_fields=["state", "evaluated_at", "updated_at"])
            record(placement, STATUS, by=by, data={"to": placement.state})
    return evaluation
