"""Slugs for addresses: Danish letters spelled out, and unique even when two saves race.

`danish_slugify("Førstehjælp for trænere i Gørlev")` is "foerstehjaelp-for-traenere-i-goerlev"
(Django's slugify alone drops æ, ø and å). `save_with_unique_slug` saves a new object under the
first free slug made from a text: it tries the insert inside a savepoint and, when the unique
constraint refuses it, tries the next number. The database decides, so fifty people creating
the same title at the same moment all succeed, each with a slug of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils.text import slugify

DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})

# Enough for any real run of equal titles; a loop past it means something else refuses.
MAX_ATTEMPTS = 200


def danish_slugify(text: str, *, max_length: int = 50, fallback: str = "") -> str:
    """A lowercase ASCII slug of `text` with æ→ae, ø→oe, å→aa, at most `max_length` long, or
    `fallback` when nothing is left (a title of only symbols)."""
    slug = slugify(str(text or "").translate(DANISH_LETTERS))[:max_length].strip("-")
    return slug or fallback


def slug_candidates(base: str, max_length: int, start: int = 1) -> Iterable[str]:
    """base, base-2, base-3, … each within max_length (the base is shortened for the number);
    from base-`start` on when `start` is 2 or more."""
    if start <= 1:
        yield base[:max_length]
    number = max(start, 2)
    while True:
        suffix = f"-{number}"
        yield f"{base[: max_length - len(suffix)].rstrip('-')}{suffix}"
        number += 1


def _next_free_number(queryset, field: str, base: str) -> int:
    """A hint after a collision: one past the highest number already used with this base.

    Only a hint (another transaction may take it first); the savepoint decides.
    """
    pattern = re.compile(rf"^{re.escape(base)}-(\d+)$")
    taken = queryset.filter(**{f"{field}__startswith": f"{base}-"}).values_list(field, flat=True)
    numbers = [int(m.group(1)) for value in taken if (m := pattern.match(value))]
    return max(numbers, default=1) + 1


def save_with_unique_slug(
    instance,
    text: str,
    *,
    field: str = "slug",
    fallback: str,
    reserved: Iterable[str] = (),
    save=None,
):
    """Save a new `instance` with a unique slug made from `text` and return it.

    The slug is tried in a savepoint; an IntegrityError on a slug that another row now holds
    means the next candidate, any other IntegrityError is raised as it is. `reserved` slugs are
    never used (addresses of other pages). `save` is how to save (default `instance.save()`),
    for models whose form saves related rows with it.
    """
    model = type(instance)
    max_length = model._meta.get_field(field).max_length
    base = danish_slugify(text, max_length=max_length, fallback=fallback)
    reserved = set(reserved)
    others = model._default_manager.all()
    if instance.pk is not None:
        others = others.exclude(pk=instance.pk)
    save = save or instance.save
    candidates = iter(slug_candidates(base, max_length))
    for _attempt in range(MAX_ATTEMPTS):
        candidate = next(candidates)
        if candidate in reserved:
            continue
        setattr(instance, field, candidate)
        try:
            with transaction.atomic():
                save()
        except IntegrityError:
            if not others.filter(**{field: candidate}).exists():
                raise  # another constraint refused the row, not the slug
            candidates = iter(
                slug_candidates(base, max_length, start=_next_free_number(others, field, base))
            )
            continue
        return instance
    raise IntegrityError(f"No free {field} for {base!r} after {MAX_ATTEMPTS} attempts")
