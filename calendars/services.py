"""Personal calendar links: creating, regenerating and resolving them.

A token is 256 random bits from `secrets` (43 URL-safe characters, core.tokens), never derived
from the password or anything else about the person. Only `sha256(token)` is stored; a request is
matched by that hash and the match re-checked with a constant-time comparison.
"""

import hmac
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from calendars.models import FeedToken
from core.tokens import TOKEN_LENGTH, hash_token, new_token

# Calendar programs fetch a feed every few hours, many people at once; the token → person
# lookup is kept in the shared cache this long, and dropped when the token is replaced or
# deleted, or the person is deactivated.
OWNER_CACHE_SECONDS = 300


def regenerate_feed_token(user, *, now: datetime | None = None) -> str:
    """Give `user` a new personal-feed token and return it (the only time it is readable).

    Any earlier token stops working in the same transaction: one person, one live link.
    """
    token = new_token()
    with transaction.atomic():
        forget_feed_owner(user)
        FeedToken.objects.update_or_create(
            user=user,
            defaults={
                "token_hash": hash_token(token),
                "created_at": now or timezone.now(),
            },
        )
    return token


def _owner_key(digest: str) -> str:
    return f"calendars:feed-owner:{digest}"


def feed_owner_id(token: str) -> int | None:
    """The pk of the active user whose live token this is, or None (unknown, replaced or
    malformed). Answered from the shared cache when it can be."""
    if not token or len(token) != TOKEN_LENGTH:
        return None
    digest = hash_token(token)
    cached = cache.get(_owner_key(digest))
    if cached is not None:
        return cached
    feed_token = (
        FeedToken.objects.filter(token_hash=digest, user__is_active=True)
        .only("token_hash", "user_id")
        .first()
    )
    if feed_token is None or not hmac.compare_digest(feed_token.token_hash, digest):
        return None
    cache.set(_owner_key(digest), feed_token.user_id, timeout=OWNER_CACHE_SECONDS)
    return feed_token.user_id


def feed_owner(token: str):
    """The active user whose live token this is, or None."""
    from accounts.models import User

    user_id = feed_owner_id(token)
    if user_id is None:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def forget_feed_owner(user) -> None:
    """Drop the cached token → person answer for `user`'s current token (before it is
    replaced or deleted, and when the person is deactivated)."""
    digests = FeedToken.objects.filter(user=user).values_list("token_hash", flat=True)
    cache.delete_many([_owner_key(digest) for digest in digests])


def delete_feed_token(user) -> None:
    with transaction.atomic():
        forget_feed_owner(user)
        FeedToken.objects.filter(user=user).delete()
