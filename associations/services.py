"""Every state change in associations happens here (see docs/architecture.md).

Each function checks who may make the change, runs in one transaction and raises
`AssociationError` with a translated message the views show as is. Changes to an
association's people lock the association row, so two admins demoting each other at the same
time cannot leave it without an admin.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from accounts.invitations import address_refusal
from accounts.models import User
from accounts.roles import Role, people_with_role
from associations.models import (
    Activity,
    Association,
    AssociationInvitation,
    AssociationRole,
    BoardCompetenceNeed,
    ChildRecordDeclaration,
    Fair,
    FairStand,
    RoleKind,
    Venue,
)
from associations.queries import is_association_admin
from core.email import queue_email
from core.services import ServiceError
from core.slugs import save_with_unique_slug
from core.tokens import hash_token, new_token
from courses.models import Topic

logger = logging.getLogger(__name__)

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


class AssociationError(ServiceError):
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
        save_with_unique_slug(association, association.name, fallback="forening")
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

    The person must already have an account: we never create accounts for others (invite
    them instead, `invite_person`). Staff with the right to add roles may do it too. A person
    may hold several roles (chair and treasurer), each once.
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
        return _give_role(association, user, role, is_admin=is_admin)


def _give_role(association: Association, user, kind: str, *, is_admin: bool) -> AssociationRole:
    """Add role `kind` to the person's roles (the association row is locked). Being an admin
    and the competence consent belong to the person: the new role takes them from the
    person's other roles, and an admin role makes all of them admin."""
    mine = AssociationRole.objects.filter(association=association, user=user)
    if mine.filter(role=kind).exists():
        raise AssociationError(_("This person already has this role in the association."))
    others = list(mine)
    is_admin = is_admin or any(other.is_admin for other in others)
    consent = any(other.consent_show_competences for other in others)
    if is_admin:
        mine.update(is_admin=True)
    return AssociationRole.objects.create(
        association=association,
        user=user,
        role=kind,
        is_admin=is_admin,
        consent_show_competences=consent,
    )


def add_or_invite_person(
    actor, association: Association, email: str, *, role: str, is_admin: bool = False
) -> AssociationRole | AssociationInvitation:
    """Give the role to the person with this email address, or, when nobody has a profile
    with it, send them an invitation (see `invite_person`). Returns what was done."""
    if User.objects.filter(email__iexact=email.strip(), is_active=True).exists():
        return add_person(actor, association, email, role=role, is_admin=is_admin)
    return invite_person(actor, association, email, role=role, is_admin=is_admin)


def _other_admins(association: Association, role: AssociationRole) -> bool:
    """Whether someone other than `role`'s person is an admin of the association."""
    return (
        AssociationRole.objects.filter(association=association, is_admin=True)
        .exclude(user_id=role.user_id)
        .exists()
    )


def change_role(actor, role: AssociationRole, *, kind: str, is_admin: bool) -> AssociationRole:
    """Change one of a person's roles and their admin right (which holds for all their roles
    in the association). The last admin cannot lose the admin right."""
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
        mine = AssociationRole.objects.filter(association=association, user_id=role.user_id)
        if kind != role.role and mine.filter(role=kind).exists():
            raise AssociationError(_("This person already has this role in the association."))
        role.role = kind
        role.is_admin = is_admin
        role.save(update_fields=["role", "is_admin"])
        mine.exclude(pk=role.pk).update(is_admin=is_admin)
    return role


def remove_person(actor, role: AssociationRole) -> None:
    """Remove one role of a person (admins, staff, or the person themselves); the person stays
    in the association with their other roles.

    The last admin cannot lose their last role.
    """
    if role.user_id != actor.pk:
        _require_admin_or_staff(actor, role.association, "delete")
    with transaction.atomic():
        association = _lock(role.association)
        role = AssociationRole.objects.select_for_update().filter(pk=role.pk).first()
        if role is None:
            return
        keeps_a_role = (
            AssociationRole.objects.filter(association=association, user_id=role.user_id)
            .exclude(pk=role.pk)
            .exists()
        )
        if role.is_admin and not keeps_a_role and not _other_admins(association, role):
            raise AssociationError(
                _("The association must have at least one admin. Make someone else admin first.")
            )
        role.delete()


def set_competence_consent(user, role: AssociationRole, *, consent: bool) -> AssociationRole:
    """Only the person themselves decides whether the board sees their completed courses (for
    all their roles in the association)."""
    if role.user_id != user.pk:
        raise AssociationError(_("Only the person themselves can change this consent."))
    AssociationRole.objects.filter(association_id=role.association_id, user=user).update(
        consent_show_competences=consent
    )
    role.consent_show_competences = consent
    return role


# --- Invitations ------------------------------------------------------------------------

INVITATION_DAYS = 14


class InvitationForSomeoneElse(AssociationError):
    """The invitation was sent to an address that is not this account's (verified) one."""


def invitation_path(token: str, language: str) -> str:
    with translation.override(language):
        return reverse("associations:invitation", kwargs={"token": token})


