"""Invitations by email belong to the address they were sent to (networks, associations).

An invitation link is accepted only by an account that has verified the invited address;
anyone else holding the link (it was forwarded, or opened while logged in as someone else) is
told so, and the invitation stays usable for its owner.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.tokens import hash_token, new_token


def replace_invitation(invitations, *, email: str, by, now, days: int, **fields):
    """Invite `email` anew: withdraw the open invitations of `invitations` (a network's or an
    association's, their related manager) to that address and make a new one, valid `days`
    days, with `fields`. Returns it and its link's token (only the token's hash is stored)."""
    invitations.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    token = new_token()
    invitation = invitations.create(
        email=email,
        token_hash=hash_token(token),
        invited_by=by,
        expires_at=now + timedelta(days=days),
        **fields,
    )
    return invitation, token


def invitation_by_token(invitations, token: str):
    """The invitation of `invitations` a link's token belongs to, whatever its state, or None."""
    if not token or len(token) > 100:
        return None
    return invitations.filter(token_hash=hash_token(token)).first()


def address_owner_check(email: str, user) -> str:
    """ "owner" when `user` has verified `email`, "unverified" when it is their address but not
    yet confirmed, "other" otherwise."""
    addresses = EmailAddress.objects.filter(user=user, email__iexact=email)
    if any(address.verified for address in addresses):
        return "owner"
    if addresses or user.email.lower() == email.lower():
        return "unverified"
    return "other"


# The invitation page waiting for its visitor to confirm the invited address (a path).
AFTER_CONFIRMATION = "accounts.invitation_after_confirmation"


def someone_elses_page(request, template: str, context: dict, message: str, *, owner: str):
    """The 403 page for an invitation that is another address's (`owner` "other"), or this
    account's address not confirmed yet ("unverified"): say so, change nothing (it stays
    usable). Someone who has still to confirm comes back to this page once they confirm with
    the link in the email, in this browser
    (accounts.adapters.AccountAdapter.get_email_verification_redirect_url)."""
    unconfirmed = owner == "unverified"
    if unconfirmed:
        request.session[AFTER_CONFIRMATION] = request.path
    context = {**context, "message": message, "unconfirmed": unconfirmed}
    return render(request, template, context, status=403)


def masked_address(email: str) -> str:
    """ "m…@example.org": enough for the invited person to recognise their address, not
    enough for whoever holds a forwarded link to learn it."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


def address_refusal(email: str, user, *, other_address: str) -> str | None:
    """Why `user` may not accept an invitation sent to `email` (a message for them), or None
    if they may. `other_address` is the caller's message for someone logged in with another
    address (who to ask for a new invitation differs); it gets the masked `%(email)s`."""
    check = address_owner_check(email, user)
    if check == "unverified":
        return _(
            "Confirm your email address %(email)s first with the link we sent to it (you can "
            "have a new one sent under Email addresses); then open the invitation again."
        ) % {"email": email}
    if check == "other":
        return other_address % {"email": masked_address(email)}
    return None
