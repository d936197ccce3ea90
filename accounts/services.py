"""Every change to a person's account happens here."""

import logging

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.registry import personal_data_providers

logger = logging.getLogger(__name__)


class AccountError(Exception):
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
