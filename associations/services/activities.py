"""What an association offers: its venues, its activities and its stands at volunteer fairs."""

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from associations.models import Activity, Association, Fair, FairStand, Venue
from associations.services.common import AssociationError, apply, require_admin
from core.audit import record

VENUE_FIELDS = ("name", "address", "accessibility", "capacity")
ACTIVITY_FIELDS = (
    "title",
    "description",
    "schedule",
    "starts_at",
    "ends_at",
    "venue",
    "audience",
    "looking_for_volunteers",
)


def save_venue(association: Association, data: dict, *, by, venue: Venue | None = None) -> Venue:
    """Create a venue or change one of the association's venues. Only its admins."""
    require_admin(by, association)
    if venue is not None and venue.association_id != association.pk:
        raise AssociationError(_("This venue belongs to another association."))
    action = "wagtail.edit" if venue is not None else "wagtail.create"
    venue = venue or Venue(association=association)
    apply(venue, data, VENUE_FIELDS)
    with transaction.atomic():
        venue.save()
        record(venue, action, by=by)
    return venue


def delete_venue(venue: Venue, *, by) -> None:
    """Delete a venue; its activities stay, without a venue."""
    require_admin(by, venue.association)
    with transaction.atomic():
        record(venue, "wagtail.delete", by=by)
        venue.delete()


def save_activity(
    association: Association, data: dict, *, by, activity: Activity | None = None
) -> Activity:
    """Create or change an activity. Only its admins; the venue must be the association's own."""
    require_admin(by, association)
    if activity is not None and activity.association_id != association.pk:
        raise AssociationError(_("This activity belongs to another association."))
    venue = data.get("venue")
    if venue is not None and venue.association_id != association.pk:
        raise AssociationError(_("Choose one of the association's own venues."))
    starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
    if ends_at and (not starts_at or ends_at < starts_at):
        raise AssociationError(_("The activity must end after it starts."))
    action = "wagtail.edit" if activity is not None else "wagtail.create"
    activity = activity or Activity(association=association)
    apply(activity, data, ACTIVITY_FIELDS)
    with transaction.atomic():
        activity.save()
        record(activity, action, by=by)
    return activity


def delete_activity(activity: Activity, *, by) -> None:
    require_admin(by, activity.association)
    with transaction.atomic():
        record(activity, "wagtail.delete", by=by)
        activity.delete()


# --- Volunteer fairs --------------------------------------------------------------------


def register_stand(
    fair: Fair,
    association: Association,
    *,
    by,
    offer: str,
    volunteers_sought: str = "",
    today: datetime.date | None = None,
) -> FairStand:
    """Register (or change) the association's stand at a published fair, until the deadline."""
    require_admin(by, association)
    if not fair.is_published:
        raise AssociationError(_("This fair is not open for registration."))
    if not fair.registration_open(today):
        raise AssociationError(_("The registration deadline for this fair has passed."))
    with transaction.atomic():
        # get_or_create retries the read if a concurrent registration wins the insert.
        stand, created = FairStand.objects.get_or_create(
            fair=fair,
            association=association,
            defaults={
                "offer": offer.strip(),
                "volunteers_sought": volunteers_sought.strip(),
                "registered_by": by,
            },
        )
        if not created:
            stand.offer = offer.strip()
            stand.volunteers_sought = volunteers_sought.strip()
            stand.save(update_fields=["offer", "volunteers_sought"])
        record(stand, "wagtail.create" if created else "wagtail.edit", by=by)
    return stand


def withdraw_stand(stand: FairStand, *, by, today: datetime.date | None = None) -> None:
    """Withdraw a stand; possible until the registration deadline."""
    require_admin(by, stand.association)
    if not stand.fair.registration_open(today):
        raise AssociationError(
            _("The registration deadline has passed. Contact the organisers to withdraw.")
        )
    with transaction.atomic():
        record(stand, "wagtail.delete", by=by)
        stand.delete()
