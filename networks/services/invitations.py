"""Invitations by email: a random 256-bit token in the link, only its SHA-256 hash stored.

An invitation belongs to the address it was sent to: the link joins only an account whose
verified email address is that address. Anyone else who holds the link (it was forwarded, or
opened while logged in as someone else) is told so, and the invitation stays usable for its
owner.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.invitations import (
    address_owner_check,
    address_refusal,
    invitation_by_token,
    replace_invitation,
)
from accounts.models import User
from core.audit import record
from core.email import queue_email
from networks.models import Invitation, Membership, MembershipStatus, Network
from networks.services.common import (
    NetworkError,
    current_language,
    lock_network,
    require_manager,
)
from networks.services.memberships import join_network

INVITATION_DAYS = 14
MAX_INVITATIONS_AT_ONCE = 50


class InvitationForSomeoneElse(NetworkError):
    """The invitation was sent to an address that is not this account's (verified) one."""


A_INVITED = "frivilligloeft.networks.invited"
A_INVITATION_REVOKED = "frivilligloeft.networks.invitation_revoked"


def invitation_path(token: str, language: str) -> str:
    with translation.override(language):
        return reverse("networks:invitation", kwargs={"token": token})


def invite_by_email(network: Network, emails: list[str], *, by) -> tuple[list[Invitation], list]:
    """Send an invitation link, valid for INVITATION_DAYS days, to each address.

    Returns (sent invitations, addresses skipped because they are already members). An older
    open invitation to the same address is withdrawn, so only the newest link works.
    """
    require_manager(by, network)
    cleaned = []
    for raw in emails:
        email = raw.strip().lower()
        if not email:
            continue
        try:
            validate_email(email)
        except ValidationError:
            raise NetworkError(
                _("“%(email)s” is not a valid email address.") % {"email": email}
            ) from None
        if email not in cleaned:
            cleaned.append(email)
    if not cleaned:
        raise NetworkError(_("Write at least one email address."))
    if len(cleaned) > MAX_INVITATIONS_AT_ONCE:
        raise NetworkError(
            _("You can invite at most %(count)d people at a time.")
            % {"count": MAX_INVITATIONS_AT_ONCE}
        )

    now = timezone.now()
    sent, skipped = [], []
    with transaction.atomic():
        network = lock_network(network)
        members = set(
            Membership.objects.filter(
                network=network,
                status=MembershipStatus.ACTIVE,
                user__email__in=cleaned,
            ).values_list("user__email", flat=True)
        )
        people = {u.email: u for u in User.objects.filter(email__in=cleaned)}
        for email in cleaned:
            if email in members:
                skipped.append(email)
                continue
            invitation, token = replace_invitation(
                network.invitations, email=email, by=by, now=now, days=INVITATION_DAYS
            )
            person = people.get(email)
            language = person.preferred_language if person else current_language()
            queue_email(
                email,
                "emails/networks/invitation",
                {
                    "network": network,
                    "invitation": invitation,
                    "inviter": by,
                    "recipient": person,
                    "path": invitation_path(token, language),
                },
                language,
                reply_to=[network.contact_email] if network.contact_email else None,
            )
            sent.append(invitation)
        if sent:
            record(network, A_INVITED, by=by, data={"emails": [i.email for i in sent]})
    return sent, skipped


def find_invitation(token: str) -> Invitation | None:
    """The invitation a link's token belongs to, whatever its state, or None."""
    return invitation_by_token(Invitation.objects.select_related("network"), token)


def invitation_owner_check(invitation: Invitation, user) -> str:
    """ "owner", "unverified" or "other" (see `accounts.invitations.address_owner_check`)."""
    return address_owner_check(invitation.email, user)


def owner_refusal(invitation: Invitation, user) -> str | None:
    """Why `user` may not accept `invitation` (a message for them), or None if they may."""
    return address_refusal(
        invitation.email,
        user,
        other_address=_(
            "This invitation was sent to %(email)s, which is not the address you are logged "
            "in with. Log in with that address, or ask the network's coordinator to invite "
            "the address you use here."
        ),
    )


def accept_invitation(
    token: str,
    user,
    *,
    association: str = "",
    linked_association_id: int | None = None,
    show_name_to_members: bool = False,
) -> Membership:
    """Accept an invitation: the person becomes an active member, whatever the join policy.
    The link works once, until it expires, and only for the account that has verified the
    invited address; anyone else gets InvitationForSomeoneElse and the invitation stays open."""
    invitation = find_invitation(token)
    if invitation is None:
        raise NetworkError(_("This invitation link is not valid. Check that you copied all of it."))
    with transaction.atomic():
        # The network first, as every other change to a network's members does.
        lock_network(invitation.network)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status == "accepted":
            raise NetworkError(_("This invitation has already been used."))
        if invitation.status == "revoked":
            raise NetworkError(_("This invitation has been withdrawn. Ask for a new one."))
        if invitation.status == "expired":
            raise NetworkError(_("This invitation has expired. Ask a coordinator for a new one."))
        if refusal := owner_refusal(invitation, user):
            raise InvitationForSomeoneElse(refusal)
        membership = join_network(
            invitation.network,
            user,
            association=association,
            linked_association_id=linked_association_id,
            show_name_to_members=show_name_to_members,
            invitation=invitation,
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def revoke_invitation(invitation: Invitation, *, by) -> Invitation:
    """Withdraw an open invitation: its link stops working at once."""
    require_manager(by, invitation.network)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status != "open":
            raise NetworkError(_("Only an invitation that waits for an answer can be withdrawn."))
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        record(invitation.network, A_INVITATION_REVOKED, by=by, data={"email": invitation.email})
    return invitation
