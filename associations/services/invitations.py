"""Inviting a person without a profile by email: a link bound to the invited address, valid
INVITATION_DAYS days, withdrawable."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.invitations import address_refusal, invitation_by_token, replace_invitation
from associations.models import Association, AssociationInvitation, AssociationRole, RoleKind
from associations.services.common import AssociationError, give_role, lock, require_admin_or_staff
from core.audit import record
from core.email import queue_email

INVITATION_DAYS = 14


class InvitationForSomeoneElse(AssociationError):
    """The invitation was sent to an address that is not this account's (verified) one."""


def invitation_path(token: str, language: str) -> str:
    with translation.override(language):
        return reverse("associations:invitation", kwargs={"token": token})


def invite_person(
    association: Association, email: str, *, by, role: str, is_admin: bool = False
) -> AssociationInvitation:
    """Email a link, valid for INVITATION_DAYS days, that gives `role` to whoever accepts it
    with a verified `email` (signing up on the way if they have no profile). Only the
    association's admins and staff with the right to add roles. An older open invitation to
    the same address for this association is withdrawn, so only the newest link works."""
    require_admin_or_staff(by, association, "add")
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
        association = lock(association)
        invitation, token = replace_invitation(
            association.invitations,
            email=email,
            by=by,
            now=now,
            days=INVITATION_DAYS,
            role=role,
            is_admin=is_admin,
        )
        record(invitation, "wagtail.create", by=by)
        queue_email(
            email,
            "emails/associations/invitation",
            {
                "association": association,
                "invitation": invitation,
                "inviter": by,
                "path": invitation_path(token, language),
            },
            language,
            about=invitation,
        )
    return invitation


def find_invitation(token: str) -> AssociationInvitation | None:
    """The invitation a link's token belongs to, whatever its state, or None."""
    return invitation_by_token(AssociationInvitation.objects.select_related("association"), token)


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
    """Accept an invitation: `user`, accepting for themselves, gets its role (and admin right).
    The link works once, until it expires or is withdrawn, and only for the account that has
    verified the invited address; anyone else gets InvitationForSomeoneElse and the
    invitation stays open."""
    invitation = find_invitation(token)
    if invitation is None:
        raise AssociationError(
            _("This invitation link is not valid. Check that you copied all of it.")
        )
    with transaction.atomic():
        association = lock(invitation.association)
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
            role = give_role(association, user, invitation.role, is_admin=invitation.is_admin)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        record(invitation, "frivilligloeft.associations.invitation_accepted", by=user)
        record(role, "wagtail.create", by=user, data={"invitation": invitation.pk})
    return role


def revoke_invitation(invitation: AssociationInvitation, *, by) -> AssociationInvitation:
    """Withdraw an open invitation: its link stops working at once (410)."""
    require_admin_or_staff(by, invitation.association, "add")
    with transaction.atomic():
        invitation = AssociationInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status != "open":
            raise AssociationError(
                _("Only an invitation that waits for an answer can be withdrawn.")
            )
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        record(invitation, "frivilligloeft.associations.invitation_revoked", by=by)
    return invitation
