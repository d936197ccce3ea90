"""Reminders before a qualification runs out.

A person whose qualification (first aid, …) ends within `days` days gets one email naming the
end date and the next published course that grants the same qualification. One per period of
validity: the reminder row (unique per person, kind and end date) is inserted before the email
is queued, in the same transaction, so overlapping runs send it once; a renewal gives a later
end date and so a reminder of its own. People who turned these reminders off get none (the
period is still marked, so turning them on later does not send a stale one).
"""

import logging
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.services import unsubscribe_for, wants_email
from core.email import queue_email
from courses.models import QualificationReminder, Signup
from courses.queries.qualifications import (
    EXPIRING_DAYS,
    next_courses_granting,
    qualifications_by_user,
)

QUALIFICATION_REMINDERS = "qualification_reminders"  # the kind of email (see courses.apps)
logger = logging.getLogger(__name__)


def send_qualification_reminders(*, days: int = EXPIRING_DAYS, now: datetime | None = None) -> int:
    """Remind everyone whose qualification ends within `days` days (and has not ended);
    returns how many emails were queued. Idempotent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    last_day = today + timedelta(days=days)
    user_ids = (
        Signup.objects.filter(
            course__qualification__validity_months__isnull=False, user__is_active=True
        )
        .values_list("user_id", flat=True)
        .distinct()
    )
    due = [
        (user_id, qualification)
        for user_id, qualifications in qualifications_by_user(user_ids, now).items()
        for qualification in qualifications
        if qualification.valid_until is not None and today <= qualification.valid_until <= last_day
    ]
    if not due:
        return 0
    reminded = set(
        QualificationReminder.objects.filter(
            user_id__in={user_id for user_id, _q in due}, valid_until__gte=today
        ).values_list("user_id", "kind_id", "valid_until")
    )
    due = [
        (user_id, q) for user_id, q in due if (user_id, q.kind.pk, q.valid_until) not in reminded
    ]
    next_courses = next_courses_granting({q.kind.pk for _user, q in due}, now)
    users = get_user_model().objects.in_bulk({user_id for user_id, _q in due})
    sent = 0
    for user_id, qualification in due:
        user = users[user_id]
        try:
            with transaction.atomic():
                QualificationReminder.objects.create(
                    user=user,
                    kind=qualification.kind,
                    valid_until=qualification.valid_until,
                    sent_at=now,
                )
                if not wants_email(user, QUALIFICATION_REMINDERS):
                    continue
                queue_email(
                    user.email,
                    "emails/courses/qualification_expiring",
                    {
                        "user": user,
                        "qualification": qualification,
                        "next_course": next_courses.get(qualification.kind.pk),
                    },
                    user.preferred_language,
                    about=qualification.course,
                    unsubscribe=unsubscribe_for(user, QUALIFICATION_REMINDERS),
                )
                sent += 1
        except IntegrityError:
            # Another run claimed this period a moment ago: it sends the reminder.
            continue
    logger.info("Qualification reminders: %s sent", sent)
    return sent
