"""The demo holds no course or network meeting on a Danish day off (issue 20): no course on
24 or 31 December, no network meeting on Christmas Day."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.holidays import is_day_off
from courses.models import Meeting
from networks.models import NetworkMeeting


@pytest.mark.django_db
def test_demo_meetings_avoid_public_holidays_and_christmas_and_new_years_eve():
    call_command("seed_demo", stdout=io.StringIO())

    starts = [*Meeting.objects.values_list("starts_at", flat=True)]
    starts += [*NetworkMeeting.objects.values_list("starts_at", flat=True)]
    on_days_off = sorted(
        timezone.localtime(start).date()
        for start in starts
        if is_day_off(timezone.localtime(start).date())
    )
    assert starts
    assert on_days_off == []
