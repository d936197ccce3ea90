"""The one loader of the apps' demo content (see core/management/commands/seed_demo.py).

Demo texts and structured data live as YAML in `<app>/demo_data/<name>.yaml`, read with
`load_demo_data`. Dates in them are relative to today (`days_from_today: 14` with `at: "19:00"`)
and become datetimes through `demo_datetime`, which keeps them off Danish days off. The other
helpers are the mechanics every app's demo.py repeats: people looked up or created by email,
rows found by a natural key and created from the YAML's fields when missing, and references
by key resolved to rows.
"""

from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import Max
from django.utils import timezone

from core.holidays import is_day_off


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str


def demo_data_path(app_label: str, filename: str) -> Path:
    """`<app>/demo_data/<filename>` of the installed app `app_label` (YAML, images, documents)."""
    return Path(apps.get_app_config(app_label).path) / "demo_data" / filename


def demo_file(app_label: str, filename: str) -> ContentFile:
    """The demo file `<app>/demo_data/<filename>`, ready for a FileField."""
    return ContentFile(demo_data_path(app_label, filename).read_bytes(), name=Path(filename).name)


def load_demo_data(app_label: str, name: str) -> Any:
    """The parsed `<app>/demo_data/<name>.yaml` of the installed app `app_label`."""
    with demo_data_path(app_label, f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def demo_date(days_from_today: int) -> date:
    return timezone.localdate() + timedelta(days=days_from_today)


def local_datetime(day: date, at: str | time) -> datetime:
    """`day` at `at` ("19:00" or a time) in the site's time zone."""
    return timezone.make_aware(
        datetime.combine(day, time.fromisoformat(at) if isinstance(at, str) else at)
    )


def demo_datetime(days_from_today: int, at: str | time) -> datetime:
    """`days_from_today` from today at `at` ("19:00" or a time), moved off Danish days off
    (core.holidays): later for a coming date, earlier for a past one."""
    day = demo_date(days_from_today)
    step = timedelta(days=1 if days_from_today >= 0 else -1)
    while is_day_off(day):
        day += step
    return local_datetime(day, at)


def demo_user(email: str):
    """The person with `email`, or None (the seeder that makes them did not run)."""
    return get_user_model().objects.filter(email=email).first()


def ensure_people(people: Iterable[Mapping], password: str | None = None) -> list:
    """The users of `people` ({email, name} each, optionally is_staff, is_superuser, group and
    verified), created where missing; without a password they cannot log in."""
    users = []
    for person in people:
        user = demo_user(person["email"])
        if user is None:
            user = get_user_model().objects.create_user(
                person["email"],
                password,
                full_name=person["name"],
                is_staff=person.get("is_staff", False),
                is_superuser=person.get("is_superuser", False),
            )
            if person.get("group"):
                user.groups.add(apps.get_model("auth", "Group").objects.get(name=person["group"]))
            if person.get("verified", password is not None):
                EmailAddress.objects.create(
                    user=user, email=user.email, verified=True, primary=True
                )
        users.append(user)
    return users


def without(data: Mapping, *keys: str) -> dict:
    """A copy of `data` without `keys` (the YAML keys that are no model fields)."""
    return {key: value for key, value in data.items() if key not in keys}


def ensure_row(model, lookup: Mapping, fields: Mapping = (), many: Mapping = (), prefer=None):
    """(row, created): the `model` row matching `prefer` (if given) or else `lookup`, or one
    created from `lookup` and `fields`, its many-to-many fields then set from `many` (names to
    rows) and saved again, as a ParentalManyToManyField is written on save."""
    row = model.objects.filter(**prefer).first() if prefer else None
    row = row or model.objects.filter(**lookup).first()
    if row is not None:
        return row, False
    row = model.objects.create(**lookup, **dict(fields))
    for name, values in dict(many).items():
        getattr(row, name).set(values)
    if many:
        row.save()
    return row, True


def ensure_rows(model, rows: Iterable[Mapping], key: str = "slug", within=None, **common) -> dict:
    """Each of `rows` as a `model` row found by its `key` field (within the rows matching
    `within`, e.g. one association's) and, when missing, created from its other fields and
    `common`; by key."""
    within = dict(within or {})
    return {
        row[key]: ensure_row(model, {**within, key: row[key]}, {**without(row, key), **common})[0]
        for row in rows
    }


@contextmanager
def emails_dropped(app_label: str):
    """Demo people have no mailbox: the emails `app_label`'s services queue inside the block
    (templates under emails/<app_label>/) are deleted when it ends, never sent."""
    from core.models import OutgoingEmail

    last = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    yield
    OutgoingEmail.objects.filter(pk__gt=last, kind__startswith=f"emails/{app_label}/").delete()


def resolve(rows: Mapping, keys: Iterable[str]) -> list:
    """The rows named by `keys` (slugs or YAML keys) in `rows`, in that order; unknown keys
    fail loudly."""
    return [rows[key] for key in keys]
