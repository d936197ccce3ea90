"""The names courses.services log their changes under (core.audit), with their labels."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.audit import register_actions


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
                _("Message sent to %(recipients)s participants"),
            ),
            "frivilligloeft.courses.offer_accepted": (
                _("Accept seat offer"),
                _("Seat offer accepted"),
            ),
            "frivilligloeft.courses.offer_declined": (
                _("Decline seat offer"),
                _("Seat offer declined"),
            ),
            "frivilligloeft.courses.wish_status": (
                _("Change wish status"),
                _("Wish status changed to %(to)s"),
            ),
        },
    )
