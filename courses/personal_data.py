"""What courses store about a person, for "download my data" and account deletion."""

from courses import services
from courses.models import Signup


def _iso(value):
    return value.isoformat() if value else None


def export(user) -> dict:
    signups = (
        Signup.objects.filter(user=user)
        .select_related("course")
        .prefetch_related("attendance__meeting")
        .order_by("created_at", "pk")
    )
    return {
        "signups": [
            {
                "course": signup.course.title,
                "course_starts_at": _iso(signup.course.starts_at),
                "status": signup.status,
                "end_reason": signup.end_reason,
                "association": signup.association,
                "needs": signup.needs,
                "show_name_to_participants": signup.show_name_to_participants,
                "signed_up_at": _iso(signup.created_at),
                "confirmed_at": _iso(signup.confirmed_at),
                "waitlisted_at": _iso(signup.waitlisted_at),
                "offered_at": _iso(signup.offered_at),
                "offer_expires_at": _iso(signup.offer_expires_at),
                "cancelled_at": _iso(signup.cancelled_at),
                "declined_at": _iso(signup.declined_at),
                "attendance": [
                    {"meeting_starts_at": _iso(mark.meeting.starts_at), "present": mark.present}
                    for mark in sorted(signup.attendance.all(), key=lambda a: a.meeting.starts_at)
                ],
            }
            for signup in signups
        ],
        "organises": sorted(course.title for course in user.organised_courses.all()),
    }


def erase(user) -> None:
    """Give up the person's seats first, so the waiting list moves up, then remove what
    they wrote. The signups themselves go with the user row (on_delete=CASCADE)."""
    services.withdraw_deleted_account(user)
    Signup.objects.filter(user=user).update(association="", needs="")
