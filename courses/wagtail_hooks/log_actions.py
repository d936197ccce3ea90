"""The names courses.services log their changes under (core.audit), with their labels."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks

from core.audit import register_actions
from courses.models import SignupEndReason, SignupStatus, WishStatus


@hooks.register("register_log_actions")
def register_course_log_actions(actions):
    """The names `courses.services` log their changes under (core.audit)."""
    register_actions(
        actions,
        {
            "frivilligloeft.courses.attendance_marked": (
                _("Mark attendance"),
                _("Attendance marked: %(present)s present, %(absent)s absent"),
            ),
            "frivilligloeft.courses.checked_in": (_("Check in"), _("Checked in")),
            "frivilligloeft.courses.meeting_cancelled": (
                _("Cancel course meeting"),
                _("A meeting was cancelled"),
            ),
            "frivilligloeft.courses.cancelled": (_("Cancel course"), _("Course cancelled")),
            "frivilligloeft.courses.participants_messaged": (
                _("Message participants"),
                ngettext_lazy(
                    "Message sent to %(recipients)s participant",
                    "Message sent to %(recipients)s participants",
                    "recipients",
                ),
            ),
            "frivilligloeft.courses.signed_up": (_("Signup"), _("Signed up: %(status)s")),
            "frivilligloeft.courses.signup_details_changed": (
                _("Change signup details"),
                _("A participant changed their signup details"),
            ),
            "frivilligloeft.courses.signup_approved": (
                _("Approve signup"),
                _("Signup approved: %(status)s"),
            ),
            "frivilligloeft.courses.signup_declined": (
                _("Decline signup"),
                _("Signup declined"),
            ),
            "frivilligloeft.courses.participant_added": (
                _("Add participant"),
                _("Participant added by an organiser: %(status)s"),
            ),
            "frivilligloeft.courses.signup_cancelled": (
                _("Cancel signup"),
                _("Signup cancelled: %(reason)s"),
            ),
            "frivilligloeft.courses.cancellation_undone": (
                _("Undo cancellation"),
                _("Cancellation undone: %(status)s"),
            ),
            "frivilligloeft.courses.waiting_list_promoted": (
                _("Promote from the waiting list"),
                ngettext_lazy(
                    "%(count)s person moved up from the waiting list: %(status)s",
                    "%(count)s people moved up from the waiting list: %(status)s",
                    "count",
                ),
            ),
            "frivilligloeft.courses.seat_given": (
                _("Give a seat"),
                _("Given a seat from the waiting list"),
            ),
            "frivilligloeft.courses.capacity_changed": (
                _("Change the number of seats"),
                _("Seats changed from %(from)s to %(to)s"),
            ),
            "frivilligloeft.courses.offer_accepted": (
                _("Accept seat offer"),
                _("Seat offer accepted"),
            ),
            "frivilligloeft.courses.offer_declined": (
                _("Decline seat offer"),
                _("Seat offer declined"),
            ),
            "frivilligloeft.courses.offers_expired": (
                _("Seat offer expired"),
                ngettext_lazy(
                    "%(count)s seat offer was not accepted in time",
                    "%(count)s seat offers were not accepted in time",
                    "count",
                ),
            ),
            "frivilligloeft.courses.wish_status": (
                _("Change wish status"),
                _("Wish status changed to %(to)s"),
            ),
        },
        value_labels={
            "status": dict(SignupStatus.choices),
            "reason": dict(SignupEndReason.choices),
            "from": {None: _("no limit")},
            # A number of seats, or a wish's new status.
            "to": {None: _("no limit"), **dict(WishStatus.choices)},
        },
    )
