"""Personal calendar links: creating, regenerating and resolving them.

A token is 256 random bits from `secrets` (43 URL-safe characters), never derived from the
password or anything else about the person. Only `sha256(token)` is stored; a request is
matched by that hash and the match re-checked with a constant-time comparison.
"""

import hashlib
import hmac
import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from calendars.models import FeedToken

TOKEN_BYTES = 32  # 256 bits
TOKEN_LENGTH = 43  # len(secrets.token_urlsafe(32))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def regenerate_feed_token(user, *, now: datetime | None = None) -> str:
    """Give `user` a new personal-feed token and return it (the only time it is readable).

    Any earlier token stops working in the same transaction: one person, one live link.
    """
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with transaction.atomic():
        FeedToken.objects.update_or_create(
            user=user,
            defaults={
                "token_hash": hash_token(token),
                "created_at": now or timezone.now(),
            },
        )
    return token


def feed_owner(token: str):
    """The active user whose live token this is, or None (unknown, replaced or malformed)."""
    if not token or len(token) != TOKEN_LENGTH:
        return None
    digest = hash_token(token)
    feed_token = (
        FeedToken.objects.select_related("user")
        .filter(token_hash=digest, user__is_active=True)
        .first()
    )
    if feed_token is None or not hmac.compare_digest(feed_token.token_hash, digest):
        return None
    return feed_token.user


def delete_feed_token(user) -> None:
    FeedToken.objects.filter(user=user).delete()
