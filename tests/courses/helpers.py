"""Small helpers shared by the course tests."""

from datetime import timedelta

from django.utils import timezone


def days(n: int):
    return timezone.localdate() + timedelta(days=n)
