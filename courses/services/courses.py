"""Changes to a course as a whole: its schedule, cancellation, copies, messages, reminders."""

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import SimpleNamespace

from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import EmailOptOut
from core.audit import record
from core.slugs import save_with_unique_slug
from courses import validators
from courses.ics import schedule_fingerprint
from courses.models import (
    ACTIVE_SIGNUP_STATUSES,
    SEAT_HOLDING_STATUSES,
    Course,
    CourseMessage,
    CourseStatus,
    Meeting,
    MessageRecipients,
    Signup,
    SignupStatus,
)
from courses.rules import is_course_administrator, is_organiser
from courses.services import notifications
from courses.services.base import CourseError, lock_course
from courses.services.waiting_list import change_capacity
from courses.services.wishes import announce_planned_wishes

logger = logging.getLogger(__name__)

# What a calendar program must hear about when it changes (see Meeting.sequence): the
# values that end up in the meeting's calendar event, including those it takes from the
# course (place, format, online link), so that moving the course moves its meetings too.
MeetingFingerprint = tuple


def meeting_snapshot(course: Course) -> dict[int, MeetingFingerprint]:
    """Time, place and status of each saved meeting, to compare after an edit.

    Course and meetings are read as stored, never from `course` itself: an admin form has
    already put the edited values on the instance before it is saved.
    """
    if course.pk is None:
        return {}
    meetings = Meeting.objects.filter(course_id=course.pk).select_related("course")
    return {m.pk: schedule_fingerprint(m.course, m) for m in meetings}


def refresh_schedule(
    course: Course,
    *,
    before: dict[int, MeetingFingerprint] | None = None,
    notify: bool = True,
    now: datetime | None = None,
) -> list[Meeting]:
    """Bring the course in line with its meetings after they were edited.

    Keeps `Course.starts_at`/`ends_at` (first start, last end of the meetings that take
    place), raises `Meeting.sequence` for every meeting whose time, place or status differs
    from `before` (also when it comes from the course: its venue, format or online link),
    and tells confirmed participants of a published course about changed and added
    meetings that are still to come. Returns the changed meetings.
    """
    now = now or timezone.now()
    before = before or {}
    with transaction.atomic():
        course = lock_course(course.pk)
        meetings = list(Meeting.objects.filter(course=course).order_by("starts_at", "pk"))
        for meeting in meetings:
            meeting.course = course
        changed = [
            m
            for m in meetings
            if m.pk in before and before[m.pk] != schedule_fingerprint(course, m)
        ]
        if changed:
            Meeting.objects.filter(pk__in=[m.pk for m in changed]).update(
                sequence=F("sequence") + 1
            )
            for meeting in changed:
                meeting.sequence += 1
                # The email says what the time was, not only what it is now.
                was_start, was_end = before[meeting.pk][:2]
                if (was_start, was_end) != (meeting.starts_at, meeting.ends_at):
                    meeting.before = SimpleNamespace(starts_at=was_start, ends_at=was_end)
        taking_place = [m for m in meetings if m.cancelled_at is None] or meetings
        course.starts_at = min((m.starts_at for m in taking_place), default=None)
        course.ends_at = max((m.ends_at for m in taking_place), default=None)
        course.save(update_fields=["starts_at", "ends_at", "updated_at"])
        # Participants hear about changed meetings and about meetings added to the course.
        added = [m for m in meetings if before and m.pk not in before]
        upcoming = [m for m in meetings if (m in changed or m in added) and m.ends_at > now]
        if notify and upcoming and course.status == CourseStatus.PUBLISHED:
            signups = Signup.objects.filter(
                course=course, status__in=SEAT_HOLDING_STATUSES
            ).select_related("user")
            for signup in signups:
                signup.course = course
            notifications.schedule_changed(signups, meetings, upcoming)
    return changed


def cancel_meeting(meeting: Meeting, *, by, now: datetime | None = None) -> Meeting:
    """Call off one meeting; participants are told and their calendars updated."""
    now = now or timezone.now()
    with transaction.atomic():
        course = lock_course(meeting.course_id)
        if not is_organiser(by, course):
            raise CourseError(_("Only the course's organisers can cancel a meeting."))
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.cancelled_at is not None:
            return meeting
        before = meeting_snapshot(course)
        meeting.cancelled_at = now
        meeting.save(update_fields=["cancelled_at"])
        record(
            course, "frivilligloeft.courses.meeting_cancelled", by=by, data={"meeting": meeting.pk}
        )
        refresh_schedule(course, before=before, now=now)
        meeting.refresh_from_db()
    return meeting


