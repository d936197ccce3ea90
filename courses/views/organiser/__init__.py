"""Organiser tools: participants, approvals, exports, attendance, messages, copies.

Open to course administrators and to the people named as a course's organisers; everyone
else gets a 404, so nobody learns whether a course has participants at all. One module per
part: `overview` (the participant overview), `participants` (changes to one participant),
`downloads` (participant and invoice lists), `attendance`, `messaging`, `copies`; `common`
holds the course lookup and the way back to the overview.
"""

from courses.views.organiser.attendance import (
    attendance_sheet,
    cancel_meeting,
    mark_all_present,
    mark_attendance,
)
from courses.views.organiser.copies import duplicate
from courses.views.organiser.downloads import (
    export_csv,
    export_xlsx,
    invoices_csv,
    invoices_xlsx,
)
from courses.views.organiser.messaging import message, message_log
from courses.views.organiser.overview import overview
from courses.views.organiser.participants import (
    add_participant,
    approve,
    cancel_participant,
    decline,
    give_seat,
)

__all__ = [
    "add_participant",
    "approve",
    "attendance_sheet",
    "cancel_meeting",
    "cancel_participant",
    "decline",
    "duplicate",
    "export_csv",
    "export_xlsx",
    "give_seat",
    "invoices_csv",
    "invoices_xlsx",
    "mark_all_present",
    "mark_attendance",
    "message",
    "message_log",
    "overview",
]
