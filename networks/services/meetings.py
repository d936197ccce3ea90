"""Planning, changing and cancelling network meetings; answers (RSVP); notes; reminders."""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import record
from networks.models import (
    MeetingStatus,
    Membership,
    MembershipStatus,
    Network,
    NetworkMeeting,
    Rsvp,
    RsvpAnswer,
)
from networks.services.common import (
    REMINDERS,
    NetworkError,
    mail_active_members,
    mail_user,
    require_manager,
)

logger = logging.getLogger(__name__)

# Fields a coordinator may set on a meeting.
MEETING_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "place_name",
    "place_address",
    "online_link",
    "agenda",
    "capacity",
)
# A change to one of these makes calendars replace their copy and members get an email.
TIME_FIELDS = ("starts_at", "ends_at")
PLACE_FIELDS = ("place_name", "place_address", "online_link")
CALENDAR_FIELDS = ("title", *TIME_FIELDS, *PLACE_FIELDS)
REMINDER_HOURS = 48


def _validate_time(values: dict, now: datetime | None = None) -> None:
    starts_at, ends_at = values["starts_at"], values["ends_at"]
    if starts_at is None or ends_at is None:
        raise NetworkError(_("Give the meeting a start and an end."))
    if ends_at <= starts_at:
        raise NetworkError(_("The meeting must end after it starts."))
    if starts_at <= (now or timezone.now()):
        raise NetworkError(_("The meeting must start in the future."))


def _validate_details(values: dict) -> None:
    if not values["title"]:
        raise NetworkError(_("Give the meeting a title."))
    if values.get("capacity") is not None and values["capacity"] < 1:
        raise NetworkError(_("The capacity must be at least 1, or empty for no limit."))
    if not (values.get("place_name") or values.get("online_link")):
        raise NetworkError(_("Give a place or an online link, so members know where to go."))


def plan_meeting(network: Network, *, by, now: datetime | None = None, **values) -> NetworkMeeting:
    """Plan a meeting; every active member is emailed. `now`: when it is planned (the demo
    plans past meetings at a past time)."""
    require_manager(by, network)
    values = {field: values.get(field) for field in MEETING_FIELDS}
    for field in ("title", "place_name", "place_address", "online_link", "agenda"):
        values[field] = (values[field] or "").strip()
    _validate_details(values)
    _validate_time(values, now)
    with transaction.atomic():
        meeting = NetworkMeeting.objects.create(network=network, created_by=by, **values)
        record(meeting, "wagtail.create", by=by)
        mail_active_members(
            network, "meeting_planned", {"meeting": meeting}, calendar=(meeting, "REQUEST")
        )
    logger.info("Meeting %s planned in network %s", meeting.pk, network.pk)
    return meeting


def change_meeting(meeting: NetworkMeeting, *, by, **values) -> NetworkMeeting:
    """Change a planned meeting. A new time, place or title raises the iCalendar sequence;
    a new time or place is emailed to every active member. A new time also re-arms the
    reminder."""
    require_manager(by, meeting.network)
    with transaction.atomic():
        meeting = NetworkMeeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.is_cancelled:
            raise NetworkError(_("A cancelled meeting cannot be changed."))
        if meeting.ends_at <= timezone.now():
            raise NetworkError(_("A meeting that has ended cannot be changed."))
        new = {field: getattr(meeting, field) for field in MEETING_FIELDS}
        new.update({k: v for k, v in values.items() if k in MEETING_FIELDS})
        for field in ("title", "place_name", "place_address", "online_link", "agenda"):
            new[field] = (new[field] or "").strip()
        changed = [field for field in MEETING_FIELDS if new[field] != getattr(meeting, field)]
        if not changed:
            return meeting
        time_changed = any(field in changed for field in TIME_FIELDS)
        _validate_details(new)
        if time_changed:
            _validate_time(new)
        previous = {field: getattr(meeting, field) for field in MEETING_FIELDS}
        for field in changed:
            setattr(meeting, field, new[field])
        update_fields = [*changed, "updated_at"]
        if any(field in changed for field in CALENDAR_FIELDS):
            meeting.sequence += 1
            update_fields.append("sequence")
        if time_changed:
            meeting.reminder_sent_at = None
            update_fields.append("reminder_sent_at")
        meeting.save(update_fields=update_fields)
        record(meeting, "wagtail.edit", by=by, data={"fields": changed})
        if time_changed or any(field in changed for field in PLACE_FIELDS):
            mail_active_members(
                meeting.network,
                "meeting_changed",
                {
                    "meeting": meeting,
                    "previous": previous,
                    "time_changed": time_changed,
                    "place_changed": any(field in changed for field in PLACE_FIELDS),
                },
                calendar=(meeting, "REQUEST"),
            )
    return meeting