def cancel_course(course: Course, *, by, reason: str = "", now: datetime | None = None) -> int:
    """Cancel a course (course administrators only) and email everyone with an active
    signup. Signups keep their status for the history; meetings are marked cancelled so
    calendars drop them. Returns the number of people told; cancelling twice tells nobody.
    """
    if not is_course_administrator(by):
        raise CourseError(_("Only course administrators can cancel a course."))
    now = now or timezone.now()
    with transaction.atomic():
        course = lock_course(course.pk)
        if course.status == CourseStatus.CANCELLED and course.cancelled_at is not None:
            return 0
        course.status = CourseStatus.CANCELLED
        course.cancelled_at = now
        course.cancellation_reason = reason.strip() or course.cancellation_reason
        course.save(update_fields=["status", "cancelled_at", "cancellation_reason", "updated_at"])
        record(
            course,
            "frivilligloeft.courses.cancelled",
            by=by,
            data={"reason": course.cancellation_reason},
        )
        Meeting.objects.filter(course=course, cancelled_at__isnull=True).update(
            cancelled_at=now, sequence=F("sequence") + 1
        )
        meetings = list(Meeting.objects.filter(course=course).order_by("starts_at", "pk"))
        signups = list(
            Signup.objects.filter(course=course, status__in=ACTIVE_SIGNUP_STATUSES)
            .select_related("user")
            .order_by("pk")
        )
        for signup in signups:
            signup.course = course
        notifications.course_cancelled(course, signups, meetings)
        logger.info("Course %s cancelled by %s; %s people told", course.pk, by.pk, len(signups))
    return len(signups)


RULE_FIELDS = (
    "status",
    "capacity",
    "min_participants",
    "price",
    "payment_method",
    "min_attendance_percent",
    "format",
    "online_link",
    "signup_opens_at",
    "signup_deadline",
    "cancellation_deadline",
)


def check_course_rules(course: Course, *, status: str, old_status: str | None) -> None:
    """The rules of courses/validators.py for a course as saved (inside the caller's
    transaction, so a refusal rolls the save back): CourseError with their messages."""
    data = {name: getattr(course, name) for name in RULE_FIELDS}
    data["status"] = status
    schedule = course.meetings.filter(cancelled_at__isnull=True).values_list("starts_at", "ends_at")
    errors = validators.course_errors(
        data=data,
        schedule=list(schedule),
        old_status=old_status,
        has_active_signups=Signup.objects.filter(
            course_id=course.pk, status__in=ACTIVE_SIGNUP_STATUSES
        ).exists(),
    )
    if errors is not None:
        raise CourseError(" ".join(str(message) for message in errors.messages))


def save_course(
    course: Course,
    *,
    by,
    save: Callable[[], object],
    capacity: int | None,
    status: str,
    cancellation_reason: str = "",
) -> Course:
    """Save an edit of a course from the admin without going around the rules.

    `save` persists everything else the editor changed (fields and meetings). Capacity and
    cancellation still go through change_capacity and cancel_course, and the schedule is
    refreshed, all in one transaction.
    """
    if not is_course_administrator(by):
        raise CourseError(_("Only course administrators can edit courses."))
    with transaction.atomic():
        if course.pk is None:
            save()
            refresh_schedule(course, notify=False)
            check_course_rules(course, status=status, old_status=None)
            course.refresh_from_db()
            return course
        current = lock_course(course.pk)
        # Before save(): `course` already carries the editor's new venue, format and link.
        before = meeting_snapshot(current)
        # The stored values stay until the services below change them.
        course.capacity = current.capacity
        course.cancelled_at = current.cancelled_at
        if status == CourseStatus.CANCELLED and current.status != CourseStatus.CANCELLED:
            course.status = current.status
        else:
            course.status = status
        save()
        refresh_schedule(course, before=before)
        check_course_rules(course, status=status, old_status=current.status)
        if capacity != current.capacity:
            change_capacity(course, capacity, by=by)
        if status == CourseStatus.CANCELLED and current.status != CourseStatus.CANCELLED:
            cancel_course(course, by=by, reason=cancellation_reason)
        course.refresh_from_db()
        # Publishing a course planned for a wish tells the wish's supporters (once).
        announce_planned_wishes(course=course)
    return course


def _shift(value: datetime | None, days: int) -> datetime | None:
    """Move a datetime by whole days, keeping the local wall-clock time across DST."""
    if value is None:
        return None
    local = timezone.localtime(value).replace(tzinfo=None) + timedelta(days=days)
    return timezone.make_aware(local)


def duplicate_course(course: Course, *, by, first_day: date) -> Course:
    """Copy a course as a new run starting on `first_day`: every meeting and deadline moves
    by the same number of days at the same local time. The copy is a draft without signups.
    """
    if not is_organiser(by, course):
        raise CourseError(_("Only the course's organisers can copy it."))
    meetings = list(course.meetings.order_by("starts_at", "pk"))
    if not meetings:
        raise CourseError(_("The course has no meetings to copy."))
    days = (first_day - timezone.localtime(meetings[0].starts_at).date()).days
    if first_day < timezone.localdate():
        raise CourseError(_("Choose a first day in the future."))
    with transaction.atomic():
        copy = Course.objects.get(pk=course.pk)
        copy.pk = copy.id = None
        copy._state.adding = True
        base = re.sub(r"-\d{4}-\d{2}-\d{2}(-\d+)?$", "", course.slug)
        copy.status = CourseStatus.DRAFT
        copy.duplicated_from = course
        copy.cancelled_at = None
        copy.cancellation_reason = ""
        copy.signup_opens_at = _shift(course.signup_opens_at, days)
        copy.signup_deadline = _shift(course.signup_deadline, days)
        copy.cancellation_deadline = _shift(course.cancellation_deadline, days)
        copy.topics = list(course.topics.all())
        copy.organisers = list(course.organisers.all())
        save_with_unique_slug(copy, f"{base}-{first_day:%Y-%m-%d}", fallback="kursus")
        Meeting.objects.bulk_create(
            Meeting(
                course=copy,
                title=m.title,
                starts_at=_shift(m.starts_at, days),
                ends_at=_shift(m.ends_at, days),
                venue_name=m.venue_name,
                venue_address=m.venue_address,
            )
            for m in meetings
        )
        refresh_schedule(copy, notify=False)
        copy.refresh_from_db()
        record(copy, "wagtail.create", by=by, data={"duplicated_from": course.pk})
        logger.info("Course %s copied as %s by %s", course.pk, copy.pk, by.pk)
    return copy


