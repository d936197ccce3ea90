"""Every state change in associations happens here (see docs/architecture.md).

Each function checks who may make the change, runs in one transaction and raises
`AssociationError` with a translated message the views show as is. Changes to an
association's people lock the association row, so two admins demoting each other at the same
time cannot leave it without an admin.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from accounts.models import User
from associations.models import (
    Activity,
    Association,
    AssociationRole,
    BoardCompetenceNeed,
    ChildRecordDeclaration,
    Fair,
    FairStand,
    RoleKind,
    Venue,
)
from associations.queries import is_association_admin
from courses.models import Topic

ASSOCIATION_FIELDS = (
    "name",
    "cvr",
    "summary",
    "description",
    "town",
    "address",
    "website",
    "email",
    "phone",
    "logo",
    "is_public",
)
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


class AssociationError(Exception):
    """A change to an association that is not allowed; the message is shown to the person."""


def _require_admin(actor, association: Association) -> None:
    if not is_association_admin(actor, association):
        raise AssociationError(_("Only the association's admins can do this."))


def _require_admin_or_staff(actor, association: Association, action: str) -> None:
    """The association's admins, or staff allowed to `action` roles in the Wagtail admin.

    Staff step in when an association has lost its admins (the chair moved away, the treasurer
    never made an account), so the last-admin rule holds for them too.
    """
    if actor.has_perm(f"associations.{action}_associationrole"):
        return
    _require_admin(actor, association)


def _lock(association: Association) -> Association:
    return Association.objects.select_for_update().get(pk=association.pk)


DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def _unique_slug(name: str) -> str:
    base = slugify(name.translate(DANISH_LETTERS))[:150] or "forening"
    slug, n = base, 2
    while Association.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(instance, data: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(data) - set(allowed) - {"categories"}
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for field in allowed:
        if field in data:
            setattr(instance, field, data[field])


# --- Associations -----------------------------------------------------------------------


def create_association(creator, data: dict, *, role: str = RoleKind.CHAIR) -> Association:
    """Create an association; its creator becomes its first admin (with `role`).

    `data` holds the editable fields (see ASSOCIATION_FIELDS) and optionally `categories`.
    """
    if not creator.is_authenticated:
        raise AssociationError(_("Log in to register an association."))
    data = dict(data)
    with transaction.atomic():
        _logo_from(data, data.get("name", ""))
        association = Association()
        _apply(association, data, ASSOCIATION_FIELDS)
        association.slug = _unique_slug(association.name)
        association.save()
        if "categories" in data:
            association.categories.set(data["categories"])
        AssociationRole.objects.create(
            association=association, user=creator, role=role, is_admin=True
        )
    return association


def _logo_from(data: dict, name: str) -> None:
    """An uploaded logo becomes a Wagtail image (staff find it in the image library)."""
    upload = data.pop("logo_upload", None)
    if data.pop("remove_logo", False):
        data["logo"] = None
    if upload:
        data["logo"] = get_image_model().objects.create(
            title=gettext("Logo: %(name)s") % {"name": name}, file=upload
        )


def update_association(actor, association: Association, data: dict) -> Association:
    """Change the association's details. Only its admins; the slug stays, so links keep working."""
    _require_admin(actor, association)
    data = dict(data)
    with transaction.atomic():
        association = _lock(association)
        _logo_from(data, data.get("name", association.name))
        _apply(association, data, ASSOCIATION_FIELDS)
        association.save()
        if "categories" in data:
            association.categories.set(data["categories"])
    return association


def verify_association(staff_user, association: Association) -> Association:
    """Staff confirm the association is real (shown as "verified" in the directory)."""
    if not staff_user.is_staff:
        raise AssociationError(_("Only staff can verify associations."))
    with transaction.atomic():
        association = _lock(association)
        if not association.verified_by_staff:
            association.verified_by_staff = True
            association.verified_at = timezone.now()
            association.save(update_fields=["verified_by_staff", "verified_at", "updated_at"])
    return association


# --- People and roles -------------------------------------------------------------------


def add_person(
    actor, association: Association, email: str, *, role: str, is_admin: bool = False
) -> AssociationRole:
    """Give a person with an account a role in the association. Only its admins.

    The person must already have an account: we never create accounts for others. Staff with
    the right to add roles may do it too.
    """
    _require_admin_or_staff(actor, association, "add")
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise AssociationError(
            _(
                "No one with this email address has an account on Frivilligløft. "
                "Ask them to create one first."
            )
        )
    with transaction.atomic():
        association = _lock(association)
        if AssociationRole.objects.filter(association=association, user=user).exists():
            raise AssociationError(_("This person already has a role in the association."))
        return AssociationRole.objects.create(
            association=association, user=user, role=role, is_admin=is_admin
        )


def _other_admins(association: Association, role: AssociationRole) -> bool:
    return (
        AssociationRole.objects.filter(association=association, is_admin=True)
        .exclude(pk=role.pk)
        .exists()
    )


def change_role(actor, role: AssociationRole, *, kind: str, is_admin: bool) -> AssociationRole:
    """Change a person's role and admin right. The last admin cannot lose the admin right."""
    _require_admin_or_staff(actor, role.association, "change")
    with transaction.atomic():
        association = _lock(role.association)
        # again: another admin may have just demoted them
        _require_admin_or_staff(actor, association, "change")
        role = AssociationRole.objects.select_for_update().get(pk=role.pk)
        if role.is_admin and not is_admin and not _other_admins(association, role):
            raise AssociationError(
                _("The association must have at least one admin. Make someone else admin first.")
            )
        role.role = kind
        role.is_admin = is_admin
        role.save(update_fields=["role", "is_admin"])
    return role


