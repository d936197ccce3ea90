"""courses.services: the only code that changes signups (see docs/architecture.md).

Import from here: `from courses import services` then `services.sign_up(...)`.
"""

from courses.services.attendance import mark_attendance
from courses.services.base import CourseError, lock_course, seat_counts
from courses.services.courses import (
    cancel_course,
    cancel_meeting,
    duplicate_course,
    meeting_snapshot,
    message_participants,
    refresh_schedule,
    save_course,
    send_course_reminders,
)
from courses.services.offers import accept_offer, decline_offer, expire_offers
from courses.services.signups import (
    approve_signup,
    cancel_signup,
    change_capacity,
    check_signup_open,
    decline_signup,
    leave_waiting_list,
    promote_waiting_list,
    sign_up,
    update_signup_details,
    waiting_position,
    withdraw_deleted_account,
)

__all__ = [
    "CourseError",
    "accept_offer",
    "approve_signup",
    "cancel_course",
    "cancel_meeting",
    "cancel_signup",
    "change_capacity",
    "check_signup_open",
    "decline_offer",
    "decline_signup",
    "duplicate_course",
    "expire_offers",
    "leave_waiting_list",
    "lock_course",
    "mark_attendance",
    "meeting_snapshot",
    "message_participants",
    "promote_waiting_list",
    "refresh_schedule",
    "save_course",
    "seat_counts",
    "send_course_reminders",
    "sign_up",
    "update_signup_details",
    "waiting_position",
    "withdraw_deleted_account",
]
