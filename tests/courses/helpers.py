"""Small helpers shared by the course tests."""

from datetime import timedelta

from django.utils import timezone

from courses.models import Signup


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


def statuses(course) -> list[tuple[str, str | None]]:
    """The course's signups as (email, status), in the order they were made."""
    return list(
        Signup.objects.filter(course=course).order_by("pk").values_list("user__email", "status")
    )
