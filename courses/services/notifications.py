"""The emails that course changes send, each in the recipient's own language.

Every function here only schedules: the email is rendered once the surrounding transaction
has committed (so the course lock is not held while templates render) and then handed to
core.email.queue_email, which sends it through django.tasks. A failing template or mail
server is logged and never undoes a signup.
"""

from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import translation

from core.email import queue_email
from courses.ics import invitation_attachment
from courses.models import Course, CourseFormat, Meeting, Signup, SignupStatus

TEMPLATES = "emails/courses/"


def after_commit(send: Callable[[], None]) -> None:
    transaction.on_commit(send, robust=True)


def _reply_to(course: Course) -> list[str] | None:
    return [course.contact_email] if course.contact_email else None


def email_participant(
    signup: Signup,
    template: str,
    *,
    meetings: list[Meeting] | None = None,
    attach_calendar: bool = False,
    withdrawn: bool = False,
    reply_to: list[str] | None = None,
    **extra,
) -> None:
    """Queue one email about `signup` to its participant, with the course's details.

    With `attach_calendar` the email carries an iTIP invitation (METHOD:REQUEST) for the
    meetings that take place and a cancellation (METHOD:CANCEL) for those that do not; with
    `withdrawn` (the person left the course) every meeting is cancelled for them.
    """
    course = signup.course
    user = signup.user
    if meetings is None:
        meetings = list(course.meetings.all())
    confirmed = signup.status == SignupStatus.CONFIRMED
    context = {
        "user": user,
        "signup": signup,
        "course": course,
        "meetings": meetings,
        # The online link is for confirmed participants only (see Course.online_link).
        "show_online_link": confirmed
        and bool(course.online_link)
        and course.format != CourseFormat.IN_PERSON,
        **extra,
    }

    def send():
        attachments = ()
        if attach_calendar and meetings:
            with translation.override(user.preferred_language):
                attachments = calendar_attachments(signup, meetings, withdrawn=withdrawn)
        queue_email(
            user.email,
            TEMPLATES + template,
            context,
            user.preferred_language,
            attachments=attachments,
            reply_to=reply_to or _reply_to(course),
        )

    after_commit(send)


def invitation_round(signup: Signup) -> int:
    """How many earlier signups of this person to this course got as far as a seat."""
    return Signup.objects.filter(
        course_id=signup.course_id,
        user_id=signup.user_id,
        pk__lt=signup.pk,
        confirmed_at__isnull=False,
    ).count()


def calendar_attachments(signup: Signup, meetings: list[Meeting], *, withdrawn: bool = False):
    course, user = signup.course, signup.user
    round = invitation_round(signup)
    if withdrawn or course.is_cancelled:
        taking_place, called_off = [], meetings
    else:
        taking_place = [m for m in meetings if m.cancelled_at is None]
        called_off = [m for m in meetings if m.cancelled_at is not None]
    attachments = []
    if taking_place:
        attachments.append(
            invitation_attachment(
                course, taking_place, attendee=user, method="REQUEST", round=round
            )
        )
    if called_off:
        attachments.append(
            invitation_attachment(
                course,
                called_off,
                attendee=user,
                method="CANCEL",
                round=round,
                withdrawn=withdrawn,
            )
        )
    return tuple(attachments)


def signup_confirmed(signup: Signup, *, how: str, meetings=None) -> None:
    """`how`: signup, promoted, approved or offer_accepted — the email's first line."""
    email_participant(signup, "signup_confirmed", meetings=meetings, attach_calendar=True, how=how)


def signup_waitlisted(signup: Signup, *, position: int, how: str) -> None:
    email_participant(signup, "signup_waitlisted", position=position, how=how)


def signup_pending(signup: Signup, organisers: Iterable) -> None:
    email_participant(signup, "signup_pending")
    course = signup.course
    for organiser in organisers:
        after_commit(
            lambda organiser=organiser: queue_email(
                organiser.email,
                TEMPLATES + "organiser_signup_pending",
                {"user": organiser, "course": course, "signup": signup},
                organiser.preferred_language,
            )
        )


def seat_offered(signup: Signup, meetings=None) -> None:
    email_participant(signup, "seat_offered", meetings=meetings)


def offer_expired(signup: Signup) -> None:
    email_participant(signup, "offer_expired")


def signup_declined(signup: Signup, *, message: str = "") -> None:
    email_participant(signup, "signup_declined", message=message)


def signup_cancelled(signup: Signup, *, by_organiser: bool, had_seat: bool = False) -> None:
    """`had_seat`: the person was confirmed, so their calendar holds the meetings and gets
    a METHOD:CANCEL for them."""
    email_participant(
        signup,
        "signup_cancelled",
        attach_calendar=had_seat,
        withdrawn=True,
        by_organiser=by_organiser,
        had_seat=had_seat,
    )


def course_cancelled(course: Course, signups: Iterable[Signup], meetings: list[Meeting]) -> None:
    for signup in signups:
        email_participant(
            signup,
            "course_cancelled",
            meetings=meetings,
            # Participants who imported the meetings get them marked as cancelled.
            attach_calendar=signup.status in (SignupStatus.CONFIRMED, SignupStatus.OFFERED),
        )


def schedule_changed(
    signups: Iterable[Signup], meetings: list[Meeting], changed: list[Meeting]
) -> None:
    for signup in signups:
        email_participant(
            signup, "schedule_changed", meetings=meetings, attach_calendar=True, changed=changed
        )


def course_reminder(signup: Signup, meetings: list[Meeting]) -> None:
    email_participant(signup, "course_reminder", meetings=meetings, attach_calendar=True)


def participant_message(
    signups: Iterable[Signup], *, subject: str, body: str, sender, meetings: list[Meeting]
) -> None:
    for signup in signups:
        email_participant(
            signup,
            "participant_message",
            meetings=meetings,
            message_subject=subject,
            message_body=body,
            sender=sender,
            reply_to=[sender.email],
        )