def invite_person(
    actor, association: Association, email: str, *, role: str, is_admin: bool = False
) -> AssociationInvitation:
    """Email a link, valid for INVITATION_DAYS days, that gives `role` to whoever accepts it
    with a verified `email` (signing up on the way if they have no profile). Only the
    association's admins and staff with the right to add roles. An older open invitation to
    the same address for this association is withdrawn, so only the newest link works."""
    _require_admin_or_staff(actor, association, "add")
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise AssociationError(
            _("“%(email)s” is not a valid email address.") % {"email": email}
        ) from None
    if role not in RoleKind.values:
        raise AssociationError(_("Choose one of the roles."))
    now = timezone.now()
    language = translation.get_language() or "da"
    with transaction.atomic():
        association = _lock(association)
        AssociationInvitation.objects.filter(
            association=association,
            email__iexact=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
        ).update(revoked_at=now)
        token = new_token()
        invitation = AssociationInvitation.objects.create(
            association=association,
            email=email,
            role=role,
            is_admin=is_admin,
            token_hash=hash_token(token),
            invited_by=actor,
            expires_at=now + datetime.timedelta(days=INVITATION_DAYS),
        )
        queue_email(
            email,
            "emails/associations/invitation",
            {
                "association": association,
                "invitation": invitation,
                "inviter": actor,
                "path": invitation_path(token, language),
            },
            language,
            about=invitation,
        )
    return invitation


def find_invitation(token: str) -> AssociationInvitation | None:
    """The invitation a link's token belongs to, whatever its state, or None."""
    if not token or len(token) > 100:
        return None
    return (
        AssociationInvitation.objects.select_related("association")
        .filter(token_hash=hash_token(token))
        .first()
    )


def invitation_refusal(invitation: AssociationInvitation, user) -> str | None:
    """Why `user` may not accept `invitation` (a message for them), or None if they may."""
    return address_refusal(
        invitation.email,
        user,
        other_address=_(
            "This invitation was sent to %(email)s, which is not the address you are logged "
            "in with. Log in with that address, or ask the association's admins to invite "
            "the address you use here."
        ),
    )


def accept_invitation(token: str, user) -> AssociationRole:
    """Accept an invitation: the person gets its role (and admin right). The link works once,
    until it expires or is withdrawn, and only for the account that has verified the invited
    address; anyone else gets InvitationForSomeoneElse and the invitation stays open."""
    invitation = find_invitation(token)
    if invitation is None:
        raise AssociationError(
            _("This invitation link is not valid. Check that you copied all of it.")
        )
    with transaction.atomic():
        association = _lock(invitation.association)
        invitation = AssociationInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status == "accepted":
            raise AssociationError(_("This invitation has already been used."))
        if invitation.status == "revoked":
            raise AssociationError(_("This invitation has been withdrawn. Ask for a new one."))
        if invitation.status == "expired":
            raise AssociationError(
                _("This invitation has expired. Ask the association's admins for a new one.")
            )
        if refusal := invitation_refusal(invitation, user):
            raise InvitationForSomeoneElse(refusal)
        role = AssociationRole.objects.filter(
            association=association, user=user, role=invitation.role
        ).first()
        if role is None:
            role = _give_role(association, user, invitation.role, is_admin=invitation.is_admin)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return role


def revoke_invitation(actor, invitation: AssociationInvitation) -> AssociationInvitation:
    """Withdraw an open invitation: its link stops working at once (410)."""
    _require_admin_or_staff(actor, invitation.association, "add")
    with transaction.atomic():
        invitation = AssociationInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status != "open":
            raise AssociationError(
                _("Only an invitation that waits for an answer can be withdrawn.")
            )
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


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


def remove_people_of_deleted_account(user) -> list[Association]:
    """An account is being deleted: remove its roles. An association that loses its last admin
    this way is handed to the volunteer consultants — each is told by email, with a link to the
    association's people in the admin, where they appoint a new admin (consultants may manage
    every association's people). Nothing is copied: "has no admin" is read from the roles.
    Returns the associations left without an admin."""
    with transaction.atomic():
        admin_of = list(
            Association.objects.filter(roles__user=user, roles__is_admin=True).order_by("pk")
        )
        orphaned = []
        for association in admin_of:
            association = _lock(association)
            # Admins whose accounts are closed cannot step in either.
            others = AssociationRole.objects.filter(
                association=association, is_admin=True, user__is_active=True
            )
            if not others.exclude(user=user).exists():
                orphaned.append(association)
        AssociationRole.objects.filter(user=user).delete()
        for association in orphaned:
            tell_consultants_no_admin(association)
    return orphaned


def tell_consultants_no_admin(association: Association) -> None:
    """Email every volunteer consultant that `association` has no admin any more."""
    consultants = list(people_with_role(Role.VOLUNTEER_CONSULTANT))
    if not consultants:
        logger.warning(
            "Association %s has no admin and there is no consultant to tell", association.pk
        )
    for consultant in consultants:
        queue_email(
            consultant.email,
            "emails/associations/no_admin",
            {"recipient": consultant, "association": association},
            consultant.preferred_language or "da",
            about=association,
        )
