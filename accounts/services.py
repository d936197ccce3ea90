"""Every change to a person's account happens here."""

import logging

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import EmailOptOut, User
from accounts.registry import email_kind, email_kinds, personal_data_providers
from core.email import Unsubscribe
from core.services import ServiceError

logger = logging.getLogger(__name__)


class AccountError(ServiceError):
    """A change to an account that is not allowed; the message is shown to the person."""


def update_profile(user: User, *, full_name: str, phone: str, preferred_language: str) -> User:
    """Save the person's own details. The email address changes through allauth (verified)."""
    user.full_name = full_name.strip()
    user.phone = phone.strip()
    user.preferred_language = preferred_language
    user.save(update_fields=["full_name", "phone", "preferred_language"])
    return user


def export_personal_data(user: User) -> dict:
    """Everything Frivilligløft stores about `user`, as JSON-serialisable data.

    Each app adds its part through accounts.registry.register_personal_data.
    """
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "phone": user.phone,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "groups": sorted(group.name for group in user.groups.all()),
            "emails_turned_off": sorted(user.email_opt_outs.values_list("kind", flat=True)),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
    }
    for provider in personal_data_providers():
        data[provider.key] = provider.export(user)
    return data


def delete_account(user: User) -> None:
    """Delete the person and, through every app's eraser, all personal data about them.

    Runs in one transaction: if any app cannot erase its part, nothing is deleted.
    Staff accounts are closed by an administrator instead, so that the last administrator
    cannot lock everybody out.
    """
    if user.is_staff or user.is_superuser:
        raise AccountError(_("Staff accounts are closed by an administrator."))
    with transaction.atomic():
        for provider in personal_data_providers():
            if provider.erase is not None:
                provider.erase(user)
        user_id = user.pk
        user.delete()
    logger.info("Deleted account %s at the person's request", user_id)


# --- Which emails a person gets --------------------------------------------------------------

_UNSUBSCRIBE_SALT = "accounts.unsubscribe"


def wants_email(user: User, kind: str) -> bool:
    """Whether `user` gets emails of `kind` (a registered kind; everybody does unless they
    turned it off)."""
    return not EmailOptOut.objects.filter(user=user, kind=kind).exists()


def set_email_kind(user: User, kind: str, *, wanted: bool) -> None:
    """Turn one kind of email on or off for `user`. Idempotent: a repeated choice (a second
    one-click unsubscribe from a mail program) changes nothing."""
    if email_kind(kind) is None:
        raise AccountError(_("There is no such kind of email."))
    if wanted:
        EmailOptOut.objects.filter(user=user, kind=kind).delete()
        return
    try:
        with transaction.atomic():
            EmailOptOut.objects.get_or_create(user=user, kind=kind)
    except IntegrityError:
        pass  # the same choice, made at the same moment by another request


def set_wanted_email_kinds(user: User, wanted: set[str]) -> None:
    """Save the choices of the Mine sider form: every registered kind in `wanted` on, the
    others off."""
    with transaction.atomic():
        for kind in email_kinds():
            set_email_kind(user, kind.key, wanted=kind.key in wanted)


def unsubscribe_token(user: User, kind: str) -> str:
    """A signed token naming the person and the kind of email, for the link in the email: it
    works without a login and never expires (a link in a year-old email must still work)."""
    return signing.dumps([user.pk, kind], salt=_UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[User, str] | None:
    """The person and kind of email a token names, or None for a forged or outdated token
    (an account deleted since, a kind that no longer exists)."""
    try:
        user_id, kind = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(user_id, int) or email_kind(kind) is None:
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    return (user, kind) if user is not None else None


def unsubscribe_url(user: User, kind: str) -> str:
    """The absolute one-click unsubscribe link for emails of `kind` to `user`, on SITE_URL,
    in the person's language."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        path = reverse("accounts:unsubscribe", args=[unsubscribe_token(user, kind)])
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_for(user: User, kind: str) -> Unsubscribe:
    """What core.email.queue_email needs to offer `user` the way out of emails of `kind`."""
    registered = email_kind(kind)
    if registered is None:
        raise ValueError(f"Unknown kind of email {kind!r}: register it (accounts.registry).")
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        label = str(registered.label)
    return Unsubscribe(url=unsubscribe_url(user, kind), label=label)
