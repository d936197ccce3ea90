"""Internship offers: creating, changing, publishing and closing them; places held on them."""

import logging

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from associations.queries import has_current_child_record_declaration
from core.audit import record
from schools.models import PLACE_HOLDING_STATES, InternshipOffer, OfferStatus, Placement
from schools.rules import Actor, offer_actors
from schools.services.common import SchoolError, check_transition

logger = logging.getLogger(__name__)

# Who may move an offer from one status to another. Published ↔ filled is not here: it
# follows the places held (`sync_filled_status`), nobody sets it by hand.
OFFER_TRANSITIONS = {
    (OfferStatus.DRAFT, OfferStatus.PUBLISHED): {Actor.ASSOCIATION, Actor.STAFF},
    (OfferStatus.PUBLISHED, OfferStatus.DRAFT): {Actor.ASSOCIATION, Actor.STAFF},
    (OfferStatus.PUBLISHED, OfferStatus.CLOSED): {Actor.ASSOCIATION, Actor.STAFF},
    (OfferStatus.FILLED, OfferStatus.CLOSED): {Actor.ASSOCIATION, Actor.STAFF},
    (OfferStatus.CLOSED, OfferStatus.PUBLISHED): {Actor.ASSOCIATION, Actor.STAFF},
}

OFFER_FIELDS = (
    "title",
    "tasks",
    "hours_total",
    "weeks",
    "starts_on",
    "ends_on",
    "places",
    "minimum_age",
    "grade_from",
    "grade_to",
    "contact_name",
    "contact_email",
    "contact_phone",
    "involves_children_under_15",
    "conditions",
)


STATUS = "frivilligloeft.schools.status"


def lock_offer(offer: InternshipOffer) -> InternshipOffer:
    """Lock the offer row: decisions about its places happen one at a time."""
    return (
        InternshipOffer.objects.select_for_update(of=("self",))
        .select_related("association")
        .get(pk=offer.pk)
    )


def places_held(offer: InternshipOffer) -> int:
    """Pupils on accepted, agreed or completed placements, in one aggregate query."""
    held = Placement.objects.filter(offer=offer, state__in=PLACE_HOLDING_STATES).aggregate(
        pupils=Sum("pupil_count")
    )["pupils"]
    return held or 0


def require_child_record_declaration(offer: InternshipOffer) -> None:
    """Pupils under 15 only with this year's børneattest declaration: on publishing an offer,
    and again when the association accepts pupils (a declaration lapses with the year)."""
    if offer.involves_children_under_15 and not has_current_child_record_declaration(
        offer.association
    ):
        raise SchoolError(
            _(
                "Pupils under 15 can take part only when the association has declared this "
                "year that it has obtained child-record checks (børneattester). Make the "
                "declaration first, or untick “pupils under 15 take part”."
            )
        )


def create_offer(association, *, by, **fields) -> InternshipOffer:
    """A new offer, always as a draft: publishing is its own step with its own checks."""
    if not offer_actors(by, InternshipOffer(association=association)):
        raise SchoolError(_("You may not make this change."))
    offer = InternshipOffer(
        association=association,
        created_by=by,
        status=OfferStatus.DRAFT,
        **{name: fields[name] for name in OFFER_FIELDS if name in fields},
    )
    offer.full_clean()
    with transaction.atomic():
        offer.save()
        record(offer, "wagtail.create", by=by)
    logger.info("Internship offer %s created by user %s", offer.pk, by.pk)
    return offer


def update_offer(offer: InternshipOffer, *, by, **fields) -> InternshipOffer:
    """Change an offer. Places cannot go below what is held; a published offer that now
    involves children under 15 needs the declaration like publishing does."""
    with transaction.atomic():
        offer = lock_offer(offer)
        if not offer_actors(by, offer) & {Actor.ASSOCIATION, Actor.STAFF}:
            raise SchoolError(_("You may not make this change."))
        for name in OFFER_FIELDS:
            if name in fields:
                setattr(offer, name, fields[name])
        held = places_held(offer)
        if offer.places < held:
            raise SchoolError(
                ngettext(
                    "%(held)s place is already given to pupils; places cannot be fewer.",
                    "%(held)s places are already given to pupils; places cannot be fewer.",
                    held,
                )
                % {"held": held}
            )
        if offer.is_public:
            require_child_record_declaration(offer)
        offer.full_clean()
        offer.save()
        record(offer, "wagtail.edit", by=by)
        sync_filled_status(offer, held)
    return offer


def change_offer_status(offer: InternshipOffer, target: str, *, by) -> InternshipOffer:
    """Publish, unpublish, close or reopen an offer by `OFFER_TRANSITIONS`.

    Publishing (or reopening) an offer for pupils under 15 requires the association's current
    børneattest declaration. Reopening an offer whose places are all held makes it filled.
    """
    with transaction.atomic():
        offer = lock_offer(offer)
        if offer.status == target:
            return offer
        check_transition(
            OFFER_TRANSITIONS, offer.status, target, offer_actors(by, offer), OfferStatus
        )
        if target == OfferStatus.PUBLISHED:
            require_child_record_declaration(offer)
            if offer.published_at is None:
                offer.published_at = timezone.now()
        if target == OfferStatus.DRAFT and Placement.objects.filter(offer=offer).exists():
            raise SchoolError(
                _("Schools have already asked for places on this offer: close it instead.")
            )
        offer.status = target
        offer.save(update_fields=["status", "published_at", "updated_at"])
        record(offer, STATUS, by=by, data={"to": target})
        if target == OfferStatus.PUBLISHED:
            sync_filled_status(offer)
    logger.info("Internship offer %s is now %s (user %s)", offer.pk, offer.status, by.pk)
    return offer


def sync_filled_status(offer: InternshipOffer, held: int | None = None) -> None:
    """Published ↔ filled follows the places held. Call with the offer row locked."""
    if offer.status not in (OfferStatus.PUBLISHED, OfferStatus.FILLED):
        return
    held = places_held(offer) if held is None else held
    status = OfferStatus.FILLED if held >= offer.places else OfferStatus.PUBLISHED
    if status != offer.status:
        offer.status = status
        offer.save(update_fields=["status", "updated_at"])
        record(offer, STATUS, by=None, data={"to": status})
