"""The emails that course changes send, each in the recipient's own language.

Every function here stores its emails in the outbox (core.email.queue_email) inside the
surrounding transaction, so a signup and its confirmation are committed together; they are
sent once it has committed. A failing template or calendar attachment is logged and recorded
on the email (staff see it in the admin); it never undoes a signup, and a mail server that is
down only delays the email.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from accounts.services import unsubscribe_for, wants_email
from core.email import (
    EmailToRender,
    Unsubscribe,
    queue_email,
    queue_email_rendered_later,
    render_email,
)
from courses.ics import invitation_attachment
from courses.models import Course, CourseFormat, Meeting, Signup, SignupStatus
from courses.services.checkin import checkin_attachment

TEMPLATES = "emails/courses/"
# The kinds of course email a person may turn off (registered in courses.apps).
REMINDERS = "course_reminders"
MESSAGES = "course_messages"
EVALUATIONS = "course_evaluations"
WISHES = "course_wishes"
logger = logging.getLogger(__name__)


def _reply_to(course: Course) -> list[str] | None:
    return [course.contact_email] if course.contact_email else None


def participant_context(signup: Signup, meetings: list[Meeting], **extra) -> dict:
    """What every email to a participant about their course is rendered with."""
    course = signup.course
    confirmed = signup.status == SignupStatus.CONFIRMED
    return {
        "user": signup.user,
        "signup": signup,
        "course": course,
        "meetings": meetings,
        # The online link is for confirmed participants only (see Course.online_link).
        "show_online_link": confirmed
        and bool(course.online_link)
        and course.format != CourseFormat.IN_PERSON,
        **extra,
    }


def participant_email(
    signup: Signup,
    template: str,
    *,
    meetings: list[Meeting] | None = None,
    attach_calendar: bool = False,
    withdrawn: bool = False,
    reply_to: list[str] | None = None,
    unsubscribe=None,
    automatic: bool = True,
    **extra,
) -> EmailToRender:
    """One email about `signup` to its participant, with the course's details, ready to render.

    With `attach_calendar` the email carries an iTIP invitation (METHOD:REQUEST) for the
    meetings that take place and a cancellation (METHOD:CANCEL) for those that do not; with
    `withdrawn` (the person left the course) every meeting is cancelled for them.
    """
    course = signup.course
    user = signup.user
    if meetings is None:
        meetings = list(course.meetings.all())
    context = participant_context(signup, meetings, **extra)

    attachments = ()
    if attach_calendar and meetings:
        try:
            with translation.override(user.preferred_language):
                attachments = calendar_attachments(signup, meetings, withdrawn=withdrawn)
        except Exception:
            # The email matters more than its calendar file: send it without one.
            logger.exception("Could not build the calendar for signup %s", signup.pk)
    if template == "signup_confirmed" and signup.status == SignupStatus.CONFIRMED:
        # The QR code the organisers scan at the door (courses.services.checkin).
        attachments = (*attachments, checkin_attachment(signup))
        context["checkin_code_attached"] = True
    return EmailToRender(
        template_prefix=TEMPLATES + template,
        context=context,
        language=user.preferred_language,
        attachments=attachments,
        reply_to=reply_to or _reply_to(course),
        unsubscribe=unsubscribe,
        automatic=automatic,
    )


def email_participant(
    signup: Signup,
    template: str,
    *,
    email_kind: str | None = None,
    **options,
) -> bool:
    """Queue one email about `signup` to its participant (participant_email's `options`),
    rendered now. `email_kind`: a kind of email the person may turn off (see apps.py); it
    is not sent if they have. Returns whether it was queued."""
    user = signup.user
    if email_kind is not None and not wants_email(user, email_kind):
        return False
    email = participant_email(
        signup,
        template,
        unsubscribe=unsubscribe_for(user, email_kind) if email_kind else None,
        **options,
    )
    queue_email(
        user.email,
        email.template_prefix,
        email.context,
        email.language,
        attachments=email.attachments,
        reply_to=email.reply_to,
        about=signup,
        unsubscribe=email.unsubscribe,
        automatic=email.automatic,
    )
    return True


RENDERER = "courses.participant"


def email_participant_after_commit(signup: Signup, template: str, **options) -> None:
    """Queue the same email as email_participant, rendered by the sender when it sends it
    (core.email.queue_email_rendered_later): for emails written while the course's row lock
    is held, so the next person in line does not wait for templates and calendar files, and
    the web request does not render them at all. `options` must be JSON values (how,
    position, attach_calendar); the email shows the signup and course as they are when it is
    sent, moments after the commit."""
    queue_email_rendered_later(
        RENDERER,
        to=signup.user.email,
        kind=TEMPLATES + template,
        language=signup.user.preferred_language,
        about=signup,
        signup_id=signup.pk,
        template=template,
        **options,
    )


def render_participant_email(*, signup_id: int, template: str, **options) -> EmailToRender | None:
    """The renderer of email_participant_after_commit (registered in courses.apps)."""
    signup = Signup.objects.select_related("course", "user").filter(pk=signup_id).first()
    if signup is None:
        return None
    return participant_email(signup, template, **options)


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


def signup_confirmed(signup: Signup, *, how: str, meetings=None, after_commit=False) -> None:
    """`how` (the first line): signup, promoted, moved, added, approved, offer_accepted, restored.
    `after_commit`: render it after the commit (email_participant_after_commit)."""
    if after_commit:
        email_participant_after_commit(signup, "signup_confirmed", attach_calendar=True, how=how)
    else:
        email_participant(
            signup, "signup_confirmed", meetings=meetings, attach_calendar=True, how=how
        )


def signup_waitlisted(signup: Signup, *, position: int, how: str, after_commit=False) -> None:
    if after_commit:
        email_participant_after_commit(signup, "signup_waitlisted", position=position, how=how)
    else:
        email_participant(signup, "signup_waitlisted", position=position, how=how)


def signup_pending(signup: Signup, organisers: Iterable, *, after_commit=False) -> None:
    if after_commit:
        email_participant_after_commit(signup, "signup_pending")
    else:
        email_participant(signup, "signup_pending")
    course = signup.course
    for organiser in organisers:
        queue_email(
            organiser.email,
            TEMPLATES + "organiser_signup_pending",
            {"user": organiser, "course": course, "signup": signup},
            organiser.preferred_language,
            about=signup,
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


def course_reminder(signup: Signup, meetings: list[Meeting]) -> bool:
    return email_participant(
        signup,
        "course_reminder",
        meetings=meetings,
        attach_calendar=True,
        email_kind=REMINDERS,
    )


def participant_message(
    signups: Iterable[Signup], *, subject: str, body: str, sender, meetings: list[Meeting]
) -> int:
    """Email the organiser's message to each participant who has not turned such messages
    off; returns how many were emailed."""
    sent = 0
    for signup in signups:
        sent += email_participant(
            signup,
            "participant_message",
            meetings=meetings,
            message_subject=subject,
            message_body=body,
            sender=sender,
            reply_to=[sender.email],
            email_kind=MESSAGES,
            # Written by the organiser: replies (even automatic ones) go to them.
            automatic=False,
        )
    return sent


def participant_message_preview(
    signup: Signup, *, subject: str, body: str, sender, meetings: list[Meeting]
) -> dict:
    """The subject and text `participant_message` would queue for `signup`, rendered the same
    way in the participant's language; the personal unsubscribe link is replaced by a
    stand-in, so the organiser never holds a link that turns someone's messages off."""
    user = signup.user
    context = participant_context(
        signup, meetings, message_subject=subject, message_body=body, sender=sender
    )
    language = user.preferred_language or settings.LANGUAGE_CODE
    real = unsubscribe_for(user, MESSAGES)
    with translation.override(language):
        stand_in = Unsubscribe(url=gettext("(the person's own link)"), label=real.label)
    return render_email(TEMPLATES + "participant_message", context, language, stand_in)
