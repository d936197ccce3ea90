"""What courses store about a person, for "download my data" and account deletion."""

from django.db.models import Count, Q

from courses import queries, services
from courses.models import (
    CourseWish,
    EvaluationInvitation,
    QualificationReminder,
    Signup,
    SignupAnswer,
    WishSupport,
)


def _iso(value):
    return value.isoformat() if value else None


def export(user) -> dict:
    signups = (
        Signup.objects.filter(user=user)
        .select_related("course")
        .prefetch_related("attendance__meeting", "answers__question")
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
                "answers": [
                    {"question": answer.question.text, "answer": answer.display_value}
                    for answer in sorted(
                        signup.answers.all(), key=lambda a: (a.question.sort_order or 0, a.pk)
                    )
                ],
                "show_name_to_participants": signup.show_name_to_participants,
                "invoicing": {
                    "association": signup.invoice_association,
                    "ean": signup.invoice_ean,
                    "cvr": signup.invoice_cvr,
                    "reference": signup.invoice_reference,
                },
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
        "course_wishes": [
            {
                "topic": wish.topic.name,
                "title": wish.title,
                "description": wish.description,
                "expected_participants": wish.expected_participants,
                "time_of_day": wish.time_of_day,
                "format": wish.format,
                "association": wish.association,
                "status": wish.status,
                "proposed_at": _iso(wish.created_at),
            }
            for wish in CourseWish.objects.filter(proposed_by=user)
            .select_related("topic")
            .order_by("created_at", "pk")
        ],
        "course_wishes_supported": [
            {"wish": support.wish.title, "supported_at": _iso(support.created_at)}
            for support in WishSupport.objects.filter(user=user)
            .select_related("wish")
            .order_by("created_at", "pk")
        ],
        "qualifications": [
            {
                "qualification": qualification.kind.name,
                "from_course": qualification.course.title,
                "obtained_on": _iso(qualification.obtained_on),
                "valid_until": _iso(qualification.valid_until),
            }
            for qualification in queries.qualifications_of(user)
        ],
        "qualification_reminders_sent": [
            {
                "qualification": reminder.kind.name,
                "valid_until": _iso(reminder.valid_until),
                "sent_at": _iso(reminder.sent_at),
            }
            for reminder in QualificationReminder.objects.filter(user=user)
            .select_related("kind")
            .order_by("sent_at", "pk")
        ],
        # The answers themselves are stored without the person (see
        # courses.models.evaluations): nobody can find them again, not even for an export.
        "course_evaluation_invitations": [
            {
                "course": invitation.course.title,
                "invited_at": _iso(invitation.sent_at),
                "answered": invitation.answered,
            }
            for invitation in EvaluationInvitation.objects.filter(user=user)
            .select_related("course")
            .order_by("sent_at", "pk")
        ],
    }


def erase(user) -> None:
    """Give up the person's seats first, so the waiting list moves up, then remove what
    they wrote. The signups themselves go with the user row (on_delete=CASCADE)."""
    services.withdraw_deleted_account(user)
    Signup.objects.filter(user=user).update(association="", needs="")
    SignupAnswer.objects.filter(signup__user=user).delete()
    # Their wishes that nobody else supports go; the others stay, without their name
    # (proposed_by is SET_NULL), because other people stand behind them. Supports,
    # evaluation invitations and qualification reminders go with the user row.
    CourseWish.objects.filter(proposed_by=user).annotate(
        others=Count("supports", filter=~Q(supports__user=user))
    ).filter(others=0).delete()
