"""Attendance: who was present at which meeting."""

from collections.abc import Mapping
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import record
from courses.models import Attendance, Meeting, Signup, SignupStatus
from courses.rules import is_organiser
from courses.services.base import CourseError, lock_course


def mark_attendance(
    meeting: Meeting, marks: Mapping[int, bool], *, by, now: datetime | None = None
) -> int:
    """Record present/absent for confirmed participants (signup id → present) at `meeting`.

    Marking again overwrites the earlier mark; people left out keep theirs. Attendance can
    be marked from the day of the meeting, not for a cancelled meeting. Returns the number
    of marks saved.
    """
    now = now or timezone.now()
    with transaction.atomic():
        course = lock_course(meeting.course_id)
        if not is_organiser(by, course):
            raise CourseError(_("Only the course's organisers can mark attendance."))
        meeting = Meeting.objects.get(pk=meeting.pk)
        if meeting.cancelled_at is not None:
            raise CourseError(_("This meeting was cancelled."))
        if timezone.localtime(meeting.starts_at).date() > timezone.localtime(now).date():
            raise CourseError(_("Attendance can be marked from the day of the meeting."))
        if not marks:
            return 0
        confirmed = set(
            Signup.objects.filter(
                course=course, status=SignupStatus.CONFIRMED, pk__in=list(marks)
            ).values_list("pk", flat=True)
        )
        if set(marks) - confirmed:
            raise CourseError(_("Attendance can only be marked for confirmed participants."))
        Attendance.objects.bulk_create(
            [
                Attendance(
                    signup_id=signup_id,
                    meeting=meeting,
                    present=bool(present),
                    marked_by=by,
                    marked_at=now,
                )
                for signup_id, present in sorted(marks.items())
            ],
            update_conflicts=True,
            unique_fields=["signup", "meeting"],
            update_fields=["present", "marked_by", "marked_at"],
        )
        present = sum(1 for value in marks.values() if value)
        record(
            course,
            "frivilligloeft.courses.attendance_marked",
            by=by,
            data={"meeting": meeting.pk, "present": present, "absent": len(marks) - present},
        )
    return len(marks)


def mark_all_present(meeting: Meeting, *, by, now: datetime | None = None) -> int:
    """Mark every confirmed participant present at `meeting` in one go (overwriting earlier
    marks); the attendance page corrects anyone who was not there. Returns how many."""
    with transaction.atomic():
        lock_course(meeting.course_id)
        ids = Signup.objects.filter(
            course_id=meeting.course_id, status=SignupStatus.CONFIRMED
        ).values_list("pk", flat=True)
        return mark_attendance(meeting, dict.fromkeys(ids, True), by=by, now=now)
