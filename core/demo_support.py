"""Small helpers for the apps' demo.py seeders (see core/management/commands/seed_demo.py).

Demo texts and structured data live as YAML in `<app>/demo_data/<name>.yaml`, read with
`load_demo_data`. Dates in them are relative to today (`days_from_today: 14` with `at: "19:00"`)
and become datetimes through `demo_datetime`, which keeps them off Danish days off.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps
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


def load_demo_data(app_label: str, name: str) -> Any:
    """The parsed `<app>/demo_data/<name>.yaml` of the installed app `app_label`."""
    with demo_data_path(app_label, f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def demo_datetime(days_from_today: int, at: str | time) -> datetime:
    """`days_from_today` from today at `at` ("19:00" or a time), moved off Danish days off
    (core.holidays): later for a coming date, earlier for a past one."""
    if isinstance(at, str):
        at = time.fromisoformat(at)
    day = timezone.localdate() + timedelta(days=days_from_today)
    step = timedelta(days=1 if days_from_today >= 0 else -1)
    while is_day_off(day):
        day += step
    return timezone.make_aware(datetime.combine(day, at))