def cancel_meeting(meeting: NetworkMeeting, *, by, reason: str = "") -> NetworkMeeting:
    """Cancel a planned meeting that has not ended; members are emailed, calendars updated."""
    require_manager(by, meeting.network)
    with transaction.atomic():
        meeting = NetworkMeeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.is_cancelled:
            return meeting
        if meeting.ends_at <= timezone.now():
            raise NetworkError(_("A meeting that has ended cannot be cancelled."))
        meeting.status = MeetingStatus.CANCELLED
        meeting.cancelled_at = timezone.now()
        meeting.cancellation_reason = reason.strip()
        meeting.sequence += 1
        meeting.save(
            update_fields=[
                "status",
                "cancelled_at",
                "cancellation_reason",
                "sequence",
                "updated_at",
            ]
        )
        record(meeting, "frivilligloeft.networks.meeting_cancelled", by=by)
        mail_active_members(
            meeting.network,
            "meeting_cancelled",
            {"meeting": meeting},
            calendar=(meeting, "CANCEL"),
        )
    return meeting


def save_meeting_notes(
    meeting: NetworkMeeting, *, by, notes: str, now: datetime | None = None
) -> NetworkMeeting:
    """Notes or minutes, for members, once the meeting has started."""
    now = now or timezone.now()
    require_manager(by, meeting.network)
    with transaction.atomic():
        meeting = NetworkMeeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.is_cancelled:
            raise NetworkError(_("A cancelled meeting has no notes."))
        if meeting.starts_at > now:
            raise NetworkError(_("Notes can be written once the meeting has started."))
        meeting.notes = notes.strip()
        meeting.notes_updated_at = now
        meeting.save(update_fields=["notes", "notes_updated_at", "updated_at"])
        record(meeting, "frivilligloeft.networks.meeting_notes", by=by)
    return meeting


def rsvp(meeting: NetworkMeeting, user, answer: str) -> Rsvp:
    """Answer kommer / kommer ikke / måske. Only active members answer, until the meeting
    starts. "Coming" respects the capacity: the meeting row is locked while the seats are
    counted, so two people can never take the last seat."""
    if answer not in RsvpAnswer.values:
        raise NetworkError(_("Choose coming, not coming or maybe."))
    with transaction.atomic():
        meeting = NetworkMeeting.objects.select_for_update().get(pk=meeting.pk)
        is_member = Membership.objects.filter(
            network_id=meeting.network_id, user=user, status=MembershipStatus.ACTIVE
        ).exists()
        if not is_member:
            raise NetworkError(_("Only members of the network can answer."))
        if meeting.is_cancelled:
            raise NetworkError(_("The meeting has been cancelled."))
        if meeting.starts_at <= timezone.now():
            raise NetworkError(_("The meeting has started; answers are closed."))
        existing = Rsvp.objects.filter(meeting=meeting, user=user).first()
        if existing is not None and existing.answer == answer:
            return existing
        if answer == RsvpAnswer.YES and meeting.capacity is not None:
            taken = (
                Rsvp.objects.filter(meeting=meeting, answer=RsvpAnswer.YES)
                .exclude(user=user)
                .count()
            )
            if taken >= meeting.capacity:
                raise NetworkError(
                    _("The meeting is full. You can answer “maybe” and follow along.")
                )
        record(meeting, "frivilligloeft.networks.rsvp", by=user, data={"answer": answer})
        if existing is None:
            return Rsvp.objects.create(meeting=meeting, user=user, answer=answer)
        existing.answer = answer
        existing.save(update_fields=["answer", "updated_at"])
        return existing


def send_meeting_reminders(*, now: datetime | None = None, hours: int = REMINDER_HOURS) -> int:
    """Remind members of planned meetings starting within `hours`. Each meeting is reminded
    once (`reminder_sent_at`), so running this twice, or on two hosts at once, sends nothing
    twice. Members who answered "not coming" are not reminded. Returns the emails queued."""
    now = now or timezone.now()
    due = NetworkMeeting.objects.filter(
        status=MeetingStatus.PLANNED,
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(hours=hours),
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            meeting = (
                NetworkMeeting.objects.select_for_update()
                .select_related("network")
                .filter(pk=pk, reminder_sent_at__isnull=True, status=MeetingStatus.PLANNED)
                .first()
            )
            if meeting is None:  # another run got there first, or it was cancelled
                continue
            answers = dict(Rsvp.objects.filter(meeting=meeting).values_list("user_id", "answer"))
            memberships = Membership.objects.filter(
                Q(network=meeting.network_id),
                status=MembershipStatus.ACTIVE,
                user__is_active=True,
            ).select_related("user")
            reply_to = [meeting.network.contact_email] if meeting.network.contact_email else None
            for membership in memberships:
                answer = answers.get(membership.user_id)
                if answer == RsvpAnswer.NO:
                    continue
                sent += mail_user(
                    membership.user,
                    "meeting_reminder",
                    {"network": meeting.network, "meeting": meeting, "answer": answer},
                    reply_to,
                    # As course reminders do: the meeting as it stands, for the calendar.
                    calendar=(meeting, "REQUEST"),
                    email_kind=REMINDERS,
                )
            meeting.reminder_sent_at = now
            meeting.save(update_fields=["reminder_sent_at"])
    return sent
