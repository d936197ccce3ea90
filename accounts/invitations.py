"""Invitations by email belong to the address they were sent to (networks, associations).

An invitation link is accepted only by an account that has verified the invited address;
anyone else holding the link (it was forwarded, or opened while logged in as someone else) is
told so, and the invitation stays usable for its owner.
"""

from allauth.account.models import EmailAddress
from django.utils.translation import gettext as _


def address_owner_check(email: str, user) -> str:
    """ "owner" when `user` has verified `email`, "unverified" when it is their address but not
    yet confirmed, "other" otherwise."""
    addresses = EmailAddress.objects.filter(user=user, email__iexact=email)
    if any(address.verified for address in addresses):
        return "owner"
    if addresses or user.email.lower() == email.lower():
        return "unverified"
    return "other"


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
