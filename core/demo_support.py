"""Small helpers for the apps' demo.py seeders (see core/management/commands/seed_demo.py)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str
