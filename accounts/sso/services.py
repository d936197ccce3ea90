"""Every state change of single sign-on: what a provider login decides (roles, assurance,
two-step for this session), unlinking a login, and the provider's back-channel logout."""

import logging
from datetime import timedelta
from importlib import import_module

from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import ProviderSession
from accounts.roles import Role
from accounts.sso.config import MITID, login_providers

logger = logging.getLogger(__name__)

# The session remembers which provider it came from and whether that login was two-step
# (accounts.middleware.StaffMultiFactorMiddleware, logout at the provider).
SESSION_KEY = "accounts.sso"


class LoginLinkError(Exception):
    pass


def set_roles(user, roles) -> None:
    """Give `user` exactly `roles` among our three staff roles (other groups stay)."""
    wanted = {Role(role).value for role in roles}
    groups = {group.name: group for group in Group.objects.filter(name__in=list(Role))}
    current = set(user.groups.filter(name__in=list(Role)).values_list("name", flat=True))
    added = [groups[name] for name in sorted(wanted - current) if name in groups]
    removed = [groups[name] for name in sorted(current - wanted)]
    if added:
        user.groups.add(*added)
    if removed:
        user.groups.remove(*removed)
    if added or removed:
        logger.info(
            "Roles of user %s from the login provider: +%s -%s",
            user.pk,
            [group.name for group in added],
            [group.name for group in removed],
        )


@transaction.atomic
def record_linked_login(user, sociallogin) -> dict:
    """A login through a provider (to log in, or to link it from Mine sider) decides the
    person's roles when the provider decides roles, and their MitID assurance level, from its
    current claims. Nothing is kept from earlier logins. Returns the login's facts."""
    account = sociallogin.account
    provider = login_providers().get(account.provider)
    if provider is None:
        return {}
    facts = (account.extra_data or {}).get("frivilligloeft") or {}
    if provider.decides_roles:
        set_roles(user, facts.get("roles", []))
    if account.provider == MITID:
        user.mitid_assurance = facts.get("assurance", "")
        user.mitid_verified_at = timezone.now() if user.mitid_assurance else None
        user.save(update_fields=["mitid_assurance", "mitid_verified_at"])
    return facts


@transaction.atomic
def record_provider_login(request, user, sociallogin) -> None:
    """A login through a provider has completed: what record_linked_login decides, and
    whether this session counts as two-step (and which provider session opened it)."""
    account = sociallogin.account
    if account.provider not in login_providers():
        return
    facts = record_linked_login(user, sociallogin)
    request.session[SESSION_KEY] = {
        "provider": account.provider,
        "two_step": bool(facts.get("two_step")),
    }
    request.session.save()
    # Rows of sessions that have ended by now are of no use to a back-channel logout.
    ProviderSession.objects.filter(
        user=user,
        created_at__lt=timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE),
    ).delete()
    ProviderSession.objects.create(
        user=user,
        provider_id=account.provider,
        sub=account.uid,
        sid=facts.get("sid", ""),
        session_key=request.session.session_key,
    )


@transaction.atomic
def record_other_login(request, user) -> None:
    """A login without a provider (password, code): the session is not two-step through a
    provider, and a provider that decides roles is not here to confirm them, so the roles it
    gave are taken away until the person logs in through it again."""
    request.session.pop(SESSION_KEY, None)
    linked = set(SocialAccount.objects.filter(user=user).values_list("provider", flat=True))
    if any(p.decides_roles and p.provider_id in linked for p in login_providers().values()):
        set_roles(user, [])


def forget_session(session_key) -> None:
    if session_key:
        ProviderSession.objects.filter(session_key=session_key).delete()


@transaction.atomic
def unlink_login(user, account_id) -> SocialAccount:
    """Remove a linked login. Refused when it is the person's only way to log in (no
    password and no other linked login). Unlinking MitID forgets its assurance level;
    unlinking a provider that decides roles takes its roles away."""
    account = None
    if str(account_id).isdigit():
        account = (
            SocialAccount.objects.select_for_update().filter(user=user, pk=int(account_id)).first()
        )
    if account is None:
        raise LoginLinkError(_("That login is not linked to your account."))
    others = SocialAccount.objects.filter(user=user).exclude(pk=account.pk).exists()
    if not user.has_usable_password() and not others:
        raise LoginLinkError(
            _(
                "Choose a password first: without a password or another login you could "
                "not log in again."
            )
        )
    provider = login_providers().get(account.provider)
    if account.provider == MITID:
        user.mitid_assurance = ""
        user.mitid_verified_at = None
        user.save(update_fields=["mitid_assurance", "mitid_verified_at"])
    if provider is not None and provider.decides_roles:
        set_roles(user, [])
    ProviderSession.objects.filter(user=user, provider_id=account.provider).delete()
    account.delete()
    return account


def end_provider_sessions(provider_id: str, *, sub: str = "", sid: str = "") -> int:
    """End our sessions that a provider session opened (back-channel logout): by `sid` when
    the provider names its session, else every session of the person `sub`."""
    rows = ProviderSession.objects.filter(provider_id=provider_id)
    if sid:
        rows = rows.filter(sid=sid)
        if sub:
            rows = rows.filter(sub=sub)
    elif sub:
        rows = rows.filter(sub=sub)
    else:
        return 0
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(rows.values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    rows.delete()
    return len(keys)
