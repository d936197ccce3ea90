"""courses.services: the only code that changes signups (see docs/architecture.md).

Import from here: `from courses import services` then `services.sign_up(...)`.
"""

from courses.services.attendance import mark_all_present, mark_attendance
from courses.services.base import CourseError, lock_course, seat_counts
from courses.services.cancellation import (
    UNDO_WINDOW,
    cancel_signup,
    leave_waiting_list,
    own_signup_and_undoable,
    undo_cancellation,
    undoable_cancellation,
    withdraw_deleted_account,
)
from courses.services.checkin import check_in
from courses.services.courses import (
    cancel_course,
    cancel_meeting,
    duplicate_course,
    meeting_snapshot,
    message_participants,
    preview_message,
    refresh_schedule,
    save_course,
    send_course_reminders,
)
from courses.services.evaluations import (
    Answer,
    invite_to_evaluation,
    send_course_evaluations,
    submit_evaluation,
)
from courses.services.offers import accept_offer, decline_offer, expire_offers
from courses.services.signups import (
    add_participant,
    approve_signup,
    check_signup_open,
    decline_signup,
    erase_needs_of_ended_courses,
    sign_up,
    update_signup_details,
)
from courses.services.waiting_list import (
    change_capacity,
    give_seat,
    promote_waiting_list,
    waiting_position,
)
from courses.services.wishes import (
    announce_planned_wishes,
    close_wish,
    plan_wish,
    propose_wish,
    reopen_wish,
    support_wish,
    withdraw_support,
)

__all__ = [
    "UNDO_WINDOW",
    "Answer",
    "CourseError",
    "accept_offer",
    "add_participant",
    "announce_planned_wishes",
    "approve_signup",
    "cancel_course",
    "cancel_meeting",
    "cancel_signup",
    "change_capacity",
    "check_in",
    "check_signup_open",
    "close_wish",
    "decline_offer",
    "decline_signup",
    "duplicate_course",
    "erase_needs_of_ended_courses",
    "expire_offers",
    "give_seat",
    "invite_to_evaluation",
    "leave_waiting_list",
    "lock_course",
    "mark_all_present",
    "mark_attendance",
    "meeting_snapshot",
    "message_participants",
    "own_signup_and_undoable",
    "plan_wish",
    "preview_message",
    "promote_waiting_list",
    "propose_wish",
    "refresh_schedule",
    "reopen_wish",
    "save_course",
    "seat_counts",
    "send_course_evaluations",
    "send_course_reminders",
    "sign_up",
    "submit_evaluation",
    "support_wish",
    "undo_cancellation",
    "undoable_cancellation",
    "update_signup_details",
    "waiting_position",
    "withdraw_deleted_account",
    "withdraw_support",
]