def remove_person(actor, role: AssociationRole) -> None:
    """Remove a person from the association (admins, staff, or the person themselves).

    The last admin cannot be removed.
    """
    if role.user_id != actor.pk:
        _require_admin_or_staff(actor, role.association, "delete")
    with transaction.atomic():
        association = _lock(role.association)
        role = AssociationRole.objects.select_for_update().filter(pk=role.pk).first()
        if role is None:
            return
        if role.is_admin and not _other_admins(association, role):
            raise AssociationError(
                _("The association must have at least one admin. Make someone else admin first.")
            )
        role.delete()


def set_competence_consent(user, role: AssociationRole, *, consent: bool) -> AssociationRole:
    """Only the person themselves decides whether the board sees their completed courses."""
    if role.user_id != user.pk:
        raise AssociationError(_("Only the person themselves can change this consent."))
    AssociationRole.objects.filter(pk=role.pk).update(consent_show_competences=consent)
    role.consent_show_competences = consent
    return role


# --- Venues and activities --------------------------------------------------------------


def save_venue(actor, association: Association, data: dict, venue: Venue | None = None) -> Venue:
    """Create a venue or change one of the association's venues. Only its admins."""
    _require_admin(actor, association)
    if venue is not None and venue.association_id != association.pk:
        raise AssociationError(_("This venue belongs to another association."))
    venue = venue or Venue(association=association)
    _apply(venue, data, VENUE_FIELDS)
    venue.save()
    return venue


def delete_venue(actor, venue: Venue) -> None:
    """Delete a venue; its activities stay, without a venue."""
    _require_admin(actor, venue.association)
    venue.delete()


def save_activity(
    actor, association: Association, data: dict, activity: Activity | None = None
) -> Activity:
    """Create or change an activity. Only its admins; the venue must be the association's own."""
    _require_admin(actor, association)
    if activity is not None and activity.association_id != association.pk:
        raise AssociationError(_("This activity belongs to another association."))
    venue = data.get("venue")
    if venue is not None and venue.association_id != association.pk:
        raise AssociationError(_("Choose one of the association's own venues."))
    starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
    if ends_at and (not starts_at or ends_at < starts_at):
        raise AssociationError(_("The activity must end after it starts."))
    activity = activity or Activity(association=association)
    _apply(activity, data, ACTIVITY_FIELDS)
    activity.save()
    return activity


def delete_activity(actor, activity: Activity) -> None:
    _require_admin(actor, activity.association)
    activity.delete()


# --- Child-record declarations and competence needs -------------------------------------


def declare_child_records(
    actor, association: Association, year: int | None = None
) -> ChildRecordDeclaration:
    """Record that the association has obtained børneattester for `year` (default this year).

    Only this year and next year can be declared. Declaring again returns the existing
    declaration unchanged (who declared first stays on record).
    """
    _require_admin(actor, association)
    this_year = timezone.localdate().year
    year = year or this_year
    if year not in (this_year, this_year + 1):
        raise AssociationError(_("You can declare child-record checks for this year or next year."))
    with transaction.atomic():
        association = _lock(association)
        declaration, _created = ChildRecordDeclaration.objects.get_or_create(
            association=association,
            year=year,
            defaults={"declared_by": actor, "declared_at": timezone.now()},
        )
    return declaration


def add_competence_need(
    actor, association: Association, topic: Topic, note: str = ""
) -> BoardCompetenceNeed:
    """The board says it needs competence in `topic`. Adding it again updates the note."""
    _require_admin(actor, association)
    need, _created = BoardCompetenceNeed.objects.update_or_create(
        association=association, topic=topic, defaults={"note": note.strip()}
    )
    return need


def remove_competence_need(actor, need: BoardCompetenceNeed) -> None:
    _require_admin(actor, need.association)
    need.delete()


# --- Volunteer fairs --------------------------------------------------------------------


def register_stand(
    actor,
    fair: Fair,
    association: Association,
    *,
    offer: str,
    volunteers_sought: str = "",
    today: datetime.date | None = None,
) -> FairStand:
    """Register (or change) the association's stand at a published fair, until the deadline."""
    _require_admin(actor, association)
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
                "registered_by": actor,
            },
        )
        if not created:
            stand.offer = offer.strip()
            stand.volunteers_sought = volunteers_sought.strip()
            stand.save(update_fields=["offer", "volunteers_sought"])
    return stand


def withdraw_stand(actor, stand: FairStand, today: datetime.date | None = None) -> None:
    """Withdraw a stand; possible until the registration deadline."""
    _require_admin(actor, stand.association)
    if not stand.fair.registration_open(today):
        raise AssociationError(
            _("The registration deadline has passed. Contact the organisers to withdraw.")
        )
    stand.delete()


def unverify_association(staff_user, association: Association) -> Association:
    """Staff withdraw the verification (e.g. the association has closed down)."""
    if not staff_user.is_staff:
        raise AssociationError(_("Only staff can verify associations."))
    Association.objects.filter(pk=association.pk).update(
        verified_by_staff=False, verified_at=None, updated_at=timezone.now()
    )
    association.verified_by_staff, association.verified_at = False, None
    return association