def _message_recipients(course: Course, recipients: str):
    statuses = [SignupStatus.CONFIRMED]
    if recipients == MessageRecipients.CONFIRMED_AND_WAITING:
        statuses += [SignupStatus.WAITLISTED, SignupStatus.OFFERED]
    return Signup.objects.filter(course=course, status__in=statuses).select_related("user")


@dataclass(frozen=True)
class MessagePreview:
    """An organiser's message as its first recipient will get it, before it is sent."""

    subject: str
    body: str
    recipient_name: str
    language: str
    recipient_count: int  # who will be emailed: those who turned such messages off are not


def preview_message(
    course: Course, *, by, subject: str, body: str, recipients: str
) -> MessagePreview:
    """Render the email `message_participants` would send, for the first recipient (in
    their language), without sending or storing anything. Its unsubscribe link is a
    stand-in: the real one would let the organiser turn the person's messages off."""
    if not is_organiser(by, course):
        raise CourseError(_("Only the course's organisers can write to the participants."))
    signups = _message_recipients(course, recipients).annotate(
        opted_out=Exists(
            EmailOptOut.objects.filter(user=OuterRef("user"), kind=notifications.MESSAGES)
        )
    )
    reachable = [signup for signup in signups.order_by("pk") if not signup.opted_out]
    if not reachable:
        raise CourseError(_("There is nobody to write to yet."))
    first = reachable[0]
    first.course = course
    rendered = notifications.participant_message_preview(
        first,
        subject=subject.strip(),
        body=body.strip(),
        sender=by,
        meetings=list(course.meetings.all()),
    )
    return MessagePreview(
        subject=rendered["subject"],
        body=rendered["body"],
        recipient_name=first.user.get_full_name(),
        language=first.user.preferred_language,
        recipient_count=len(reachable),
    )


def message_participants(
    course: Course, *, by, subject: str, body: str, recipients: str
) -> CourseMessage:
    """Email the course's participants (each in their own email and language) and keep a
    copy of what was sent. The email starts with the organiser's own words: no greeting is
    added in front of theirs."""
    if not is_organiser(by, course):
        raise CourseError(_("Only the course's organisers can write to the participants."))
    with transaction.atomic():
        course = lock_course(course.pk)
        signups = list(_message_recipients(course, recipients).order_by("pk"))
        if not signups:
            raise CourseError(_("There is nobody to write to yet."))
        for signup in signups:
            signup.course = course
        meetings = list(course.meetings.all())
        emailed = notifications.participant_message(
            signups,
            subject=subject.strip(),
            body=body.strip(),
            sender=by,
            meetings=meetings,
        )
        message = CourseMessage.objects.create(
            course=course,
            subject=subject.strip(),
            body=body.strip(),
            recipients=recipients,
            # Those who turned organisers' messages off are not counted (nor emailed).
            recipient_count=emailed,
            sent_by=by,
        )
        record(
            course,
            "frivilligloeft.courses.participants_messaged",
            by=by,
            data={"message": message.pk, "recipients": emailed},
        )
    return message


def send_course_reminders(*, days: int = 2, now: datetime | None = None) -> int:
    """Remind confirmed participants of courses that start within `days` days.

    Each signup is claimed with a conditional UPDATE before its email is queued, so
    overlapping runs (or a run every hour) send each person exactly one reminder.
    """
    now = now or timezone.now()
    signups = (
        Signup.objects.filter(
            status=SignupStatus.CONFIRMED,
            reminder_sent_at__isnull=True,
            course__status=CourseStatus.PUBLISHED,
            course__starts_at__gt=now,
            course__starts_at__lte=now + timedelta(days=days),
        )
        .select_related("user", "course")
        .order_by("course_id", "pk")
    )
    meetings_by_course: dict[int, list[Meeting]] = {}
    sent = 0
    for signup in signups:
        with transaction.atomic():
            claimed = Signup.objects.filter(
                pk=signup.pk, status=SignupStatus.CONFIRMED, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            if signup.course_id not in meetings_by_course:
                meetings_by_course[signup.course_id] = list(
                    signup.course.meetings.order_by("starts_at", "pk")
                )
            # Claimed even when the person turned reminders off: nothing to send later.
            sent += notifications.course_reminder(signup, meetings_by_course[signup.course_id])
    return sent
