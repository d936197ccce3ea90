"""Overlapping runs of send_qualification_reminders (cron started twice, a slow run still
going) send each reminder once: the unique reminder row is the claim (PostgreSQL)."""

from core.models import OutgoingEmail
from courses.models import QualificationReminder
from courses.services.qualifications import send_qualification_reminders
from tests.courses.test_concurrency import REAL_RACES, race
from tests.courses.test_qualifications import expiring_in, first_aid

pytestmark = REAL_RACES


def test_overlapping_runs_send_each_reminder_once():
    kind = first_aid()
    for _ in range(10):
        expiring_in(30, kind=kind)

    results, errors = race([send_qualification_reminders] * 6)

    assert errors == []
    assert sum(results) == 10
    assert QualificationReminder.objects.count() == 10
    assert OutgoingEmail.objects.count() == 10
